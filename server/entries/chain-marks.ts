/**
 * The cooperative's chain mark (src/domain/ledger/cursor.ts) where a push starts adding entries:
 * the mark of the newest accepted entry, under the cooperative's lock.
 *
 * Rows stored before chain marks existed (migration 3) have none. The first push to such a
 * cooperative marks them all, in serverSeq order, inside the same transaction: once, and every
 * server process computes the same marks from the same rows. Until then pulls answer unmarked
 * cursors, which phones send back and the server checks by position alone, as before marks.
 */
import { GENESIS_MARK, nextChainMark } from '../../src/domain/ledger/index.ts';
import type { CooperativeTx } from '../storage/store.ts';

/** Rows read and marked at a time when marking a cooperative's older rows. */
const MARKING_PAGE = 2_000;

export async function chainMarkAtHead(tx: CooperativeTx, lastSeq: number): Promise<string> {
  if (lastSeq === 0) return GENESIS_MARK;
  const stored = (await tx.chainMarkAt(lastSeq))?.chainMark ?? null;
  if (stored !== null) return stored;
  let mark = GENESIS_MARK;
  let after = 0;
  for (;;) {
    const rows = await tx.acceptedAfter(after, MARKING_PAGE);
    if (rows.length === 0) return mark;
    const marks = rows.map((row) => {
      mark = nextChainMark(mark, row.hash);
      return { serverSeq: row.serverSeq, chainMark: mark };
    });
    await tx.setChainMarks(marks);
    after = rows[rows.length - 1]?.serverSeq ?? after;
  }
}
