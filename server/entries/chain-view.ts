/**
 * The push's chain check (an addition to CONTRACT §7, docs/api.md): is the phone's chain where the
 * server's copy of it is, before anything of the batch is stored?
 *
 * A phone can come back with OLDER books than it had (an old copy of the browser profile restored,
 * key and all) and then sign new entries at seq numbers the server already holds. The push body's
 * optional `head` is the phone's view of its own chain just before the batch's first entry. The
 * server refuses the batch only on evidence that its copy differs from the phone's:
 *
 * - its head is at the phone's `head.seq` but holds another hash there (a fork);
 * - its head is beyond `head.seq` and an entry of the batch at a seq it already holds is not the
 *   entry it stored there (same id, device, seq and hash).
 *
 * A server ahead only by entries of this very batch (a resend after a lost answer) is NOT behind:
 * those are answered `duplicate` as always. A server behind the phone's view is not either: the
 * gap rules ask for what it lacks, and the resent batch carries its own `head` again.
 */
import { ZERO_HASH } from '../../src/domain/entry/zero-hash.ts';
import type { EntryRef } from '../storage/store.ts';
import { rawField, rawId, rawSeq } from './raw-fields.ts';

export interface ChainView {
  readonly seq: number;
  readonly hash: string;
}

export function chainViewDiffers(
  view: ChainView,
  serverHead: ChainView | null,
  entries: readonly unknown[],
  known: ReadonlyMap<string, EntryRef>,
  deviceId: string,
): boolean {
  const server = serverHead ?? { seq: 0, hash: ZERO_HASH };
  if (server.seq < view.seq) return false;
  if (server.seq === view.seq) return server.hash !== view.hash;
  for (const raw of entries) {
    const seq = rawSeq(raw);
    // Beyond what the server holds (or unplaceable): the ordinary per-entry checks take over.
    if (seq === null || seq > server.seq) break;
    const id = rawId(raw);
    const stored = id === null ? undefined : known.get(id);
    const same = stored !== undefined && stored.deviceId === deviceId && stored.seq === seq && stored.hash === rawField(raw, 'hash');
    if (!same) return true;
  }
  return false;
}
