/**
 * The app's single local store handle. Every screen reads and writes through `getDb()` so there is
 * one Dexie connection per tab (one in-memory ledger cache, one `versionchange` handler).
 *
 * Opened lazily: importing a screen must not touch IndexedDB (tests, the /dinas pages that never
 * need it). Tests point the app at a fresh database with `openDatabaseForTests(name)`.
 */
import { openLumbungDb, type LumbungDb } from '../../db/database.ts';
import { currentDatabaseName, setDatabaseName } from './database-name.ts';
import { resetGateState } from './gate-state.ts';

let handle: LumbungDb | undefined;

/**
 * Another tab upgraded the schema: this tab's connection was closed (database.ts) and must reload to
 * run the new code. Reloading is safe: nothing is held in memory that is not already committed.
 */
function reloadOnVersionChange(): void {
  if (typeof window !== 'undefined') window.location.reload();
}

export function getDb(): LumbungDb {
  handle ??= openLumbungDb(currentDatabaseName(), { onVersionChange: reloadOnVersionChange });
  return handle;
}

/**
 * Test hook: closes the current handle and makes `getDb()` open `dbName` next. Each test uses a
 * fresh name so tests never see each other's data. Returns the new handle. The session gate
 * forgets what it read from the previous database.
 */
export function openDatabaseForTests(dbName: string): LumbungDb {
  handle?.close();
  handle = undefined;
  setDatabaseName(dbName);
  resetGateState();
  return getDb();
}
