/**
 * The local store for code on the first screen (the gate's buttons): Dexie is not part of the first
 * load (docs/performance.md §1), so a tap loads it — in practice it is already loaded, because the
 * gate starts watching the store through Dexie once its first screen is shown (gate-state.ts).
 */
import type { LumbungDb } from '../../db/database.ts';

export async function loadDb(): Promise<LumbungDb> {
  const { getDb } = await import('./database.ts');
  return getDb();
}
