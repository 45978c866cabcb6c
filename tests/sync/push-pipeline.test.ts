/**
 * The pipelined push (src/sync/push.ts): the next batch is read and encoded while one is on the
 * wire, and — once a round trip showed the link is fast enough — sent at once, so two pushes are in
 * flight: one being checked by the server, the next uploading. Requests leave in seq order with
 * increasing counters; an answer about the second batch counts only when the first's answer settled
 * its whole batch. Whatever goes wrong with the first of two (refused, its answer lost after the
 * commit, the server gone, the two arriving out of order), nothing may be lost, doubled or forked.
 *
 * The wire below is deterministic: a push's answer is held until the next push has left the phone
 * (so two are in flight from the phone's side), and the server sees a push only after the one before
 * it was answered — except where a test makes them arrive together or reversed on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { outboxStats } from '../../src/db/outbox.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { enroll } from '../../src/sync/enroll.ts';
import type { BatchLimits } from '../../src/sync/push-batch.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, startDistrict, wire, type District, type SentRequest } from './harness.ts';

const TEN_PER_BATCH: BatchLimits = { maxEntries: 10, maxJsonBytes: 256 * 1024, maxWireBytes: 64 * 1024, gzip: true };
const PUSH = '/api/v1/sync/push';
/** A wait for the phone that should come at once; past this the test fails instead of hanging. */
const PATIENCE_MS = 5_000;

const seqsOf = (request: SentRequest): number[] => (request.json as { entries: { seq: number }[] }).entries.map((e) => e.seq);
const pushes = (sent: readonly SentRequest[]): SentRequest[] => sent.filter((r) => r.path === PUSH);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const lostConnection = (): never => {
  throw new TypeError('Failed to fetch');
};

/** One-shot signals by push number (1-based), awaitable before or after they fire. */
class Signals {
  private readonly fired = new Map<number, () => void>();
  private readonly waits = new Map<number, Promise<void>>();
  private slot(n: number): Promise<void> {
    let wait = this.waits.get(n);
    if (wait === undefined) {
      wait = new Promise<void>((resolve) => this.fired.set(n, resolve));
      this.waits.set(n, wait);
    }
    return wait;
  }
  fire(n: number): void {
    void this.slot(n);
    this.fired.get(n)?.();
  }
  /** True when push `n` signalled; false when it did not within `patienceMs`. */
  async waitFor(n: number, patienceMs = PATIENCE_MS): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), patienceMs);
    });
    const result = await Promise.race([this.slot(n).then(() => true), late]);
    clearTimeout(timer);
    return result;
  }
}

type PushStep = {
  /** Which push this is (1-based) and the real call to the server. */
  readonly n: number;
  readonly real: () => Promise<Response>;
  /** Resolves when push n + 1 has left the phone (false if it never did). */
  readonly nextLeft: () => Promise<boolean>;
  /** Resolves when push n + 1 has ended (false if it did not within the patience given). */
  readonly nextDone: (patienceMs?: number) => Promise<boolean>;
  /** Resolves when push n − 1 has ended: answered, failed or refused. */
  readonly previousDone: () => Promise<boolean>;
};

/**
 * A wire whose pushes go through `step` (default: each reaches the server after the previous one
 * ended, and the answers to pushes 2–4 of a five-push run are held until the next push left).
 * Tracks how many pushes were in flight at once.
 */
function pushWire(step?: (s: PushStep) => Promise<Response>): { net: ReturnType<typeof wire>; most: () => number } {
  const left = new Signals();
  const done = new Signals();
  done.fire(0);
  let count = 0;
  let inFlight = 0;
  let most = 0;
  const inOrder = async (s: PushStep): Promise<Response> => {
    await s.previousDone();
    const response = await s.real();
    if (s.n >= 2 && s.n <= 4) await s.nextLeft();
    return response;
  };
  const net = wire(async (request, real) => {
    if (request.path !== PUSH) return real();
    const n = ++count;
    left.fire(n);
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      return await (step ?? inOrder)({
        n,
        real,
        nextLeft: () => left.waitFor(n + 1),
        nextDone: (patienceMs?: number) => done.waitFor(n + 1, patienceMs),
        previousDone: () => done.waitFor(n - 1),
      });
    } finally {
      inFlight--;
      done.fire(n);
    }
  });
  return { net, most: () => most };
}

describe.each(STORE_KINDS)('pipelined push against the %s server', (kind) => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict(kind);
    coop = await district.createCooperative('Koperasi Desa Sukamaju');
  });
  afterAll(async () => {
    await district.close();
  });

  /** An enrolled phone with 41 pending entries (a join and 40 deposits): pushes of 10, 10, 10, 10, 1. */
  async function phoneWith41(label: string): Promise<{ db: LumbungDb; deviceId: string }> {
    const db = newPhone(`${kind}-${label}`);
    const enrolled = await enroll(db, { serverUrl: district.url, code: await district.enrollmentCode(coop), deviceName: `HP ${label}`, fetch: realFetch });
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.error}`);
    const member = newMemberId();
    await record(db, joinDraft(member, `P-${kind}-${label}`, 'Sri Wahyuni'));
    for (let i = 1; i <= 40; i++) await record(db, depositDraft(member, 'sukarela', 1_000 * i));
    return { db, deviceId: enrolled.value.deviceId };
  }

  /** The device's entries the server accepted, each once, chained, in seq order (server order). */
  async function storedChain(deviceId: string): Promise<number[]> {
    const mine = (await district.accepted(coop)).filter((e) => e.deviceId === deviceId);
    mine.forEach((entry, i) => {
      if (i > 0) expect(entry.prevHash).toBe(mine[i - 1]?.hash);
    });
    expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length);
    return mine.map((e) => e.seq);
  }

  /** A second run over a plain wire finishes the push: every entry on the server once, nothing pending. */
  async function finishes(db: LumbungDb, deviceId: string, pending: number): Promise<void> {
    expect((await outboxStats(db)).pending).toBe(pending);
    const again = await syncOnce(db, { fetch: realFetch, batchLimits: TEN_PER_BATCH });
    expect(again).toMatchObject({ status: 'ok', receipt: { acked: pending } });
    expect((await outboxStats(db)).pending).toBe(0);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
  }

  it('two in flight once a round trip was measured: seq order, increasing counters, every entry acknowledged once', async () => {
    const { db, deviceId } = await phoneWith41('urut');
    const { net, most } = pushWire();
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'ok', receipt: { pushed: 41, acked: 41 } });
    const sent = pushes(net.sent);
    expect(sent.map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30), range(31, 40), [41]]);
    expect(most()).toBe(2);
    const counters = sent.map((r) => Number(r.headers['x-device-counter']));
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(new Set(counters).size).toBe(counters.length);
    expect(sent.every((r) => r.status === 200)).toBe(true);
    expect((await outboxStats(db)).pending).toBe(0);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    db.close();
  });

  it.each([
    { label: 'hilang', secondReaches: true, stored: 30 },
    { label: 'mati', secondReaches: false, stored: 20 },
  ])(
    'the first of two committed but its answer lost (the second reaches the server: $secondReaches): its answer is dropped, the next run gets duplicates',
    async ({ label, secondReaches, stored }) => {
      const { db, deviceId } = await phoneWith41(label);
      const { net, most } = pushWire(async ({ n, real, nextLeft, previousDone }) => {
        await previousDone();
        // The server gone after committing push 2: push 3 never reaches it.
        if (n === 3 && !secondReaches) lostConnection();
        const response = await real();
        if (n === 2) {
          expect(await nextLeft()).toBe(true);
          lostConnection();
        }
        return response;
      });
      const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
      expect(result).toMatchObject({ status: 'failed', error: 'network' });
      expect(most()).toBe(2);
      expect(pushes(net.sent).map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30)]);
      // The server stored push 2 (and push 3 after it, when it got there); the phone knows neither.
      expect(await storedChain(deviceId)).toEqual(range(1, stored));
      await finishes(db, deviceId, 31);
      db.close();
    },
  );

  it('the first of two refused before the server (a proxy’s 503): the second meets a gap and stores nothing', async () => {
    const { db, deviceId } = await phoneWith41('tolak');
    const { net, most } = pushWire(async ({ n, real, nextLeft, previousDone }) => {
      await previousDone();
      if (n === 2) {
        expect(await nextLeft()).toBe(true);
        return new Response('<html>Service Unavailable</html>', { status: 503, headers: { 'content-type': 'text/html' } });
      }
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'failed' });
    expect(most()).toBe(2);
    const sent = pushes(net.sent);
    expect(sent.map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30)]);
    expect(sent[2]?.status).toBe(200); // answered with a gap at seq 21
    expect(await storedChain(deviceId)).toEqual(range(1, 10));
    await finishes(db, deviceId, 31);
    db.close();
  });

  it('a 413 from a proxy on the first of two: the second is dropped and smaller batches go from where it stood', async () => {
    const { db, deviceId } = await phoneWith41('kecil');
    let refused = false;
    const { net } = pushWire(async ({ n, real, nextLeft, previousDone }) => {
      await previousDone();
      if (n === 2) {
        refused = await nextLeft();
        return new Response(JSON.stringify({ error: { code: 'body-too-large', message: 'Terlalu besar.' } }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        });
      }
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(refused).toBe(true);
    expect(result).toMatchObject({ status: 'ok', receipt: { acked: 41 } });
    const sent = pushes(net.sent).map(seqsOf);
    expect(sent.slice(0, 3)).toEqual([range(1, 10), range(11, 20), range(21, 30)]);
    expect(sent.slice(3).flat()).toEqual(range(11, 41));
    expect(sent.slice(3).every((seqs) => seqs.length <= 5)).toBe(true);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    expect((await outboxStats(db)).pending).toBe(0);
    db.close();
  });

  it('the second reaches the server first: it meets a gap and stores nothing, the first’s stale counter is retried, the second goes again — nothing doubled', async () => {
    const { db, deviceId } = await phoneWith41('balik');
    const { net, most } = pushWire(async ({ n, real, nextDone, previousDone }) => {
      if (n === 2) expect(await nextDone()).toBe(true); // held back until push 3 was answered
      else if (n !== 3) await previousDone();
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    expect(result).toMatchObject({ status: 'ok', receipt: { acked: 41 } });
    expect(most()).toBe(2);
    const sent = pushes(net.sent);
    expect(sent.slice(0, 4).map(seqsOf)).toEqual([range(1, 10), range(11, 20), range(21, 30), range(11, 20)]);
    expect(sent.slice(1, 4).map((r) => r.status)).toEqual([401, 200, 200]); // stale counter, gap, the retry
    // From there on 21–41 go again (the batch sent behind the overtaking one met the same gap).
    expect(new Set(sent.slice(4).flatMap(seqsOf))).toEqual(new Set(range(21, 41)));
    expect((await outboxStats(db)).pending).toBe(0);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    db.close();
  });

  it('every push overtaken by the one behind it, again and again: the run still ends complete, nothing doubled', async () => {
    const { db, deviceId } = await phoneWith41('susul');
    const FIVE_PER_BATCH: BatchLimits = { ...TEN_PER_BATCH, maxEntries: 5 };
    // A push that finds none in flight is held until one sent behind it has been answered (or a
    // moment, when none comes); the one behind goes straight through and so reaches the server first.
    let inFlight = 0;
    let most = 0;
    let releaseHeld: (() => void) | null = null;
    const net = wire(async (request, real) => {
      if (request.path !== PUSH) return real();
      const alone = inFlight === 0;
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        if (alone) {
          await new Promise<void>((resolve) => {
            releaseHeld = resolve;
            setTimeout(resolve, 300);
          });
          releaseHeld = null;
          return await real();
        }
        try {
          return await real();
        } finally {
          releaseHeld?.();
        }
      } finally {
        inFlight--;
      }
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: FIVE_PER_BATCH });
    expect(result).toMatchObject({ status: 'ok', receipt: { acked: 41 } });
    expect(most).toBe(2);
    // More reversals (each: the held push's counter refused as stale) than the three gap recoveries
    // a run allows: a batch that met a gap only because it overtook the one before is not one.
    expect(pushes(net.sent).filter((r) => r.status === 401).length).toBeGreaterThan(3);
    expect((await outboxStats(db)).pending).toBe(0);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    db.close();
  });

  it('both arrive at once, as on a real link: whatever the order, every entry ends on the server once, chained', async () => {
    const { db, deviceId } = await phoneWith41('bareng');
    const { net, most } = pushWire(async ({ n, real, nextLeft }) => {
      if (n === 2) expect(await nextLeft()).toBe(true);
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH });
    // Acked counts the resent duplicates too: how many depends on the order the server saw.
    expect(result).toMatchObject({ status: 'ok' });
    expect(most()).toBe(2);
    expect((await outboxStats(db)).pending).toBe(0);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    db.close();
  });

  it('on a link slower than a quarter of the deadline per push, one push at a time', async () => {
    const { db, deviceId } = await phoneWith41('lambat');
    const { net, most } = pushWire(async ({ real }) => {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      return real();
    });
    const result = await syncOnce(db, { fetch: net.fetch, batchLimits: TEN_PER_BATCH, timeoutMs: 4_000 });
    expect(result).toMatchObject({ status: 'ok', receipt: { acked: 41 } });
    expect(most()).toBe(1);
    expect(await storedChain(deviceId)).toEqual(range(1, 41));
    db.close();
  });
});
