/**
 * The sync run's first step: do not push onto a chain the server has moved past (device-head.ts).
 *
 * Asked once per JavaScript context, and only while there is something to push; once the phone
 * was found behind, the finding is kept (`sync.behind`) and every run asks again, so the phone
 * stops saying so the moment the district office has sorted it out.
 */
import type { LumbungDb } from '../db/database.ts';
import { pendingRange } from '../db/outbox.ts';
import { checkDeviceHead } from './device-head.ts';
import type { DeviceSession } from './device-request.ts';
import type { RunStop } from './refusal.ts';
import { readSyncMeta, writeSyncMeta } from './sync-meta.ts';

const inStep = new Set<string>();

const outboxIsEmpty = async (db: LumbungDb): Promise<boolean> => (await pendingRange(db).first()) === undefined;

/** Null when pushing is safe; otherwise why the run stops here. */
export async function guardChain(session: DeviceSession, now: Date): Promise<RunStop | null> {
  const { db } = session;
  const key = `${db.name}:${session.deviceId}`;
  const known = await readSyncMeta(db, 'sync.behind');
  if (known === undefined && (inStep.has(key) || (await outboxIsEmpty(db)))) return null;
  const check = await checkDeviceHead(session);
  switch (check.kind) {
    case 'in-step':
    case 'unchecked':
      inStep.add(key);
      if (known !== undefined) await db.meta.delete('sync.behind');
      return null;
    case 'behind': {
      const { serverSeq, localSeq, forked } = check;
      await writeSyncMeta(db, 'sync.behind', { at: now.toISOString(), serverSeq, localSeq, forked });
      return { kind: 'failed', error: 'chain-behind', detail: `server ${String(serverSeq)}, phone ${String(localSeq)}` };
    }
    case 'stop':
      return check.stop;
  }
}
