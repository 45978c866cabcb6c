// What a phone holds, read raw from its own IndexedDB (the `lumbung` database) inside the page,
// without the app's code: the kill and storage-fault tests must see what is on disk after a
// restart, not what the app believes. Entries are parsed with the contract's schema on the way in
// (a test's trust boundary too), projections' account totals are taken as stored.
import type { Page } from 'playwright-core';
import { entrySchema, type Entry } from '../../src/domain/entry/schema.ts';
import type { AccountTotalRow } from '../../src/domain/ledger/index.ts';

export type StoredEntry = { readonly entry: Entry; readonly sync: string; readonly order: number };

export type PhoneStore = {
  /** In the order the phone folded them. */
  readonly entries: readonly StoredEntry[];
  /** The `accounts` projection rows: each account's posted debit and credit totals. */
  readonly accountTotals: readonly AccountTotalRow[];
};

/** The few page globals read inside `page.evaluate` (this tsconfig has no DOM lib). */
type IdbGlobals = {
  readonly indexedDB: {
    open(name: string): {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      readonly result: {
        transaction(stores: string[]): {
          objectStore(store: string): { getAll(): { onsuccess: (() => void) | null; readonly result: unknown[] } };
        };
        close(): void;
      };
    };
  };
};

type RawStore = { readonly entries: unknown[]; readonly projections: unknown[] };

export async function readPhoneStore(page: Page): Promise<PhoneStore> {
  const raw = await page.evaluate(
    () =>
      new Promise<RawStore>((resolve, reject) => {
        const open = (globalThis as unknown as IdbGlobals).indexedDB.open('lumbung');
        open.onerror = () => reject(new Error('cannot open the lumbung database'));
        open.onsuccess = () => {
          const db = open.result;
          // One read transaction: entries and projections as of the same moment.
          const tx = db.transaction(['entries', 'projections']);
          const entries = tx.objectStore('entries').getAll();
          entries.onsuccess = () => {
            const projections = tx.objectStore('projections').getAll();
            projections.onsuccess = () => {
              db.close();
              resolve({ entries: entries.result, projections: projections.result });
            };
          };
        };
      }),
  );
  const entries = raw.entries
    .map((row) => {
      const { entry, sync, order } = row as { entry: unknown; sync: string; order: number };
      return { entry: entrySchema.parse(entry), sync, order };
    })
    .sort((a, b) => a.order - b.order);
  const accountTotals = raw.projections
    .map((row) => row as { t: string; v: AccountTotalRow })
    .filter((row) => row.t === 'accounts')
    .map((row) => row.v);
  return { entries, accountTotals };
}

/** The amount of a cash entry (`cash.received`, `cash.paid`), null for any other type. */
export function cashAmountOf(entry: Entry): number | null {
  return entry.type === 'cash.received' || entry.type === 'cash.paid' ? entry.data.amount : null;
}
