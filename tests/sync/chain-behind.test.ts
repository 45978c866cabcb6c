/**
 * Issue 6, case (c): a phone whose own chain is behind what the server holds of this device (an old
 * copy of its profile came back, key and all) must notice BEFORE it pushes, say so, and send
 * nothing that would reuse seq numbers or fork its chain — against the real server (SQLite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { HEAD_PATH } from '../../src/sync/device-head.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { readSyncMeta } from '../../src/sync/sync-meta.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, startDistrict, wire, type District } from './harness.ts';

/** An old copy of the whole profile: every table as it is now, in a database of its own. */
async function copyOf(db: LumbungDb, label: string): Promise<LumbungDb> {
  const copy = newPhone(label);
  await copy.open();
  for (const table of db.tables) await copy.table(table.name).bulkPut(await table.toArray());
  return copy;
}

const paths = (w: ReturnType<typeof wire>): string[] => w.sent.map((r) => r.path.split('?')[0] ?? '');
/**
 * Only head checks went out. An old copy also holds an old request counter: its first request may
 * be refused as stale and retried once with the next one (device-request.ts), so one or two.
 */
const onlyHeadChecks = (w: ReturnType<typeof wire>): boolean => w.sent.length > 0 && paths(w).every((p) => p === HEAD_PATH);

describe('a phone behind its own chain on the server', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Desa Sukamaju');
  });
  afterAll(async () => {
    await district.close();
  });

  it('asks the server once, pushes nothing onto a chain the server has moved past, and says so', async () => {
    const phone = newPhone('a');
    const enrolled = await enroll(phone, { serverUrl: district.url, code: await district.enrollmentCode(coop), deviceName: 'HP A', fetch: realFetch });
    if (!enrolled.ok) throw new Error(enrolled.error);
    const siti = newMemberId();

    // First sync of this context with something to push: one head check, then the push.
    await record(phone, joinDraft(siti, 'A-001', 'Siti Aminah'));
    const first = wire();
    expect(await syncOnce(phone, { fetch: first.fetch })).toMatchObject({ status: 'ok', receipt: { acked: 1 } });
    expect(paths(first)).toEqual([HEAD_PATH, '/api/v1/sync/push']);

    // An old copy is taken here (seq 1); the phone goes on to seq 3, and asks no more.
    const older = await copyOf(phone, 'a-old');
    const forking = await copyOf(phone, 'a-old-2');
    await record(phone, depositDraft(siti, 'pokok', 100_000));
    await record(phone, depositDraft(siti, 'wajib', 20_000));
    const second = wire();
    expect(await syncOnce(phone, { fetch: second.fetch })).toMatchObject({ status: 'ok', receipt: { acked: 2 } });
    expect(paths(second)).not.toContain(HEAD_PATH);
    expect(await district.accepted(coop)).toHaveLength(3);

    // The old copy records a new entry as seq 2: the server already holds seq 2 and 3 of this device.
    await record(older, depositDraft(siti, 'sukarela', 50_000));
    const behind = wire();
    const result = await syncOnce(older, { fetch: behind.fetch });
    expect(result).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyHeadChecks(behind)).toBe(true);
    expect(await readSyncMeta(older, 'sync.behind')).toMatchObject({ serverSeq: 3, localSeq: 2, forked: false });
    expect(await older.entries.where('sync').equals('pending').count()).toBe(1);
    // Still behind on the next run: it asks again and still sends nothing.
    const again = wire();
    expect(await syncOnce(older, { fetch: again.fetch })).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyHeadChecks(again)).toBe(true);

    // The other old copy records three: its seq 4 is past the server's 3, but its seq 3 is not the
    // server's seq 3 — a fork, refused before anything is sent.
    for (const amount of [10_000, 20_000, 30_000]) await record(forking, depositDraft(siti, 'sukarela', amount));
    const fork = wire();
    expect(await syncOnce(forking, { fetch: fork.fetch })).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyHeadChecks(fork)).toBe(true);
    expect(await readSyncMeta(forking, 'sync.behind')).toMatchObject({ serverSeq: 3, localSeq: 4, forked: true });

    // The server's books are untouched: three entries of this device, none rejected or forked.
    const accepted = await district.accepted(coop);
    expect(accepted.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(accepted.map((e) => e.id)).toEqual((await phone.entries.orderBy('order').toArray()).map((r) => r.id));
  });
});
