/**
 * What the Sinkron screen reads from the local store, bounded to what it shows: the newest rejected
 * entries and open review flags (each list capped, with the total count), and the last receipt.
 */
import { Dexie } from 'dexie';
import type { LumbungDb } from '../../db/database.ts';
import type { EntryRow } from '../../db/entry-row.ts';
import type { FlagRow } from '../../domain/ledger/index.ts';
import { readSyncMeta, type SyncReceipt } from '../../sync/sync-meta.ts';

export const LIST_LIMIT = 20;

export type Bounded<T> = { readonly rows: readonly T[]; readonly total: number };

export async function readRejected(db: LumbungDb): Promise<Bounded<EntryRow>> {
  const range = () => db.entries.where('[sync+seq]').between(['rejected', Dexie.minKey], ['rejected', Dexie.maxKey]);
  const [rows, total] = await Promise.all([range().reverse().limit(LIST_LIMIT).toArray(), range().count()]);
  return { rows, total };
}

export async function readFlags(db: LumbungDb): Promise<Bounded<FlagRow>> {
  const range = () => db.projections.where('[t+k]').between(['flags', Dexie.minKey], ['flags', Dexie.maxKey]);
  const [rows, total] = await Promise.all([range().limit(LIST_LIMIT).toArray(), range().count()]);
  // Rows of the `flags` table are written by this phone's own fold from FlagRow (db/projections.ts).
  return { rows: rows.map((row) => row.v as FlagRow), total };
}

export function readReceipt(db: LumbungDb): Promise<SyncReceipt | undefined> {
  return readSyncMeta(db, 'sync.receipt');
}
