/**
 * Putting and deleting rows inside the caller's Dexie read-write transaction as plain IndexedDB
 * requests on its native transaction (`idbtrans`).
 *
 * Every Dexie write goes through its promise, zone and middleware machinery, and the observability
 * middleware works out the key ranges of every index of every row: on a throttled phone that was a
 * few milliseconds of each save's main-thread time, for a dozen projection rows. Written here, the
 * rows cost one native request each, and the same key ranges are recorded where Dexie keeps them
 * (the native transaction's `mutatedParts`), so the live queries are told of them at the commit, or
 * when a save fires the notice it held (live-query-notice.ts), exactly as for Dexie's own writes:
 * the primary keys (also as possibly deleted, `:dels`, as Dexie does when it does not know the old
 * row) and each index's keys of the new row. From 50 rows on, Dexie records whole tables instead
 * of keys, and so does this.
 *
 * Atomicity is the native transaction's: a failed request aborts it, and with it everything the
 * caller wrote through Dexie. Without a native transaction to write on (a Dexie version that keeps
 * it elsewhere), the rows go through Dexie's bulkPut and bulkDelete as before.
 */
import { Dexie, mergeRanges, RangeSet, type DexieEvent, type IndexableType, type IndexSpec, type Table } from 'dexie';

/** Dexie tracks keys row by row below this many rows, whole ranges from it on (observability middleware). */
const KEYS_TRACKED_BELOW = 50;
const PARTS = 'mutatedParts';

type Parts = Record<string, RangeSet>;

export async function writeRows<Row, Key extends IndexableType>(table: Table<Row, Key>, puts: readonly Row[], deletes: readonly Key[]): Promise<void> {
  if (puts.length === 0 && deletes.length === 0) return;
  const idbtrans: unknown = Dexie.currentTransaction?.idbtrans;
  if (!isWritable(idbtrans) || hasWriteHooks(table)) {
    await Promise.all([deletes.length > 0 ? table.bulkDelete([...deletes]) : undefined, puts.length > 0 ? table.bulkPut([...puts]) : undefined]);
    return;
  }
  recordParts(idbtrans, table, puts, deletes);
  const store = idbtrans.objectStore(table.name);
  const requests: IDBRequest[] = [];
  for (const key of deletes) requests.push(store.delete(key as IDBValidKey));
  for (const row of puts) requests.push(store.put(row));
  // Requests of one transaction complete in the order they were made: the last one's success
  // means every one succeeded. Any failure rejects (and, unhandled, aborts the transaction).
  await new Promise<void>((resolve, reject) => {
    for (const request of requests) request.onerror = () => reject(request.error ?? new Error(`writing ${table.name} failed`));
    const last = requests[requests.length - 1];
    if (last !== undefined) last.onsuccess = () => resolve();
  });
}

/** Dexie's creating/updating/deleting hooks run only on its own writes: a table with any keeps them. */
const hasWriteHooks = ({ hook }: { readonly hook: { creating: DexieEvent; updating: DexieEvent; deleting: DexieEvent } }): boolean =>
  [hook.creating, hook.updating, hook.deleting].some((event) => event.subscribers.length > 0);

const isWritable = (value: unknown): value is IDBTransaction =>
  typeof value === 'object' && value !== null && Reflect.get(value, 'mode') === 'readwrite' && typeof Reflect.get(value, 'objectStore') === 'function';

/** Adds the key ranges of these writes to what the native transaction will announce at its commit. */
function recordParts<Row, Key extends IndexableType>(idbtrans: IDBTransaction, table: Table<Row, Key>, puts: readonly Row[], deletes: readonly Key[]): void {
  const prefix = `idb://${table.db.name}/${table.name}/`;
  const mine: Parts = {};
  const part = (index: string): RangeSet => (mine[prefix + index] ??= new RangeSet());
  addKeys(part, table, puts, deletes);
  // Merged into what Dexie's writes left there, as its middleware merges its own (extendObservabilitySet).
  const existing: unknown = Reflect.get(idbtrans, PARTS);
  const parts: Parts = typeof existing === 'object' && existing !== null ? (existing as Parts) : {};
  for (const [name, set] of Object.entries(mine)) {
    const into = parts[name];
    if (into === undefined) parts[name] = set;
    else mergeRanges(into, set);
  }
  Reflect.set(idbtrans, PARTS, parts);
}

function addKeys<Row, Key extends IndexableType>(part: (index: string) => RangeSet, table: Table<Row, Key>, puts: readonly Row[], deletes: readonly Key[]): void {
  const { primKey, indexes } = table.schema;
  if (puts.length + deletes.length >= KEYS_TRACKED_BELOW) {
    for (const name of ['', ':dels', ...indexes.map((index) => index.name)]) part(name).add(new RangeSet(Dexie.minKey, Dexie.maxKey));
    return;
  }
  for (const key of deletes) {
    part('').addKey(key);
    part(':dels').addKey(key);
  }
  for (const row of puts) {
    const key = keyOf(row, primKey);
    if (key !== undefined) {
      part('').addKey(key);
      part(':dels').addKey(key);
    }
    for (const index of indexes) for (const indexKey of indexKeysOf(row, index)) part(index.name).addKey(indexKey);
  }
}

/** The row's key under `spec`, or undefined where IndexedDB would not index the row (a part missing). */
function keyOf(row: unknown, spec: IndexSpec): IndexableType | undefined {
  const path = spec.keyPath;
  if (path === undefined || typeof row !== 'object' || row === null) return undefined;
  const value: unknown = Dexie.getByKeyPath(row, path);
  if (Array.isArray(path)) return Array.isArray(value) && value.every(isKey) ? (value as IndexableType) : undefined;
  return isKey(value) ? value : undefined;
}

function indexKeysOf(row: unknown, index: IndexSpec): IndexableType[] {
  const key = keyOf(row, index);
  if (key === undefined) return [];
  if (index.multi !== true || !Array.isArray(key)) return [key];
  const entries: readonly unknown[] = key;
  return entries.filter(isKey);
}

function isKey(value: unknown): value is IndexableType {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every(isKey);
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}
