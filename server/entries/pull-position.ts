/**
 * Does a pull cursor still hold: is the server's history up to it the one the phone pulled? (an
 * addition to CONTRACT §7, docs/api.md, "A server restored from an older backup").
 *
 * After the district server is restored from an older backup it hands out serverSeqs again from the
 * backup's last number. A phone whose cursor is past that number would be answered "nothing new"
 * while other phones' new entries take the old numbers, or would pull from the middle of them: it
 * would silently never hold them. Our cursors carry the cooperative's chain mark at their position
 * (src/domain/ledger/cursor.ts), which follows every entry up to it, so the server can tell: a
 * position no accepted entry holds, or one whose chain mark differs, is stale. Cursors without a
 * mark (older servers, or rows not yet marked) are checked by position only.
 *
 * A stale cursor is answered from the beginning: ingest on the phone skips what it holds, so that
 * costs bytes once after a restore and loses nothing.
 */
import type { PullCursor } from '../../src/domain/ledger/index.ts';
import type { Store } from '../storage/store.ts';

export type PullPosition =
  /** The cursor holds; `chainMark` is the server's there (null at 0 and on rows not yet marked). */
  | { readonly holds: true; readonly serverSeq: number; readonly chainMark: string | null }
  | { readonly holds: false };

export async function pullPosition(store: Store, cooperativeId: string, cursor: PullCursor): Promise<PullPosition> {
  if (cursor.serverSeq === 0) return { holds: true, serverSeq: 0, chainMark: null };
  const at = await store.chainMarkAt(cooperativeId, cursor.serverSeq);
  if (at === null) return { holds: false };
  // A marked cursor against a row without a mark (a backup from before marks put back): it cannot
  // be confirmed, and starting again costs only bytes.
  if (cursor.mark !== null && at.chainMark !== cursor.mark) return { holds: false };
  return { holds: true, serverSeq: cursor.serverSeq, chainMark: at.chainMark };
}
