/**
 * The pipelined push (src/sync/push.ts): the next batch is read and encoded while one is on the
 * wire, and sent as soon as an answer settles its whole batch. The server must still see one
 * request at a time, in seq order, with increasing counters; a failure or refusal mid-way must
 * drop the prepared batch, never send it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { outboxStats } from '../../src/db/outbox.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { enroll } from '../../src/sync/enroll.ts';
import type { BatchLimits } from '../../src/sync/push-batch.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, startDistrict, wire, type District, type SentRequest } from './harness.ts';

const TEN_PER_BATCH: BatchLimits = { maxEntries: 10, maxJsonBytes: 256 * 1024, maxWireBytes: 64 * 1024, gzip: true };
const PUSH = '/api/v1/sync/push';

describe('pipelined push against the sqlite server', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Desa Sukamaju');
  });
  afterAll(async () => {
    await district.close();
  });

  /** An enrolled phone with 41 pending entries (a join and 40 deposits). */
  async function phoneWith41(label: string): Promise<{ db: LumbungDb; deviceId: string }> {
    const db = newPhone(label);
    const enrolled = await enroll(db, { serverUrl: district.url, code: await district.enrollmentCode(coop), deviceName: `HP ${label}`, fetch: realFetch });
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.error}`);
    const member = newMemberId();
    await record(db, joinDraft(member, `P-${label}`, 'Sri Wahyuni'));
    for (let i = 1; i <= 40; i++) await record(db, depositDraft(member, 'sukarela', 1_000 * i));
    return { db, deviceId: enrolled.value.deviceId };
  }

  const seqsOf = (request: SentRequest): number[] => (request.json as { entries: { seq: number }[] }).entries.map((e) => e.seq);
  const pushes = (sent: readonly SentRequest[]): SentRequest[] => sent.filter((r) => r.path === PUSH);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('sends one batch at a time, in seq order, with increasing counters; every entry acknowledged once', async () => {
    const { db, deviceId } = await phoneWith41('urut');
    let inFlight = 0;
    let most = 0;
    const net = wire(async (_request, real) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await real();
      } finally {
        inFlight--;
      }
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'ok', receipt: { pushed: 41, acked: 41 } });
    const sent = pushes(net.sent);
    expect(sent.map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30), range(31, 40), [41]]);
    expect(most).toBe(1);
    const counters = sent.map((r) => Number(r.headers['x-device-counter']));
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(new Set(counters).size).toBe(counters.length);
    expect(sent.every((r) => r.status === 200)).toBe(true);
    expect((await outboxStats(db)).pending).toBe(0);
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId).map((e) => e.seq)).toEqual(range(1, 41));
    db.close();
  });

  it('stops at a lost request mid-way: the prepared batch is never sent, the rest stays pending', async () => {
    const { db, deviceId } = await phoneWith41('putus');
    let count = 0;
    const net = wire(async (request, real) => {
      if (request.path === PUSH && ++count === 3) throw new TypeError('Failed to fetch');
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'failed', error: 'network' });
    expect(pushes(net.sent).map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30)]);
    expect((await outboxStats(db)).pending).toBe(21);
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId).map((e) => e.seq)).toEqual(range(1, 20));

    // The next run carries on from seq 21, nothing doubled.
    const again = await syncOnce(db, { fetch: realFetch, batchLimits: TEN_PER_BATCH });
    expect(again).toMatchObject({ status: 'ok', receipt: { acked: 21 } });
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId).map((e) => e.seq)).toEqual(range(1, 41));
    db.close();
  });

  it('a refusal mid-way (413 from a proxy) drops the prepared batch and cuts smaller ones from where it stood', async () => {
    const { db, deviceId } = await phoneWith41('kecil');
    let count = 0;
    const net = wire(async (request, real) => {
      if (request.path === PUSH && ++count === 2) {
        return new Response(JSON.stringify({ error: { code: 'body-too-large', message: 'Terlalu besar.' } }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        });
      }
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'ok', receipt: { acked: 41 } });
    const sent = pushes(net.sent).map(seqsOf);
    expect(sent.slice(0, 4)).toEqual([range(1, 10), range(11, 20), range(11, 15), range(16, 20)]);
    expect(sent.flat().slice(10)).toEqual([...range(11, 20), ...range(11, 41)]);
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId).map((e) => e.seq)).toEqual(range(1, 41));
    db.close();
  });
});
