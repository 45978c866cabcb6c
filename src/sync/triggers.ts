/**
 * When the page syncs, and the status the screens show. Started once by the app shell:
 *
 *   const engine = createSyncEngine({ db, fetch: (u, i) => fetch(u, i) });
 *   engine.start();                       // app start: sync now, listen for the triggers below
 *   engine.notifySaved();                 // after each saved entry
 *   await engine.syncNow();               // the big "Sinkronkan sekarang" button
 *   useSyncExternalStore(engine.status.subscribe, engine.status.getSnapshot)
 *
 * Triggers: app start; a save (debounced, so a burst of saves makes one push); the `online` event;
 * the app coming back to the foreground; a timer while the app is open — every few minutes when all
 * is well (to pull other devices' entries), with exponential back-off and jitter after failures;
 * Background Sync registration, so the service worker pushes after the page is closed; and the
 * manual button, which ignores the back-off. All of them end in `syncOnce`, which serialises them.
 */
import type { LumbungDb } from '../db/database.ts';
import { outboxStats } from '../db/outbox.ts';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { browserEnvironment, type SyncEnvironment } from './sync-environment.ts';
import { syncLockName, syncOnce, type SyncOptions, type SyncResult } from './sync-once.ts';
import { readSyncMeta } from './sync-meta.ts';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status.ts';
import type { FetchLike } from './transport.ts';

/** While all is well and the app is open: look for other devices' entries this often. */
export const IDLE_INTERVAL_MS = 5 * 60_000;
/** A save waits this long for the next one, so a quick series of saves is one push. */
export const SAVE_DEBOUNCE_MS = 2_000;
/** Another tab or the worker holds the sync lock: wait for its run to end, but look again after this at most. */
export const BUSY_RETRY_MS = 15_000;

export type SyncEngineOptions = {
  readonly db: LumbungDb;
  readonly fetch: FetchLike;
  readonly baseUrl?: string | undefined;
  readonly now?: (() => Date) | undefined;
  readonly random?: (() => number) | undefined;
  readonly environment?: SyncEnvironment | undefined;
  readonly backoff?: BackoffPolicy | undefined;
  readonly syncOptions?: Partial<Omit<SyncOptions, 'fetch' | 'now' | 'baseUrl' | 'onProgress'>> | undefined;
};

export type SyncEngine = {
  readonly status: SyncStatusStore;
  start(): void;
  stop(): void;
  /** Sync right away, ignoring the back-off (the manual button). */
  syncNow(): Promise<SyncResult>;
  /** Tell the engine an entry was saved. */
  notifySaved(): void;
  /** Re-read the outbox counts (after a save, a restore). */
  refreshOutbox(): Promise<void>;
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const env = options.environment ?? browserEnvironment();
  const now = options.now ?? (() => new Date());
  const status = createSyncStatusStore();
  const backoff = new Backoff(options.random ?? Math.random, options.backoff ?? DEFAULT_BACKOFF);
  let timer: unknown = null;
  let running = false;
  let following = false;
  let inFlight: Promise<SyncResult> | null = null;
  /** A save's debounce ended during a run: one more run follows it if entries are left pending. */
  let savedDuringRun = false;
  const unsubscribe: (() => void)[] = [];

  function schedule(ms: number): void {
    if (!running) return;
    if (timer !== null) env.clearTimer(timer);
    status.update({ nextAttemptAt: now().getTime() + ms });
    timer = env.setTimer(() => {
      timer = null;
      // The timer only pays off while someone looks; hidden, Background Sync and return-to-app cover it.
      if (env.isVisible()) void attempt();
      else status.update({ nextAttemptAt: null });
    }, ms);
  }

  async function refreshOutbox(): Promise<void> {
    try {
      const stats = await outboxStats(options.db, now());
      status.update({
        pendingCount: stats.pending,
        oldestPendingAt: stats.oldestPendingAt ?? null,
        rejectedCount: stats.rejected,
      });
    } catch {
      // Counts are advisory; the sync result reports storage trouble itself.
    }
  }

  async function attempt(manual = false): Promise<SyncResult> {
    // Two triggers at once (online and visible, a save during a sync) share one run, and its
    // result is applied once: applied twice, one failure would step the back-off twice.
    if (inFlight !== null) return inFlight;
    if (!manual && !env.isOnline()) {
      status.update({ phase: 'offline', lastError: 'network', lastErrorDetail: 'offline' });
      schedule(backoff.failure());
      return { status: 'failed', error: 'network', detail: 'offline', tally: { pushed: 0, acked: 0, rejected: 0, flagged: 0, pulled: 0 } };
    }
    status.update({ phase: 'syncing', progress: null, nextAttemptAt: null });
    const run = (async () => {
      const result = await syncOnce(options.db, {
        ...options.syncOptions,
        fetch: options.fetch,
        now,
        baseUrl: options.baseUrl,
        onProgress: (progress) => status.update({ progress }),
      });
      await refreshOutbox();
      settle(result);
      return result;
    })();
    inFlight = run;
    let result: SyncResult;
    try {
      result = await run;
    } finally {
      inFlight = null;
    }
    if (savedDuringRun) {
      savedDuringRun = false;
      // Saved while this run was past its push (pulling, storing): sent now, not at the next idle tick.
      if (running && result.status === 'ok' && status.getSnapshot().pendingCount > 0) void attempt();
    }
    return result;
  }

  /**
   * Another tab or the service worker was syncing when we asked (they are often woken by the same
   * moment: an enrollment, a save, the signal coming back). Wait for that run to end, then read
   * what it left. If it finished a sync while we waited, its receipt is ours too: the status shows it
   * at once, and only what was saved meanwhile is sent. If it did not (it failed, or it started
   * before this phone was enrolled), sync now rather than a fixed while later.
   *
   * "Finished while we waited" is the receipt having changed, not a comparison of times: a receipt
   * written while the phone's clock ran ahead would otherwise pass for fresh after the clock was put
   * right. (A run that ended before the first read costs one sync of our own; harmless.)
   */
  async function followOtherRun(): Promise<void> {
    if (following) return;
    following = true;
    try {
      const before = await readSyncMeta(options.db, 'sync.receipt').catch(() => undefined);
      await env.whenLockFree(syncLockName(options.db), BUSY_RETRY_MS);
      const receipt = await readSyncMeta(options.db, 'sync.receipt').catch(() => undefined);
      // Stopped meanwhile, or a sync of our own started (a trigger while we read): nothing to add.
      if (!running || status.getSnapshot().phase === 'syncing') return;
      if (receipt === undefined || receipt.finishedAt === before?.finishedAt) {
        void attempt();
        return;
      }
      backoff.success();
      await refreshOutbox();
      if (!running || status.getSnapshot().phase === 'syncing') return;
      status.update({ phase: 'idle', lastSuccessAt: receipt.finishedAt, lastError: null, lastErrorDetail: null });
      if (status.getSnapshot().pendingCount > 0) void attempt();
      else schedule(IDLE_INTERVAL_MS);
    } finally {
      following = false;
    }
  }

  function settle(result: SyncResult): void {
    switch (result.status) {
      case 'ok':
        backoff.success();
        status.update({
          phase: 'idle',
          progress: null,
          lastSuccessAt: result.receipt.finishedAt,
          lastError: null,
          lastErrorDetail: null,
        });
        schedule(IDLE_INTERVAL_MS);
        return;
      case 'busy':
        if (timer !== null) env.clearTimer(timer);
        timer = null;
        status.update({ phase: 'idle', progress: null, nextAttemptAt: null });
        void followOtherRun();
        return;
      case 'revoked':
        // Final: nothing more is sent; every entry stays on the phone.
        if (timer !== null) env.clearTimer(timer);
        timer = null;
        status.update({ phase: 'revoked', progress: null, lastError: 'revoked', lastErrorDetail: result.message, nextAttemptAt: null });
        return;
      case 'failed':
        if (result.error === 'not-enrolled') {
          status.update({ phase: 'idle', progress: null, lastError: 'not-enrolled', lastErrorDetail: null, nextAttemptAt: null });
          return;
        }
        status.update({
          phase: result.error === 'network' ? 'offline' : 'error',
          progress: null,
          lastError: result.error,
          lastErrorDetail: result.detail,
        });
        schedule(backoff.failure());
        // If the page closes before the retry, let the browser wake the worker when a network is back.
        void env.registerBackgroundSync();
        return;
    }
  }

  let saveTimer: unknown = null;

  return {
    status,
    start() {
      if (running) return;
      running = true;
      unsubscribe.push(env.onOnline(() => void attempt()));
      unsubscribe.push(env.onVisible(() => void attempt()));
      void (async () => {
        const receipt = await readSyncMeta(options.db, 'sync.receipt').catch(() => undefined);
        if (receipt !== undefined && status.getSnapshot().lastSuccessAt === null) {
          status.update({ lastSuccessAt: receipt.finishedAt });
        }
        await refreshOutbox();
        await attempt();
      })();
      void env.registerBackgroundSync();
    },
    stop() {
      running = false;
      for (const off of unsubscribe.splice(0)) off();
      if (timer !== null) env.clearTimer(timer);
      if (saveTimer !== null) env.clearTimer(saveTimer);
      timer = null;
      saveTimer = null;
      status.update({ nextAttemptAt: null });
    },
    syncNow: () => attempt(true),
    notifySaved() {
      void refreshOutbox();
      // Registered even when online: if the tab is closed within the debounce, the worker still pushes.
      void env.registerBackgroundSync();
      if (!running || !env.isOnline()) return;
      if (saveTimer !== null) env.clearTimer(saveTimer);
      saveTimer = env.setTimer(() => {
        saveTimer = null;
        // A run in flight may be past its push: joining it would leave this entry for later.
        if (inFlight !== null) savedDuringRun = true;
        else void attempt();
      }, SAVE_DEBOUNCE_MS);
    },
    refreshOutbox,
  };
}
