/**
 * Does a pull cursor still name the entry the phone pulled there? (an addition to CONTRACT §7,
 * docs/api.md, "A server restored from an older backup").
 *
 * After the district server is restored from an older backup it hands out serverSeqs again from the
 * backup's last number. A phone whose cursor is past that number would be answered "nothing new"
 * while other phones' new entries take the old numbers, or pull from the middle of them: it would
 * silently never hold them. Our cursors carry the start of the hash of the entry at their position
 * (src/domain/ledger/cursor.ts), so the server can tell: a position no accepted entry holds, or one
 * held by another entry, is stale. Cursors without a mark (older servers) are checked by position
 * only.
 *
 * A stale cursor is answered from the beginning: ingest on the phone skips what it holds, so that
 * costs bytes once after a restore and loses nothing.
 */
import type { PullCursor } from '../../src/domain/ledger/index.ts';
import { cursorMark } from '../../src/domain/ledger/index.ts';
import type { Store } from '../storage/store.ts';

export type PullPosition =
  /** The cursor holds: `hash` is the entry's at its position (null at 0, before every entry). */
  | { readonly holds: true; readonly serverSeq: number; readonly hash: string | null }
  | { readonly holds: false };

export async function pullPosition(store: Store, cooperativeId: string, cursor: PullCursor): Promise<PullPosition> {
  if (cursor.serverSeq === 0) return { holds: true, serverSeq: 0, hash: null };
  const hash = await store.acceptedHashAt(cooperativeId, cursor.serverSeq);
  if (hash === null) return { holds: false };
  if (cursor.mark !== null && cursorMark(hash) !== cursor.mark) return { holds: false };
  return { holds: true, serverSeq: cursor.serverSeq, hash };
}
