/**
 * Issue 6, case (c): a phone whose own chain is behind what the server holds of this device (an old
 * copy of its profile came back, key and all) must be stopped before anything of it is stored, say
 * so, and fork nothing — against the real server (SQLite). The check rides on the push (`head`,
 * docs/api.md): a sync in step is one request, as it was before the check existed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { PUSH_PATH } from '../../src/sync/push.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { readSyncMeta, writeSyncMeta } from '../../src/sync/sync-meta.ts';
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
 * Only the refused push went out. An old copy also holds an old request counter: its first request
 * may be refused as stale and retried once with the next one (device-request.ts), so one or two.
 */
const onlyOnePush = (w: ReturnType<typeof wire>): boolean => w.sent.length > 0 && w.sent.length <= 2 && paths(w).every((p) => p === PUSH_PATH);

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

  it('syncs in one request, and a push onto a chain the server has moved past is refused, stores nothing and is explained', async () => {
    const phone = newPhone('a');
    const enrolled = await enroll(phone, { serverUrl: district.url, code: await district.enrollmentCode(coop), deviceName: 'HP A', fetch: realFetch });
    if (!enrolled.ok) throw new Error(enrolled.error);
    const siti = newMemberId();

    // A sync with something to push is the push alone: no request of its own for the check (the
    // pull is skipped too, the phone's own entries being the server's newest).
    await record(phone, joinDraft(siti, 'A-001', 'Siti Aminah'));
    const first = wire();
    expect(await syncOnce(phone, { fetch: first.fetch })).toMatchObject({ status: 'ok', receipt: { acked: 1 } });
    expect(paths(first)).toEqual([PUSH_PATH]);
    expect(first.sent[0]?.json).toMatchObject({ head: { seq: 0, hash: '0'.repeat(64) } });

    // An old copy is taken here (seq 1); the phone goes on to seq 3.
    const older = await copyOf(phone, 'a-old');
    const forking = await copyOf(phone, 'a-old-2');
    await record(phone, depositDraft(siti, 'pokok', 100_000));
    await record(phone, depositDraft(siti, 'wajib', 20_000));
    const second = wire();
    expect(await syncOnce(phone, { fetch: second.fetch })).toMatchObject({ status: 'ok', receipt: { acked: 2 } });
    expect(paths(second)).toEqual([PUSH_PATH]);
    expect(await district.accepted(coop)).toHaveLength(3);

    // The old copy records a new entry as seq 2: the server already holds seq 2 and 3 of this device.
    await record(older, depositDraft(siti, 'sukarela', 50_000));
    const behind = wire();
    const result = await syncOnce(older, { fetch: behind.fetch });
    expect(result).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyOnePush(behind)).toBe(true);
    expect(behind.sent.at(-1)?.status).toBe(409);
    expect(await readSyncMeta(older, 'sync.behind')).toMatchObject({ serverSeq: 3, localSeq: 2, forked: false });
    expect(await older.entries.where('sync').equals('pending').count()).toBe(1);
    // Still behind on the next run: its one push is refused again, and nothing is stored.
    const again = wire();
    expect(await syncOnce(older, { fetch: again.fetch })).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyOnePush(again)).toBe(true);

    // The other old copy records three: its seq 4 is past the server's 3, but its seq 3 is not the
    // server's seq 3 — a fork, refused before anything is stored.
    for (const amount of [10_000, 20_000, 30_000]) await record(forking, depositDraft(siti, 'sukarela', amount));
    const fork = wire();
    expect(await syncOnce(forking, { fetch: fork.fetch })).toMatchObject({ status: 'failed', error: 'chain-behind' });
    expect(onlyOnePush(fork)).toBe(true);
    expect(await readSyncMeta(forking, 'sync.behind')).toMatchObject({ serverSeq: 3, localSeq: 4, forked: true });

    // The server's books are untouched: three entries of this device, none rejected or forked.
    const accepted = await district.accepted(coop);
    expect(accepted.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(accepted.map((e) => e.id)).toEqual((await phone.entries.orderBy('order').toArray()).map((r) => r.id));

    // A push the server takes clears an earlier finding (the office sorted it out).
    await writeSyncMeta(phone, 'sync.behind', { at: new Date().toISOString(), serverSeq: 9, localSeq: 3, forked: false });
    await record(phone, depositDraft(siti, 'wajib', 20_000));
    const sorted = wire();
    expect(await syncOnce(phone, { fetch: sorted.fetch })).toMatchObject({ status: 'ok', receipt: { acked: 1 } });
    expect(sorted.sent[0]?.json).toMatchObject({ head: { seq: 3, hash: accepted.at(-1)?.hash } });
    expect(await readSyncMeta(phone, 'sync.behind')).toBeUndefined();
  });
});
