/**
 * The phone's half of the push's chain check (issue 6, "the local chain is behind what the server
 * knows of this device"; an addition to CONTRACT §7, docs/api.md).
 *
 * A phone can come back with OLDER books than it had — an old copy of the browser profile restored
 * with its key — and would then sign new entries with seq numbers the server already holds. So every
 * push carries `head`, the phone's view of its own chain just before the batch's first entry, and a
 * server whose copy of this device's chain differs refuses the batch with 409 `device-chain-behind`
 * and its own head, before it stores anything. No extra request: the check rides on the push.
 */
import { z } from 'zod';
import { readChainHead } from '../db/meta.ts';
import type { LumbungDb } from '../db/database.ts';
import { highestAckedOwnSeq } from './own-entries.ts';
import type { Entry } from '../domain/entry/schema.ts';

/** The server's code for a push refused because its copy of this device's chain differs. */
export const DEVICE_CHAIN_BEHIND = 'device-chain-behind';

export type ChainView = { readonly seq: number; readonly hash: string };

/** Where the phone's chain stands just before `first` (seq 0 and the zero hash before seq 1). */
export const chainViewBefore = (first: Entry): ChainView => ({ seq: first.seq - 1, hash: first.prevHash });

const serverHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ChainPosition = { readonly serverSeq: number; readonly localSeq: number; readonly forked: boolean };

/**
 * The refusal's `details` (the server's head) against the phone's own head: the server holds more of
 * this device's chain (`forked: false`), or holds another entry at a seq the phone also has
 * (`forked: true`). Null when the details are not a head: then it is not our server's refusal.
 */
export async function chainPosition(db: LumbungDb, details: unknown): Promise<ChainPosition | null> {
  const server = serverHeadSchema.safeParse(details);
  if (!server.success) return null;
  const local = await readChainHead(db);
  return { serverSeq: server.data.seq, localSeq: local.seq, forked: server.data.seq <= local.seq };
}

/**
 * The pull's half (pull.ts): the server's copy of this device's chain (`device` in a pull answer)
 * ends before entries it acknowledged to us, so it has lost them — it was restored from an older
 * backup. The seq to send again from, or null when the server holds all we were told it took.
 *
 * Rejected entries are not counted: an `id-conflict` is answered and never stored, so a server
 * without it has lost nothing. If the server lost a stored rejected entry after our last
 * acknowledged one, the next push meets a gap and resends it.
 */
export async function ownEntriesLostFrom(db: LumbungDb, deviceId: string, serverHead: ChainView | null): Promise<number | null> {
  const acked = await highestAckedOwnSeq(db, deviceId);
  const held = serverHead?.seq ?? 0;
  return acked !== null && acked > held ? held + 1 : null;
}
