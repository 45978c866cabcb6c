/**
 * The sync engine around `syncOnce`: triggers, status store, back-off, the Web Lock, batch sizing
 * and the service worker's Background Sync handler — against the real server (SQLite), with a
 * hand-driven environment (timers, `online`, visibility) so nothing depends on wall-clock time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DB_NAME, LumbungDb } from '../../src/db/database.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { backoffDelayMs, Backoff } from '../../src/sync/backoff.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { nextBatch } from '../../src/sync/push-batch.ts';
import { writeSyncMeta, type SyncReceipt } from '../../src/sync/sync-meta.ts';
import { syncLockName, syncOnce } from '../../src/sync/sync-once.ts';
import type { SyncEnvironment } from '../../src/sync/sync-environment.ts';
import { createSyncStatusStore } from '../../src/sync/sync-status.ts';
import { sendRequest } from '../../src/sync/transport.ts';
import { createSyncEngine, IDLE_INTERVAL_MS, SAVE_DEBOUNCE_MS } from '../../src/sync/triggers.ts';
import { z } from 'zod';
import { runBackgroundSync, shouldRetry } from '../../service-worker/background-sync.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, startDistrict, wire, type District } from './harness.ts';

type FakeEnvironment = {
  env: SyncEnvironment;
  online: boolean;
  visible: boolean;
  timers: Map<number, { callback: () => void; ms: number }>;
  backgroundRegistrations: number;
  /** The engine's waits for another context's sync to end, by lock name. */
  lockWaits: string[];
  /** Each wait's promise, in order: a test can act right after the engine's own continuation. */
  lockFreed: Promise<void>[];
  fireOnline(): void;
  /** The other context lets go of the lock: every wait ends. */
  freeLocks(): void;
  /** Runs the pending timers (not the ones they schedule). */
  fireTimers(): void;
  delays(): number[];
};

function fakeEnvironment(): FakeEnvironment {
  const onlineListeners = new Set<() => void>();
  const waiting: (() => void)[] = [];
  const visibleListeners = new Set<() => void>();
  let next = 0;
  const fake: FakeEnvironment = {
    online: true,
    visible: true,
    timers: new Map(),
    backgroundRegistrations: 0,
    lockWaits: [],
    lockFreed: [],
    env: {
      isOnline: () => fake.online,
      isVisible: () => fake.visible,
      onOnline(listener) {
        onlineListeners.add(listener);
        return () => onlineListeners.delete(listener);
      },
      onVisible(listener) {
        visibleListeners.add(listener);
        return () => visibleListeners.delete(listener);
      },
      setTimer(callback, ms) {
        next++;
        fake.timers.set(next, { callback, ms });
        return next;
      },
      clearTimer(handle) {
        fake.timers.delete(handle as number);
      },
      registerBackgroundSync() {
        fake.backgroundRegistrations++;
        return Promise.resolve(true);
      },
      whenLockFree(name) {
        fake.lockWaits.push(name);
        const freed = new Promise<void>((resolve) => waiting.push(resolve));
        fake.lockFreed.push(freed);
        return freed;
      },
    },
    fireOnline: () => {
      for (const l of onlineListeners) l();
    },
    freeLocks: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
    fireTimers() {
      const due = [...fake.timers.entries()];
      for (const [id, timer] of due) {
        fake.timers.delete(id);
        timer.callback();
      }
    },
    delays: () => [...fake.timers.values()].map((t) => t.ms),
  };
  return fake;
}

describe('sync engine around syncOnce', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Nelayan Bahari');
  });
  afterAll(async () => {
    await district.close();
  });

  async function enrolledPhone(db: LumbungDb = newPhone('engine')): Promise<{ db: LumbungDb; deviceId: string }> {
    const code = await district.enrollmentCode(coop);
    const result = await enroll(db, { serverUrl: district.url, code, deviceName: 'HP', fetch: realFetch });
    if (!result.ok) throw new Error(`enrollment failed: ${result.error}`);
    return { db, deviceId: result.value.deviceId };
  }

  it('syncs at start, after saves (debounced), and reports pending counts and last success', async () => {
    const { db } = await enrolledPhone();
    const m = newMemberId();
    await record(db, joinDraft(m, 'E-001', 'Nur'));
    const fake = fakeEnvironment();
    const net = wire();
    const engine = createSyncEngine({ db, fetch: net.fetch, environment: fake.env, random: () => 0.5 });
    const seen: string[] = [];
    engine.status.subscribe(() => seen.push(engine.status.getSnapshot().phase));

    engine.start();
    await vi.waitFor(() => expect(engine.status.getSnapshot().lastSuccessAt).not.toBeNull());
    expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null });
    expect(seen).toContain('syncing');
    expect(fake.delays()).toEqual([IDLE_INTERVAL_MS]);
    expect(fake.backgroundRegistrations).toBeGreaterThanOrEqual(1);

    await record(db, depositDraft(m, 'pokok', 100_000));
    await record(db, depositDraft(m, 'wajib', 20_000));
    engine.notifySaved();
    engine.notifySaved();
    await vi.waitFor(() => expect(engine.status.getSnapshot().pendingCount).toBe(2));
    expect(engine.status.getSnapshot().oldestPendingAt).not.toBeNull();
    // One debounce timer for the burst, beside the idle timer.
    expect(fake.delays().sort((a, b) => a - b)).toEqual([SAVE_DEBOUNCE_MS, IDLE_INTERVAL_MS]);
    const pushesBefore = net.sent.filter((r) => r.path === '/api/v1/sync/push').length;
    fake.fireTimers();
    await vi.waitFor(() => expect(engine.status.getSnapshot().pendingCount).toBe(0));
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('idle'));
    expect(net.sent.filter((r) => r.path === '/api/v1/sync/push').length).toBe(pushesBefore + 1);
    engine.stop();
    expect(fake.timers.size).toBe(0);
  });

  it('backs off exponentially with jitter while the link is down, and resets after a success', async () => {
    const { db } = await enrolledPhone();
    await record(db, joinDraft(newMemberId(), 'E-002', 'Agus'));
    const fake = fakeEnvironment();
    let up = false;
    const engine = createSyncEngine({
      db,
      fetch: (input, init) => (up ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
      environment: fake.env,
      random: () => 0.5,
    });
    engine.start();
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('offline'));
    expect(engine.status.getSnapshot()).toMatchObject({ lastError: 'network', pendingCount: 1 });
    // 30 s, 60 s, 120 s ceilings; the jitter (0.5 here) picks 3/4 of each.
    expect(fake.delays()).toEqual([22_500]);
    fake.fireTimers();
    await vi.waitFor(() => expect(fake.delays()).toEqual([45_000]));
    fake.fireTimers();
    await vi.waitFor(() => expect(fake.delays()).toEqual([90_000]));

    // The signal comes back: the `online` event syncs at once and the back-off resets.
    up = true;
    fake.fireOnline();
    // Head check, push and pull against the real server: more than waitFor's default second under load.
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('idle'), { timeout: 15_000 });
    expect(engine.status.getSnapshot()).toMatchObject({ pendingCount: 0, lastError: null });
    expect(fake.delays()).toEqual([IDLE_INTERVAL_MS]);
    up = false;
    await engine.syncNow();
    expect(fake.delays()).toEqual([22_500]);
    engine.stop();
  });

  it('two triggers during one failing run step the back-off once, not twice', async () => {
    const { db } = await enrolledPhone();
    await record(db, joinDraft(newMemberId(), 'E-011', 'Wulan'));
    const fake = fakeEnvironment();
    let fail: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => (fail = resolve));
    let requests = 0;
    const engine = createSyncEngine({
      db,
      fetch: async () => {
        requests++;
        await failed; // the link drops mid-request
        throw new TypeError('Failed to fetch');
      },
      environment: fake.env,
      random: () => 0.5,
    });
    engine.start();
    await vi.waitFor(() => expect(requests).toBe(1));
    // The signal flickers and the treasurer taps "Sinkronkan" while the run is still on the wire.
    fake.fireOnline();
    const tapped = engine.syncNow();
    fail();
    await tapped;
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('offline'));
    expect(requests).toBe(1);
    expect(fake.delays()).toEqual([22_500]); // the first step (30 s × 3/4), not the second (45 s)
    engine.stop();
  });

  it('sends an entry saved while a run is pulling right after that run, not at the next idle tick', async () => {
    // Another phone of the cooperative has pushed, so this phone's run pulls after its push.
    const other = await enrolledPhone();
    await record(other.db, joinDraft(newMemberId(), 'E-012', 'Yati'));
    expect((await syncOnce(other.db, { fetch: realFetch })).status).toBe('ok');

    const { db } = await enrolledPhone();
    const m = newMemberId();
    await record(db, joinDraft(m, 'E-013', 'Zaenab'));
    const fake = fakeEnvironment();
    let releasePull: () => void = () => undefined;
    const pullHeld = new Promise<void>((resolve) => (releasePull = resolve));
    let pulling = false;
    const net = wire(async (request, real) => {
      if (request.path.startsWith('/api/v1/sync/pull')) {
        pulling = true;
        await pullHeld; // a long pull over 2G
      }
      return real();
    });
    const engine = createSyncEngine({ db, fetch: net.fetch, environment: fake.env });
    engine.start();
    await vi.waitFor(() => expect(pulling).toBe(true), { timeout: 15_000 });
    expect(net.pushedIds()).toHaveLength(1);

    // Saved during the pull; its debounce ends while the run is still in flight.
    const deposit = await record(db, depositDraft(m, 'wajib', 10_000));
    engine.notifySaved();
    fake.fireTimers();
    releasePull();
    await vi.waitFor(() => expect(net.pushedIds()).toContain(deposit.id), { timeout: 15_000 });
    await vi.waitFor(() => expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0 }));
    expect(fake.delays()).toEqual([IDLE_INTERVAL_MS]);
    engine.stop();
  });

  it('does not try when the platform says it is offline, but the manual button does', async () => {
    const { db } = await enrolledPhone();
    const fake = fakeEnvironment();
    fake.online = false;
    const net = wire();
    const engine = createSyncEngine({ db, fetch: net.fetch, environment: fake.env });
    engine.start();
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('offline'));
    expect(net.sent).toHaveLength(0);
    const manual = await engine.syncNow();
    expect(manual.status).toBe('ok');
    expect(net.sent.length).toBeGreaterThan(0);
    engine.stop();
  });

  it('shows a revoked phone as revoked and stops scheduling', async () => {
    const { db, deviceId } = await enrolledPhone();
    await record(db, joinDraft(newMemberId(), 'E-003', 'Sari'));
    await district.revoke(deviceId);
    const fake = fakeEnvironment();
    const engine = createSyncEngine({ db, fetch: realFetch, environment: fake.env });
    engine.start();
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('revoked'));
    expect(engine.status.getSnapshot()).toMatchObject({ lastError: 'revoked', pendingCount: 1, nextAttemptAt: null });
    expect(fake.timers.size).toBe(0);
    engine.stop();
  });

  describe('with the Web Locks API', () => {
    afterEach(() => {
      Reflect.deleteProperty(globalThis, 'navigator');
    });

    /** A lock manager that answers `ifAvailable` requests; `held` is what other contexts hold. */
    function installLocks(held: Set<string>): void {
      const locks = {
        async request<R>(name: string, ...args: unknown[]): Promise<R> {
          const callback = args.at(-1) as (lock: unknown) => Promise<R>;
          const options = (args.length > 1 ? args[0] : {}) as { ifAvailable?: boolean };
          if (held.has(name)) {
            if (options.ifAvailable === true) return callback(null);
            throw new Error('the test lock manager does not queue');
          }
          held.add(name);
          try {
            return await callback({ name });
          } finally {
            held.delete(name);
          }
        },
      };
      Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    }

    /**
     * An enrolled phone (with `pending` entries saved) whose engine started while another context
     * held the sync lock, and now waits for that run; the lock is still held.
     */
    async function engineFollowingOtherRun(pending: number, net: ReturnType<typeof wire> = wire(), receipt?: SyncReceipt) {
      const held = new Set<string>();
      installLocks(held);
      const { db } = await enrolledPhone();
      for (let i = 0; i < pending; i++) await record(db, joinDraft(newMemberId(), `F-${String(i + 1).padStart(3, '0')}`, 'Sari'));
      if (receipt !== undefined) await writeSyncMeta(db, 'sync.receipt', receipt);
      const fake = fakeEnvironment();
      const engine = createSyncEngine({ db, fetch: net.fetch, environment: fake.env });
      held.add(syncLockName(db));
      engine.start();
      await vi.waitFor(() => expect(fake.lockWaits).toHaveLength(1));
      return { db, fake, net, engine, letGo: () => held.delete(syncLockName(db)) };
    }

    it('returns busy at once while another context holds the sync lock, and runs after', async () => {
      const held = new Set<string>();
      installLocks(held);
      const { db } = await enrolledPhone();
      await record(db, joinDraft(newMemberId(), 'E-004', 'Ratna'));
      held.add(syncLockName(db)); // the service worker is syncing
      const net = wire();
      expect(await syncOnce(db, { fetch: net.fetch })).toEqual({ status: 'busy' });
      expect(net.sent).toHaveLength(0);
      held.delete(syncLockName(db));
      expect((await syncOnce(db, { fetch: net.fetch })).status).toBe('ok');
      expect(net.pushedIds()).toHaveLength(1);
    });

    it('told busy, the engine waits for the other run and takes its receipt instead of sending again', async () => {
      const held = new Set<string>();
      installLocks(held);
      const { db } = await enrolledPhone();
      const m = newMemberId();
      await record(db, joinDraft(m, 'E-006', 'Wati'));
      const fake = fakeEnvironment();
      const net = wire();
      const engine = createSyncEngine({ db, fetch: net.fetch, environment: fake.env });
      held.add(syncLockName(db)); // the service worker, woken by the same save, is syncing
      engine.start();
      await vi.waitFor(() => expect(fake.lockWaits).toEqual([syncLockName(db)]));
      expect(net.sent).toHaveLength(0);
      expect(fake.timers.size).toBe(0);

      // The worker's run ends: it pushed the entry and left its receipt.
      held.delete(syncLockName(db));
      const worker = await syncOnce(db, { fetch: realFetch });
      if (worker.status !== 'ok') throw new Error(`the worker's run: ${worker.status}`);
      fake.freeLocks();
      await vi.waitFor(() => expect(engine.status.getSnapshot().lastSuccessAt).toBe(worker.receipt.finishedAt));
      expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null });
      expect(net.sent).toHaveLength(0);
      expect(fake.delays()).toEqual([IDLE_INTERVAL_MS]);

      // Busy again; this time an entry is saved while the worker runs: the engine sends just that.
      held.add(syncLockName(db));
      await engine.syncNow();
      await vi.waitFor(() => expect(fake.lockWaits).toHaveLength(2));
      held.delete(syncLockName(db));
      const second = await syncOnce(db, { fetch: realFetch });
      expect(second.status).toBe('ok');
      await record(db, depositDraft(m, 'wajib', 10_000));
      fake.freeLocks();
      await vi.waitFor(() => expect(net.pushedIds()).toHaveLength(1), { timeout: 15_000 });
      await vi.waitFor(() => expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0 }));
      engine.stop();
    });

    it('told busy by a run that then fails, the engine syncs as soon as the lock is free', async () => {
      // e.g. the worker woke before this phone was enrolled, and its run ends "not enrolled"
      const { fake, net, engine, letGo } = await engineFollowingOtherRun(1);
      letGo();
      fake.freeLocks();
      await vi.waitFor(() => expect(net.pushedIds()).toHaveLength(1), { timeout: 15_000 });
      await vi.waitFor(() => expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null }));
      expect(engine.status.getSnapshot().lastSuccessAt).not.toBeNull();
      engine.stop();
    });

    it('told busy, takes a receipt only if it changed during the wait: one dated ahead by a wrong clock is not fresh', async () => {
      // Left by a sync while the phone's clock ran a day ahead; the clock has since been put right.
      const ahead = new Date(Date.now() + 86_400_000).toISOString();
      const old: SyncReceipt = { finishedAt: ahead, serverTime: ahead, pushed: 0, acked: 0, rejected: 0, flagged: 0, pulled: 0, lastServerSeq: null, chainHead: null };
      // Nothing pending: only a fresh look at the server is at stake. The worker's run will fail.
      const { fake, net, engine, letGo } = await engineFollowingOtherRun(0, wire(), old);
      letGo();
      fake.freeLocks();
      // The old receipt is not taken for the failed run: the engine looks at the server itself.
      await vi.waitFor(() => expect(net.sent.map((r) => r.path.split('?')[0])).toContain('/api/v1/sync/pull'), { timeout: 15_000 });
      await vi.waitFor(() => expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', lastError: null }));
      expect(engine.status.getSnapshot().lastSuccessAt).not.toBe(ahead);
      engine.stop();
    });

    it('told busy, a stopped engine sends nothing once the lock is free', async () => {
      const { fake, net, engine, letGo } = await engineFollowingOtherRun(1);
      letGo();
      // Stopped (the phone left the app's enrolled part) while the engine reads what the run left.
      void fake.lockFreed[0]?.then(() => engine.stop());
      fake.freeLocks();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(net.sent).toHaveLength(0);
      expect(fake.timers.size).toBe(0);
    });

    it('told busy, does not show "idle" over a sync of its own that a trigger started meanwhile', async () => {
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      // The page's own request waits (a slow 2G link) until the test lets it through.
      const slow = wire(async (_request, real) => {
        await released;
        return real();
      });
      const { db, fake, net, engine, letGo } = await engineFollowingOtherRun(1, slow);
      // The worker's run succeeds and lets go; right then the signal comes back and the page syncs.
      letGo();
      const worker = await syncOnce(db, { fetch: realFetch });
      expect(worker.status).toBe('ok');
      void fake.lockFreed[0]?.then(() => fake.fireOnline());
      fake.freeLocks();
      await vi.waitFor(() => expect(net.sent.length).toBeGreaterThan(0));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(engine.status.getSnapshot().phase).toBe('syncing');
      release();
      await vi.waitFor(() => expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null }));
      engine.stop();
    });
  });

  it('cuts a long outbox into batches that fit the wire limit, all acknowledged once', async () => {
    const { db, deviceId } = await enrolledPhone();
    const m = newMemberId();
    await record(db, joinDraft(m, 'E-005', 'Hadi'));
    for (let i = 1; i <= 30; i++) await record(db, depositDraft(m, 'sukarela', 1_000 * i));
    const net = wire();
    const progress: number[] = [];
    const result = await syncOnce(db, {
      fetch: net.fetch,
      batchLimits: { maxEntries: 500, maxJsonBytes: 256 * 1024, maxWireBytes: 1_500, gzip: true },
      onProgress: (p) => {
        if (p.step === 'push') progress.push(p.pushed);
      },
    });
    expect(result.status).toBe('ok');
    const pushes = net.sent.filter((r) => r.path === '/api/v1/sync/push');
    expect(pushes.length).toBeGreaterThan(2);
    for (const push of pushes) expect(push.raw?.length ?? 0).toBeLessThanOrEqual(1_500);
    expect(net.pushedIds()).toHaveLength(31);
    expect(new Set(net.pushedIds()).size).toBe(31);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(31);
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId)).toHaveLength(31);
  });

  it('runs in the service worker on a Background Sync event with its own database handle', async () => {
    // The worker opens the app's database by its default name.
    const page = new LumbungDb(DEFAULT_DB_NAME);
    const { deviceId } = await enrolledPhone(page);
    await record(page, joinDraft(newMemberId(), 'E-006', 'Wulan'));
    await runBackgroundSync();
    const rows = await page.entries.where('[deviceId+seq]').between([deviceId, 0], [deviceId, Infinity]).toArray();
    expect(rows.map((r) => r.sync)).toEqual(['acked']);
    expect((await district.accepted(coop)).some((e) => e.id === rows[0]?.id)).toBe(true);
    page.close();

    const tally = { pushed: 0, acked: 0, rejected: 0, flagged: 0, pulled: 0 };
    expect(shouldRetry({ status: 'failed', error: 'network', detail: 'offline', tally })).toBe(true);
    expect(shouldRetry({ status: 'failed', error: 'unexpected-response', detail: 'not-json', tally })).toBe(true);
    expect(shouldRetry({ status: 'failed', error: 'not-enrolled', detail: null, tally })).toBe(false);
    expect(shouldRetry({ status: 'revoked', message: 'dicabut', tally })).toBe(false);
    expect(shouldRetry({ status: 'busy' })).toBe(false);
  });
});

describe('pieces', () => {
  it('a request that hangs past its deadline is an unknown outcome, not a failure of the entries', async () => {
    const hanging = (_input: string, init: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const spec = { fetch: hanging, baseUrl: 'http://127.0.0.1:9', method: 'GET' as const, pathWithQuery: '/api/v1/health', headers: {} };
    expect(await sendRequest({ ...spec, timeoutMs: 20 }, z.object({}))).toEqual({ kind: 'unknown', reason: 'timeout' });
    const caller = new AbortController();
    const pending = sendRequest({ ...spec, timeoutMs: 60_000, signal: caller.signal }, z.object({}));
    caller.abort();
    expect(await pending).toEqual({ kind: 'unknown', reason: 'aborted' });
    const refused = await sendRequest(
      { ...spec, fetch: () => Promise.resolve(Response.json({ error: { code: 'invalid-cursor', message: 'x' } }, { status: 400 })) },
      z.object({}),
    );
    expect(refused).toEqual({ kind: 'refused', status: 400, code: 'invalid-cursor', message: 'x' });
    const failing = await sendRequest(
      { ...spec, fetch: () => Promise.resolve(Response.json({ error: { code: 'internal', message: 'x' } }, { status: 503 })) },
      z.object({}),
    );
    expect(failing).toEqual({ kind: 'unknown', reason: 'server-error', status: 503 });
  });

  it('back-off doubles from 30 s to a 30 min cap, jittered within the upper half', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(15_000);
    expect(backoffDelayMs(1, () => 0.5)).toBe(22_500);
    expect(backoffDelayMs(2, () => 0)).toBe(30_000);
    // 30 s · 2^6 = 32 min, capped at 30 min.
    expect(backoffDelayMs(7, () => 0.5)).toBe(22.5 * 60_000);
    expect(backoffDelayMs(50, () => 0)).toBe(15 * 60_000);
    expect(backoffDelayMs(0, () => 0.5)).toBe(0);
    const backoff = new Backoff(() => 0.5);
    expect([backoff.failure(), backoff.failure(), backoff.failure()]).toEqual([22_500, 45_000, 90_000]);
    backoff.success();
    expect(backoff.failure()).toBe(22_500);
  });

  it('a batch never exceeds 500 entries and always carries at least one', async () => {
    const entry = {
      v: 1,
      id: '0193a1c4-0000-7000-8000-000000000000',
      seq: 1,
      data: { memo: 'x'.repeat(5_000) },
    };
    const many = Array.from({ length: 600 }, (_, i) => ({ ...entry, seq: i + 1, data: { memo: 'x' } }));
    type AnyEntry = Parameters<typeof nextBatch>[0][number];
    const big = await nextBatch([entry as unknown as AnyEntry], { maxEntries: 500, maxJsonBytes: 100, maxWireBytes: 10, gzip: true });
    expect(big.entries).toHaveLength(1);
    const capped = await nextBatch(many as unknown as AnyEntry[]);
    expect(capped.entries).toHaveLength(500);
    expect(capped.body.gzip).toBe(true);
  });

  it('the status store notifies on change only and keeps snapshots stable otherwise', () => {
    const store = createSyncStatusStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    const first = store.getSnapshot();
    store.update({ phase: 'idle' });
    expect(store.getSnapshot()).toBe(first);
    expect(calls).toBe(0);
    store.update({ phase: 'syncing', progress: { step: 'push', pushed: 0, total: 3 } });
    expect(calls).toBe(1);
    expect(store.getSnapshot()).not.toBe(first);
    off();
    store.update({ phase: 'idle' });
    expect(calls).toBe(1);
  });
});
