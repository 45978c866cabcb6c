/**
 * The pull after a push does not fetch back the phone's own just-acknowledged entries
 * (src/sync/pull-skip.ts), and never skips another device's entry: against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPullCursor } from '../../src/db/meta.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { decodeCursor, encodeCursor, GENESIS_MARK, nextChainMark } from '../../src/domain/ledger/index.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { ownRunEnd, skipOwnEntriesInPull } from '../../src/sync/pull-skip.ts';
import { writeMeta } from '../../src/db/meta.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, startDistrict, wire, type District } from './harness.ts';

describe('ownRunEnd', () => {
  it('moves the cursor over a dense run of our numbers that starts right after it', () => {
    expect(ownRunEnd(5, [6, 7, 8])).toBe(8);
    expect(ownRunEnd(0, [3, 1, 2])).toBe(3);
  });
  it('stops at the first number that is not ours', () => {
    expect(ownRunEnd(5, [6, 7, 9, 10])).toBe(7);
    expect(ownRunEnd(5, [7, 8])).toBeNull();
    expect(ownRunEnd(5, [])).toBeNull();
    expect(ownRunEnd(5, [3, 4, 5])).toBeNull();
  });
});

describe('skipOwnEntriesInPull', () => {
  const hashOf = (n: number): string => n.toString(16).padStart(64, 'a');
  const acks = (...serverSeqs: number[]) => serverSeqs.map((serverSeq) => ({ serverSeq, hash: hashOf(serverSeq) }));
  /** The chain mark after our entries `from`..`to` following `mark`. */
  const markOver = (mark: string, from: number, to: number): string => {
    for (let n = from; n <= to; n++) mark = nextChainMark(mark, hashOf(n));
    return mark;
  };

  it('moves the stored cursor the server confirmed, its chain mark carried on, and says whether the server has anything newer', async () => {
    const db = newPhone('skip');
    const at3 = 'c0ffee000003';
    await writeMeta(db, 'pullCursor', encodeCursor(3, at3));
    // Our 4 and 5, but the server's newest is 7: someone else's entries follow; pull them.
    expect(await skipOwnEntriesInPull(db, acks(4, 5), encodeCursor(7), true)).toEqual({ skipped: 2, upToDate: false, reset: false });
    // The new cursor carries the mark the server keeps at 5: the one at 3 followed by our 4 and 5.
    const at5 = markOver(at3, 4, 5);
    expect(await readPullCursor(db)).toBe(encodeCursor(5, at5));
    // Ours up to the server's newest: nothing to pull.
    expect(await skipOwnEntriesInPull(db, acks(6, 7), encodeCursor(7), true)).toEqual({ skipped: 2, upToDate: true, reset: false });
    // An answer without the server's newest, or one we cannot read: always pull.
    expect(await skipOwnEntriesInPull(db, acks(8), null, true)).toEqual({ skipped: 1, upToDate: false, reset: false });
    expect(await skipOwnEntriesInPull(db, acks(9), 'not a cursor', true)).toEqual({ skipped: 1, upToDate: false, reset: false });
    // Nothing pushed: nothing learnt.
    expect(await skipOwnEntriesInPull(db, [], encodeCursor(9), true)).toEqual({ skipped: 0, upToDate: false, reset: false });
    expect(await readPullCursor(db)).toBe(encodeCursor(9, markOver(at5, 6, 9)));
  });

  it('moves a cursor the server did not confirm only from the beginning, and sets back one it denied', async () => {
    const db = newPhone('skip-unconfirmed');
    // Never pulled: position 0 holds on any server, and its mark is the empty one.
    expect(await skipOwnEntriesInPull(db, acks(1, 2), encodeCursor(2), null)).toEqual({ skipped: 2, upToDate: true, reset: false });
    expect(await readPullCursor(db)).toBe(encodeCursor(2, markOver(GENESIS_MARK, 1, 2)));
    // An older server that does not say: the cursor stays, the pull fetches our entries back.
    expect(await skipOwnEntriesInPull(db, acks(3), encodeCursor(3), null)).toEqual({ skipped: 0, upToDate: false, reset: false });
    // The server restored from an older backup: the history up to 2 is not ours. From the beginning.
    expect(await skipOwnEntriesInPull(db, acks(3), encodeCursor(3), false)).toEqual({ skipped: 0, upToDate: false, reset: true });
    expect(decodeCursor((await readPullCursor(db)) ?? '')).toBe(0);
    // A cursor without a mark (an older server's) cannot be carried on: no skip, the pull brings one.
    await writeMeta(db, 'pullCursor', encodeCursor(3));
    expect(await skipOwnEntriesInPull(db, acks(4), encodeCursor(4), true)).toEqual({ skipped: 0, upToDate: false, reset: false });
  });
});

describe('pull after push on the sqlite server', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Desa Sukamaju');
  });
  afterAll(async () => {
    await district.close();
  });

  async function enrolledPhone(label: string): Promise<LumbungDb> {
    const db = newPhone(label);
    const code = await district.enrollmentCode(coop);
    const result = await enroll(db, { serverUrl: district.url, code, deviceName: `HP ${label}`, fetch: realFetch });
    if (!result.ok) throw new Error(`enrollment failed: ${result.error}`);
    return db;
  }

  /** The cursor the server gives after its entry at `n`, with the chain mark it keeps there. */
  const serverCursorAt = async (n: number): Promise<string> => {
    const at = await district.store.store.chainMarkAt(coop, n);
    expect(at?.chainMark).toMatch(/^[0-9a-f]{12}$/);
    return encodeCursor(n, at?.chainMark ?? null);
  };

  const pullAfters = (w: ReturnType<typeof wire>): string[] =>
    w.sent.filter((r) => r.path.startsWith('/api/v1/sync/pull')).map((r) => new URL(r.path, 'http://x').searchParams.get('after') ?? '');

  it('skips our own entries, pulls another phone’s, and never loses one in between', async () => {
    const phoneA = await enrolledPhone('a');
    const phoneB = await enrolledPhone('b');
    const siti = newMemberId();
    const budi = newMemberId();

    // A alone: its 3 entries get serverSeqs 1–3, the newest on the server: no pull at all.
    await record(phoneA, joinDraft(siti, 'A-001', 'Siti Aminah'));
    await record(phoneA, depositDraft(siti, 'pokok', 100_000));
    await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const first = wire();
    const a1 = await syncOnce(phoneA, { fetch: first.fetch });
    expect(a1).toMatchObject({ status: 'ok', receipt: { acked: 3, pulled: 0 } });
    expect(pullAfters(first)).toEqual([]);
    // The phone carried the chain mark on itself: the cursor is the one the server would give at 3.
    expect(await readPullCursor(phoneA)).toBe(await serverCursorAt(3));

    // B pushes 2 (serverSeqs 4–5; new, it pulls 1–5); then A pushes 2 more (6–7). A's cursor is 3:
    // B's entries lie between, so A must pull 4–7 (B's two and, harmlessly, its own two).
    await record(phoneB, joinDraft(budi, 'A-002', 'Budi Santoso'));
    await record(phoneB, depositDraft(budi, 'pokok', 100_000));
    const b1 = await syncOnce(phoneB, { fetch: realFetch });
    expect(b1).toMatchObject({ status: 'ok', receipt: { acked: 2, pulled: 5 } });
    await record(phoneA, depositDraft(siti, 'sukarela', 250_000));
    await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const second = wire();
    const a2 = await syncOnce(phoneA, { fetch: second.fetch });
    expect(a2).toMatchObject({ status: 'ok', receipt: { acked: 2, pulled: 4 } });
    expect(pullAfters(second)).toEqual([await serverCursorAt(3)]);
    expect(await phoneA.entries.count()).toBe(7);
    expect(await readPullCursor(phoneA)).toBe(await serverCursorAt(7));

    // Nothing new from others: the next push leaves nothing to pull again.
    await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const last = wire();
    const a3 = await syncOnce(phoneA, { fetch: last.fetch });
    expect(a3).toMatchObject({ status: 'ok', receipt: { acked: 1, pulled: 0 } });
    expect(pullAfters(last)).toEqual([]);
    expect(await readPullCursor(phoneA)).toBe(await serverCursorAt(8));

    // B, which has not pulled since, still receives everything of A's, skipped or not.
    const b2 = await syncOnce(phoneB, { fetch: realFetch });
    expect(b2).toMatchObject({ status: 'ok', receipt: { pulled: 3 } });
    expect(await phoneB.entries.count()).toBe(8);
    expect((await district.accepted(coop)).length).toBe(8);
  });
});
