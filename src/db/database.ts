/**
 * The phone's local store: one IndexedDB database per cooperative phone, opened through Dexie 4.
 *
 * Every read-write transaction is opened with strict durability (`chromeTransactionDurability:
 * 'strict'`): Chrome then reports a commit only once it is on disk, so "Tersimpan" on screen means
 * the entry survives a power cut. Dexie sets durability per database, not per transaction; the few
 * writes that would not need it (a receipt counter, a PIN attempt) are rare and small.
 *
 * Schema history: never edit a shipped `version(n)`; add `version(n+1)` with an upgrade function and
 * a test that opens a frozen fixture of the old shape (tests/fixtures/db-v<n>.json). See
 * docs/local-store.md for every table and index and why it exists.
 */
import { Dexie, type Table } from 'dexie';
import type { EntryRow } from './entry-row.ts';
import type { MetaRow } from './meta.ts';
import type { DeviceKeyRow } from './device-keys.ts';
import type { UserRow } from './users.ts';
import type { ReceiptCounterRow } from './receipts.ts';
import type { ProjectionRow } from './projection-row.ts';

export const DEFAULT_DB_NAME = 'lumbung';

/** Version 1, as shipped. Frozen: tests/fixtures/db-v1.json holds data of exactly this shape. */
export const SCHEMA_V1 = {
  entries: 'id, [deviceId+seq], [date+order], type, [sync+seq], serverSeq, *refs, &order',
  meta: 'key',
  keys: 'id',
  users: 'id, name',
  receipts: 'year',
  projections: '[t+k], *words, sortName, number, [t+ref]',
} as const;

export const CURRENT_VERSION = 1;

export class LumbungDb extends Dexie {
  entries!: Table<EntryRow, string>;
  meta!: Table<MetaRow, string>;
  keys!: Table<DeviceKeyRow, string>;
  users!: Table<UserRow, string>;
  receipts!: Table<ReceiptCounterRow, number>;
  projections!: Table<ProjectionRow, [string, string]>;

  constructor(name: string = DEFAULT_DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // No liveQuery result cache: a save tells the live queries of its commit itself, after the
    // frame that shows "Tersimpan" (live-query-notice.ts); a cache would serve them pre-commit rows.
    super(name, { ...options, chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
  }
}

/**
 * Opens the database and turns "another tab upgraded the schema" into a reload request instead of a
 * silently closed connection. IndexedDB's close() lets transactions already running finish, so a
 * save in progress is never cut short; new ones fail with `version-changed` and the UI reloads.
 */
export function openLumbungDb(
  name: string = DEFAULT_DB_NAME,
  hooks: { onVersionChange?: () => void } = {},
): LumbungDb {
  const db = new LumbungDb(name);
  db.on('versionchange', () => {
    db.close();
    hooks.onVersionChange?.();
    return false;
  });
  return db;
}
