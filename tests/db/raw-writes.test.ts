/**
 * Rows written as plain IndexedDB requests (src/db/raw-writes.ts) must wake exactly the live queries
 * Dexie's own bulkPut / bulkDelete would: the same key ranges, per index, on the native transaction.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import type { ProjectionRow } from '../../src/db/projection-row.ts';
import { writeRows } from '../../src/db/raw-writes.ts';
import { freshDb } from './support.ts';

type Ranges = [string, [unknown, unknown][]][];
type Node = { from?: unknown; to?: unknown; l?: Node | null; r?: Node | null };

/** A range set (Dexie's interval tree) as its intervals in key order. */
const intervals = (node: unknown): [unknown, unknown][] => {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  return [...intervals(n.l), ...(n.from === undefined ? [] : [[n.from, n.to] as [unknown, unknown]]), ...intervals(n.r)];
};

/** The mutated parts a write leaves on its transaction, as sorted [part, [from, to]…] with the database name taken out. */
async function partsOf(write: (db: LumbungDb, rows: ProjectionRow[], deletes: [string, string][]) => Promise<void>, rows: ProjectionRow[], deletes: [string, string][]): Promise<Ranges> {
  const db = freshDb();
  await db.open();
  let parts: Ranges = [];
  await db.transaction('rw', db.projections, async () => {
    await write(db, rows, deletes);
    const held: unknown = Reflect.get(Dexie.currentTransaction?.idbtrans ?? {}, 'mutatedParts');
    parts = Object.entries((held ?? {}) as Record<string, unknown>)
      .map(([part, set]): [string, [unknown, unknown][]] => [part.replace(db.name, 'db'), intervals(set)])
      .sort((a, b) => a[0].localeCompare(b[0]));
  });
  // And the rows are really there (or gone).
  expect(await db.projections.bulkGet(rows.map((r): [string, string] => [r.t, r.k]))).toEqual(rows);
  expect((await db.projections.bulkGet(deletes)).every((r) => r === undefined)).toBe(true);
  db.close();
  return parts;
}

const viaDexie = async (db: LumbungDb, rows: ProjectionRow[], deletes: [string, string][]): Promise<void> => {
  await Promise.all([deletes.length > 0 ? db.projections.bulkDelete(deletes) : undefined, rows.length > 0 ? db.projections.bulkPut(rows) : undefined]);
};
const viaRequests = (db: LumbungDb, rows: ProjectionRow[], deletes: [string, string][]): Promise<void> => writeRows(db.projections, rows, deletes);

describe('writeRows', () => {
  it('records the same key ranges as Dexie for a save-sized write: primary keys, possible deletions, every index (multi-entry, compound, absent)', async () => {
    const rows: ProjectionRow[] = [
      { t: 'members', k: 'm-2', v: { a: 1 }, words: ['siti', 'aminah'], sortName: 'aminah siti', number: 'A-002' },
      { t: 'loans', k: 'l-1', v: { b: 2 }, ref: 'm-2' },
      { t: 'accounts', k: '1-101', v: { debit: 5 } },
      { t: 'memberPeriods', k: 'm|2026-03|m-2', v: {} },
    ];
    const deletes: [string, string][] = [['flags', 'e-1|over'], ['cashMoves', '2026-03-01|e-1']];
    const dexie = await partsOf(viaDexie, rows, deletes);
    expect(dexie.map(([part]) => part)).toEqual(expect.arrayContaining(['idb://db/projections/', 'idb://db/projections/:dels', 'idb://db/projections/words', 'idb://db/projections/[t+ref]']));
    expect(await partsOf(viaRequests, rows, deletes)).toEqual(dexie);
  });

  it('records whole ranges, as Dexie does, for 50 rows and more', async () => {
    const rows: ProjectionRow[] = Array.from({ length: 60 }, (_, i) => ({ t: 'accounts', k: String(i).padStart(3, '0'), v: { i } }));
    expect(await partsOf(viaRequests, rows, [])).toEqual(await partsOf(viaDexie, rows, []));
  });
});
