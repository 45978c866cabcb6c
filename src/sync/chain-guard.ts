/**
 * What a sync run does with the push's chain check (device-head.ts): do not push onto a chain the
 * server has moved past, and say so.
 *
 * A refusal is kept (`sync.behind`) for the Sinkron page and stops the run; nothing was stored. Every
 * later run pushes again — the server refuses before storing anything, so that costs the one request
 * the run makes anyway — and the first push the server takes clears the finding, so the phone stops
 * saying so the moment the district office has sorted it out.
 */
import type { LumbungDb } from '../db/database.ts';
import { chainPosition } from './device-head.ts';
import type { RunStop } from './refusal.ts';
import { readSyncMeta, writeSyncMeta } from './sync-meta.ts';

/** The run's stop for a 409 `device-chain-behind`, with the finding stored. */
export async function stopForChainBehind(db: LumbungDb, details: unknown, now: Date): Promise<RunStop> {
  const position = await chainPosition(db, details);
  if (position === null) return { kind: 'failed', error: 'refused', detail: 'device-chain-behind' };
  const { serverSeq, localSeq, forked } = position;
  await writeSyncMeta(db, 'sync.behind', { at: now.toISOString(), serverSeq, localSeq, forked });
  return { kind: 'failed', error: 'chain-behind', detail: `server ${String(serverSeq)}, phone ${String(localSeq)}` };
}

/** The server took a push with this phone's view of its chain: an earlier finding no longer holds. */
export async function noteChainInStep(db: LumbungDb): Promise<void> {
  if ((await readSyncMeta(db, 'sync.behind')) !== undefined) await db.meta.delete('sync.behind');
}
