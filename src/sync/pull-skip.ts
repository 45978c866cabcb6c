/**
 * After a push, the cooperative's newest entries on the server are usually the ones this phone has
 * just sent. Pulling them back would cost the whole batch again on the down link — a year of
 * entries is about a minute of 2G — for entries the phone holds already, whose serverSeqs the push
 * answers have given it (`markAcked` recorded them in the projections).
 *
 * serverSeqs are dense: the server numbers accepted entries 1, 2, 3 … per cooperative under the
 * cooperative's lock, and pull returns exactly the accepted entries after the cursor. So when every
 * number from the cursor + 1 up to m was answered to us, nothing but our own entries lies in that
 * range and the cursor may move to m. The first number we were not given (another device's entry)
 * stops it: that entry, and whatever follows, is pulled as usual. Skipping less is always safe.
 *
 * All of that assumes the server's history up to the cursor is still the one this phone pulled.
 * After the district server is restored from an older backup it may not be: numbers at and below
 * the cursor may now belong to entries the phone never saw. So each push carries the cursor and
 * the server answers whether it holds (`afterHolds`, docs/api.md). Only a cursor the server
 * confirmed is moved, its chain mark carried on over our entries' hashes (so it is the cursor the
 * server would have given); one it denied is set back to the beginning, and the pull then fetches
 * everything again (ingest skips what the phone holds). No confirmation (an older server): no skip.
 */
import type { LumbungDb } from '../db/database.ts';
import { readPullCursor, writeMeta } from '../db/meta.ts';
import { decodeCursor, encodeCursor, GENESIS_MARK, nextChainMark, parseCursor } from '../domain/ledger/index.ts';
import type { OwnAck } from './push.ts';

/** The new cursor position, or null when the run's own serverSeqs do not continue the cursor. */
export function ownRunEnd(cursor: number, ownServerSeqs: readonly number[]): number | null {
  const own = new Set(ownServerSeqs);
  let end = cursor;
  while (own.has(end + 1)) end++;
  return end > cursor ? end : null;
}

export type PullSkip = {
  /** How many serverSeqs the cursor moved over. */
  readonly skipped: number;
  /** The cursor has reached the server's newest serverSeq as the last push answered it: no pull needed. */
  readonly upToDate: boolean;
  /** The server said the cursor no longer holds: it was set back to the beginning. */
  readonly reset: boolean;
};

const NOTHING: PullSkip = { skipped: 0, upToDate: false, reset: false };

/**
 * Moves the pull cursor past the run of our own just-acknowledged entries, and tells whether it
 * has thereby reached `serverCursor` (the push answer's newest serverSeq, when the server sends
 * it): then nothing else is on the server yet and the pull's round trip can be saved.
 * `afterHolds` is the push answers' word on the cursor the pushes carried (null: none said).
 */
export async function skipOwnEntriesInPull(
  db: LumbungDb,
  own: readonly OwnAck[],
  serverCursor: string | null = null,
  afterHolds: boolean | null = null,
): Promise<PullSkip> {
  if (own.length === 0) return NOTHING;
  return db.transaction('rw', db.meta, async () => {
    const stored = await readPullCursor(db);
    if (afterHolds === false) {
      await writeMeta(db, 'pullCursor', encodeCursor(0));
      return { ...NOTHING, reset: true };
    }
    const position = stored === undefined ? { serverSeq: 0, mark: null } : parseCursor(stored);
    // An undecodable cursor is the server's business: leave it for the pull to send back as it is.
    if (position === null) return NOTHING;
    const cursor = position.serverSeq;
    // Only position 0 needs no confirmation: nothing lies before it. The new cursor's chain mark
    // goes on from the stored one over our own entries; a cursor without a mark cannot be extended,
    // and the pull then brings a marked one.
    const mark = cursor === 0 ? GENESIS_MARK : position.mark;
    if (mark === null || (cursor !== 0 && afterHolds !== true)) return NOTHING;
    const hashes = new Map(own.map((a) => [a.serverSeq, a.hash]));
    const end = ownRunEnd(cursor, [...hashes.keys()]);
    if (end !== null) {
      let endMark = mark;
      for (let n = cursor + 1; n <= end; n++) {
        const hash = hashes.get(n);
        if (hash === undefined) return NOTHING; // ownRunEnd walked only numbers we hold
        endMark = nextChainMark(endMark, hash);
      }
      await writeMeta(db, 'pullCursor', encodeCursor(end, endMark));
    }
    const head = serverCursor === null ? null : decodeCursor(serverCursor);
    const reached = end ?? cursor;
    return { skipped: reached - cursor, upToDate: head !== null && reached >= head, reset: false };
  });
}
