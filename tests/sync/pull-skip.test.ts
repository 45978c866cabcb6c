/**
 * The pull after a push does not fetch back the phone's own just-acknowledged entries
 * (src/sync/pull-skip.ts), and never skips another device's entry: against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPullCursor } from '../../src/db/meta.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { decodeCursor, encodeCursor } from '../../src/domain/ledger/index.ts';
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

  it('moves the stored cursor the server confirmed, and says whether the server has anything newer', async () => {
    const db = newPhone('skip');
    await writeMeta(db, 'pullCursor', encodeCursor(3, hashOf(3)));
    // Our 4 and 5, but the server's newest is 7: someone else's entries follow; pull them.
    expect(await skipOwnEntriesInPull(db, acks(4, 5), encodeCursor(7), true)).toEqual({ skipped: 2, upToDate: false, reset: false });
    // The new cursor names our entry at 5, as the server's own cursor there would.
    expect(await readPullCursor(db)).toBe(encodeCursor(5, hashOf(5)));
    // Ours up to the server's newest: nothing to pull.
    expect(await skipOwnEntriesInPull(db, acks(6, 7), encodeCursor(7), true)).toEqual({ skipped: 2, upToDate: true, reset: false });
    // An answer without the server's newest, or one we cannot read: always pull.
    expect(await skipOwnEntriesInPull(db, acks(8), null, true)).toEqual({ skipped: 1, upToDate: false, reset: false });
    expect(await skipOwnEntriesInPull(db, acks(9), 'not a cursor', true)).toEqual({ skipped: 1, upToDate: false, reset: false });
    // Nothing pushed: nothing learnt.
    expect(await skipOwnEntriesInPull(db, [], encodeCursor(9), true)).toEqual({ skipped: 0, upToDate: false, reset: false });
    expect(await readPullCursor(db)).toBe(encodeCursor(9, hashOf(9)));
  });

  it('moves a cursor the server did not confirm only from the beginning, and sets back one it denied', async () => {
    const db = newPhone('skip-unconfirmed');
    // Never pulled: position 0 holds on any server.
    expect(await skipOwnEntriesInPull(db, acks(1, 2), encodeCursor(2), null)).toEqual({ skipped: 2, upToDate: true, reset: false });
    // An older server that does not say: the cursor stays, the pull fetches our entries back.
    expect(await skipOwnEntriesInPull(db, acks(3), encodeCursor(3), null)).toEqual({ skipped: 0, upToDate: false, reset: false });
    expect(await readPullCursor(db)).toBe(encodeCursor(2, hashOf(2)));
    // The server restored from an older backup: position 2 is no longer our entry. From the beginning.
    expect(await skipOwnEntriesInPull(db, acks(3), encodeCursor(3), false)).toEqual({ skipped: 0, upToDate: false, reset: true });
    expect(decodeCursor((await readPullCursor(db)) ?? '')).toBe(0);
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
    const third = await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const first = wire();
    const a1 = await syncOnce(phoneA, { fetch: first.fetch });
    expect(a1).toMatchObject({ status: 'ok', receipt: { acked: 3, pulled: 0 } });
    expect(pullAfters(first)).toEqual([]);
    expect(await readPullCursor(phoneA)).toBe(encodeCursor(3, third.hash));

    // B pushes 2 (serverSeqs 4–5; new, it pulls 1–5); then A pushes 2 more (6–7). A's cursor is 3:
    // B's entries lie between, so A must pull 4–7 (B's two and, harmlessly, its own two).
    await record(phoneB, joinDraft(budi, 'A-002', 'Budi Santoso'));
    await record(phoneB, depositDraft(budi, 'pokok', 100_000));
    const b1 = await syncOnce(phoneB, { fetch: realFetch });
    expect(b1).toMatchObject({ status: 'ok', receipt: { acked: 2, pulled: 5 } });
    await record(phoneA, depositDraft(siti, 'sukarela', 250_000));
    const seventh = await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const second = wire();
    const a2 = await syncOnce(phoneA, { fetch: second.fetch });
    expect(a2).toMatchObject({ status: 'ok', receipt: { acked: 2, pulled: 4 } });
    expect(pullAfters(second)).toEqual([encodeCursor(3, third.hash)]);
    expect(await phoneA.entries.count()).toBe(7);
    expect(await readPullCursor(phoneA)).toBe(encodeCursor(7, seventh.hash));

    // Nothing new from others: the next push leaves nothing to pull again.
    const eighth = await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    const last = wire();
    const a3 = await syncOnce(phoneA, { fetch: last.fetch });
    expect(a3).toMatchObject({ status: 'ok', receipt: { acked: 1, pulled: 0 } });
    expect(pullAfters(last)).toEqual([]);
    expect(await readPullCursor(phoneA)).toBe(encodeCursor(8, eighth.hash));

    // B, which has not pulled since, still receives everything of A's, skipped or not.
    const b2 = await syncOnce(phoneB, { fetch: realFetch });
    expect(b2).toMatchObject({ status: 'ok', receipt: { pulled: 3 } });
    expect(await phoneB.entries.count()).toBe(8);
    expect((await district.accepted(coop)).length).toBe(8);
  });
});
