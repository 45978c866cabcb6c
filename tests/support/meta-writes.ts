/**
 * What reaches IndexedDB's meta table, seen from a Dexie DBCore middleware: the keys each put or add
 * writes, with its transaction, and each read-write transaction's completion. Register it before the
 * database's first use (which opens it): Dexie builds its middleware stack when it opens.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Dexie, Middleware } from 'dexie';

export type MetaWriteWatch = {
  readonly onWrite?: (keys: readonly string[], trans: DBCoreTransaction) => void;
  /** A read-write transaction committed: called from its `complete` event, before any code awaiting the commit runs. */
  readonly onCommit?: (trans: DBCoreTransaction) => void;
};

type CompletingTransaction = { addEventListener(type: 'complete', listener: () => void): void };

export function watchMetaWrites(db: Dexie, watch: MetaWriteWatch): void {
  const spy: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'meta-writes',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const trans = down.transaction(stores, mode, options);
        const { onCommit } = watch;
        if (mode === 'readwrite' && onCommit !== undefined) {
          // Dexie's DBCore transactions are IndexedDB's own (typed here without the DOM library,
          // which the Node-only test projects do not load).
          (trans as unknown as CompletingTransaction).addEventListener('complete', () => onCommit(trans));
        }
        return trans;
      },
      table: (name) => {
        const table = down.table(name);
        if (name !== 'meta') return table;
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type === 'put' || req.type === 'add') watch.onWrite?.(req.values.map((row) => String((row as { key: unknown }).key)), req.trans);
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(spy);
}
