/**
 * This device's own entries by seq, whatever their sync state: what a `gap` answer asks us to send
 * again (the server lacks entries the phone believed delivered, e.g. after the district server
 * was restored from an older backup).
 */
import type { LumbungDb } from '../db/database.ts';
import type { Entry } from '../domain/entry/schema.ts';

/** Entries with `fromSeq ≤ seq < beforeSeq`, in seq order. */
export async function ownEntriesBetween(db: LumbungDb, deviceId: string, fromSeq: number, beforeSeq: number): Promise<Entry[]> {
  if (beforeSeq <= fromSeq) return [];
  const rows = await db.entries
    .where('[deviceId+seq]')
    .between([deviceId, fromSeq], [deviceId, beforeSeq], true, false)
    .toArray();
  return rows.map((r) => r.entry);
}

/**
 * The highest seq among this device's entries the server acknowledged, null when none was. Pending
 * entries are the chain's tail, so the walk down from the top passes only those before it finds one.
 */
export async function highestAckedOwnSeq(db: LumbungDb, deviceId: string): Promise<number | null> {
  const row = await db.entries
    .where('[deviceId+seq]')
    .between([deviceId, 0], [deviceId, Number.MAX_SAFE_INTEGER], true, true)
    .reverse()
    .filter((r) => r.sync === 'acked')
    .first();
  return row?.seq ?? null;
}
