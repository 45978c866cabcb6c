/**
 * The name of the phone's local IndexedDB database. Apart from `database.ts` (Dexie) so that the
 * gate's first read (`setup-probe.ts`, raw IndexedDB) can find the database without loading Dexie.
 */
import type { DEFAULT_DB_NAME } from '../../db/database.ts';

// Spelled out rather than imported: importing the value would pull Dexie into the first load. The
// type makes a renamed default a compile error here.
const DEFAULT: typeof DEFAULT_DB_NAME = 'lumbung';

let current: string = DEFAULT;

export function currentDatabaseName(): string {
  return current;
}

/** Test hook (through `openDatabaseForTests`): every later open uses `name`. */
export function setDatabaseName(name: string): void {
  current = name;
}
