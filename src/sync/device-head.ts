/**
 * Before the first push of a session: is this phone's own chain where the server's copy of it is?
 * (issue 6, "the local chain is behind what the server knows of this device").
 *
 * A phone can come back with OLDER books than it had — an old copy of the browser profile restored
 * with its key — and would then sign new entries with seq numbers the server already holds: every
 * push would be refused (`seq-reused`) or, past the server's head, stored as a rejected fork. So the
 * phone asks `GET /sync/head` (an addition to CONTRACT §7, docs/api.md) and compares:
 *
 * - the server's head is beyond ours: `behind` (entries of this device are missing here);
 * - ours reaches the server's seq but holds another entry there: `behind` too, `forked`;
 * - otherwise `in-step`.
 *
 * One round trip, taken once per JavaScript context while the outbox is not empty (sync-once.ts): a
 * profile cannot be swapped under a running page, and with nothing to push nothing can fork.
 */
import { z } from 'zod';
import { readChainHead } from '../db/meta.ts';
import { deviceRequest, type DeviceSession } from './device-request.ts';
import { stopForRefusal, stopForUnknown, type RunStop } from './refusal.ts';

export const HEAD_PATH = '/api/v1/sync/head';

const headResponseSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  serverTime: z.string(),
});

export type ChainPosition = { readonly serverSeq: number; readonly localSeq: number; readonly forked: boolean };

export type HeadCheck =
  | { readonly kind: 'in-step' }
  /** A server without the route (older than this app): nothing to compare, sync as before. */
  | { readonly kind: 'unchecked' }
  | ({ readonly kind: 'behind' } & ChainPosition)
  | { readonly kind: 'stop'; readonly stop: RunStop };

export async function checkDeviceHead(session: DeviceSession): Promise<HeadCheck> {
  const outcome = await deviceRequest(session, 'GET', HEAD_PATH, undefined, headResponseSchema);
  if (outcome.kind === 'unknown') return { kind: 'stop', stop: stopForUnknown(outcome.reason) };
  if (outcome.kind === 'refused') {
    if (outcome.status === 404) return { kind: 'unchecked' };
    return { kind: 'stop', stop: stopForRefusal(outcome.status, outcome.code, outcome.message) };
  }
  const server = outcome.body;
  const local = await readChainHead(session.db);
  if (server.seq > local.seq) return { kind: 'behind', serverSeq: server.seq, localSeq: local.seq, forked: false };
  if (server.seq === 0) return { kind: 'in-step' };
  const ours = await session.db.entries.where('[deviceId+seq]').equals([session.deviceId, server.seq]).first();
  if (ours?.entry.hash !== server.hash) return { kind: 'behind', serverSeq: server.seq, localSeq: local.seq, forked: true };
  return { kind: 'in-step' };
}
