/**
 * One sync run: push the outbox, then pull until up to date, then store a receipt.
 *
 * Serialised twice over: within one JavaScript context a second call while a run is in flight joins
 * that run (same promise, same result), and across contexts (tabs, the service worker) a Web Lock
 * taken with `ifAvailable` makes the later caller return `busy` at once — the other context is doing
 * exactly this work. Either way no entry is pushed twice at the same time, and if it ever were
 * (no Web Locks), the server answers `duplicate`.
 *
 * A run can be killed at any point (tab closed, worker stopped): every step is committed before the
 * next starts and the next run simply continues.
 */
import type { LumbungDb } from '../db/database.ts';
import { loadDeviceKeys } from '../db/device-keys.ts';
import { readMeta, recordLastSync } from '../db/meta.ts';
import { classifyStorageError } from '../db/storage-errors.ts';
import type { DeviceSession } from './device-request.ts';
import type { BatchLimits } from './push-batch.ts';
import { pullAll, type PullOutcome, type PullTally } from './pull.ts';
import { skipOwnEntriesInPull } from './pull-skip.ts';
import { pushOutbox, type PushTally } from './push.ts';
import type { RunStop } from './refusal.ts';
import type { SyncError } from './sync-errors.ts';
import { readSyncMeta, writeSyncMeta, type SyncReceipt } from './sync-meta.ts';
import type { SyncProgress } from './sync-status.ts';
import type { FetchLike } from './transport.ts';
import { withWebLock } from './web-lock.ts';

export type SyncOptions = {
  readonly fetch: FetchLike;
  /** Device clock; injected so tests can move it. */
  readonly now?: (() => Date) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** Overrides the server URL saved at enrollment ('' = same origin as the app). */
  readonly baseUrl?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly batchLimits?: BatchLimits | undefined;
  readonly pullPageSize?: number | undefined;
};

export type SyncTally = {
  readonly pushed: number;
  readonly acked: number;
  readonly rejected: number;
  readonly flagged: number;
  readonly pulled: number;
};

export type SyncResult =
  | { readonly status: 'ok'; readonly receipt: SyncReceipt }
  /** Another tab or the service worker is syncing right now. */
  | { readonly status: 'busy' }
  | { readonly status: 'revoked'; readonly message: string; readonly tally: SyncTally }
  | { readonly status: 'failed'; readonly error: SyncError; readonly detail: string | null; readonly tally: SyncTally };

const inFlight = new Map<string, Promise<SyncResult>>();

export function syncLockName(db: LumbungDb): string {
  return `lumbung-sync:${db.name}`;
}

export function syncOnce(db: LumbungDb, options: SyncOptions): Promise<SyncResult> {
  const running = inFlight.get(db.name);
  if (running !== undefined) return running;
  const run = (async (): Promise<SyncResult> => {
    const locked = await withWebLock(syncLockName(db), () => guardedRun(db, options));
    return locked.ran ? locked.value : { status: 'busy' };
  })().finally(() => inFlight.delete(db.name));
  inFlight.set(db.name, run);
  return run;
}

const ZERO: SyncTally = { pushed: 0, acked: 0, rejected: 0, flagged: 0, pulled: 0 };

async function guardedRun(db: LumbungDb, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  let result: SyncResult;
  try {
    result = await run(db, options, now);
  } catch (error) {
    // Only the phone's own database can throw here; the network never does (see transport.ts).
    result = { status: 'failed', error: 'storage', detail: classifyStorageError(error).error, tally: ZERO };
  }
  await noteLastSync(db, result, now());
  return result;
}

async function run(db: LumbungDb, options: SyncOptions, now: () => Date): Promise<SyncResult> {
  const identity = await readMeta(db, 'identity');
  const keys = await loadDeviceKeys(db);
  if (identity?.mode !== 'enrolled' || keys === undefined) {
    return { status: 'failed', error: 'not-enrolled', detail: null, tally: ZERO };
  }
  const revoked = await readSyncMeta(db, 'sync.revoked');
  if (revoked !== undefined) return { status: 'revoked', message: revoked.message, tally: ZERO };
  const enrollment = await readSyncMeta(db, 'sync.enrollment');
  const session: DeviceSession = {
    db,
    fetch: options.fetch,
    baseUrl: options.baseUrl ?? enrollment?.serverUrl ?? '',
    deviceId: identity.deviceId,
    privateKey: keys.privateKey,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  };

  const first = await exchange(session, options, now);
  if (first.stop !== null) return stopped(db, first.stop, syncTally(first.tally), now());
  let round = first;
  // The pull showed the server has lost entries it acknowledged to us (restored from an older
  // backup): send them again now, not when the treasurer next records something. Once per run.
  if (first.ownLostFrom !== null) {
    const again = await exchange(session, options, now, first.ownLostFrom);
    round = { ...again, tally: addTallies(first.tally, again.tally) };
    if (round.stop !== null) return stopped(db, round.stop, syncTally(round.tally), now());
  }

  const previous = await readSyncMeta(db, 'sync.receipt');
  const { tally } = round;
  const receipt: SyncReceipt = {
    finishedAt: now().toISOString(),
    serverTime: tally.serverTime ?? now().toISOString(),
    pushed: tally.pushed,
    acked: tally.acked,
    rejected: tally.rejected,
    flagged: tally.flagged,
    pulled: tally.pulled,
    lastServerSeq: tally.lastServerSeq ?? previous?.lastServerSeq ?? null,
    chainHead: tally.ackedHead ?? previous?.chainHead ?? null,
  };
  await writeSyncMeta(db, 'sync.receipt', receipt);
  return { status: 'ok', receipt };
}

/** What a push and the pull after it did, for the receipt. */
type RoundTally = SyncTally & {
  readonly lastServerSeq: number | null;
  readonly ackedHead: { readonly seq: number; readonly hash: string } | null;
  /** The server's clock at its last answer. */
  readonly serverTime: string | null;
};

type Round = { readonly tally: RoundTally; readonly stop: RunStop | null; readonly ownLostFrom: number | null };

/** Push the outbox (from `resendFrom` on, when given), then pull what the push did not bring up to date. */
async function exchange(session: DeviceSession, options: SyncOptions, now: () => Date, resendFrom?: number): Promise<Round> {
  const db = session.db;
  // Each push carries this phone's view of its chain; a server whose copy differs refuses it
  // (chain-behind) before storing anything, so the check costs no request of its own.
  const pushed = await pushOutbox(session, {
    limits: options.batchLimits,
    now,
    resendFrom,
    onProgress: (done, total) => options.onProgress?.({ step: 'push', pushed: done, total }),
  });
  await noteClock(db, pushed.tally.serverTime, now());
  if (pushed.stop !== null) return { tally: roundTally(pushed.tally, null), stop: pushed.stop, ownLostFrom: null };
  const { ownAcks, serverCursor, afterHolds } = pushed.tally;
  const skip = await skipOwnEntriesInPull(db, ownAcks, serverCursor, afterHolds);

  // Our own entries were the server's newest: nothing to pull, one round trip saved.
  const pulled: PullOutcome = skip.upToDate
    ? { tally: { pulled: 0, added: 0, serverTime: null }, stop: null, ownLostFrom: null }
    : await pullAll(session, {
        pageSize: options.pullPageSize,
        onProgress: (count) => options.onProgress?.({ step: 'pull', pulled: count }),
      });
  await noteClock(db, pulled.tally.serverTime, now());
  return { tally: roundTally(pushed.tally, pulled.tally), stop: pulled.stop, ownLostFrom: pulled.ownLostFrom };
}

function roundTally(push: PushTally, pull: PullTally | null): RoundTally {
  return {
    ...tallyOf(push, pull),
    lastServerSeq: push.lastServerSeq,
    ackedHead: push.ackedHead,
    serverTime: pull?.serverTime ?? push.serverTime,
  };
}

function addTallies(a: RoundTally, b: RoundTally): RoundTally {
  return {
    pushed: a.pushed + b.pushed,
    acked: a.acked + b.acked,
    rejected: a.rejected + b.rejected,
    flagged: a.flagged + b.flagged,
    pulled: a.pulled + b.pulled,
    lastServerSeq: b.lastServerSeq ?? a.lastServerSeq,
    ackedHead: b.ackedHead ?? a.ackedHead,
    serverTime: b.serverTime ?? a.serverTime,
  };
}

function syncTally({ pushed, acked, rejected, flagged, pulled }: RoundTally): SyncTally {
  return { pushed, acked, rejected, flagged, pulled };
}

function tallyOf(push: PushTally, pull: PullTally | null): SyncTally {
  return { pushed: push.pushed, acked: push.acked, rejected: push.rejected, flagged: push.flagged, pulled: pull?.pulled ?? 0 };
}

async function stopped(db: LumbungDb, stop: RunStop, tally: SyncTally, at: Date): Promise<SyncResult> {
  switch (stop.kind) {
    case 'revoked':
      await writeSyncMeta(db, 'sync.revoked', { at: at.toISOString(), message: stop.message });
      return { status: 'revoked', message: stop.message, tally };
    case 'failed':
      return { status: 'failed', error: stop.error, detail: stop.detail, tally };
  }
}

/** serverTime − device time, so screens can warn when the phone's clock is far off. */
async function noteClock(db: LumbungDb, serverTime: string | null, deviceNow: Date): Promise<void> {
  if (serverTime === null) return;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  await writeSyncMeta(db, 'sync.clockOffsetMs', Math.round(server - deviceNow.getTime()));
}

async function noteLastSync(db: LumbungDb, result: SyncResult, at: Date): Promise<void> {
  if (result.status === 'busy') return;
  try {
    switch (result.status) {
      case 'ok':
        await recordLastSync(db, { at: at.toISOString(), ok: true, pushed: result.receipt.pushed, pulled: result.receipt.pulled });
        return;
      case 'revoked':
        await recordLastSync(db, { at: at.toISOString(), ok: false, error: 'revoked', pushed: result.tally.pushed, pulled: result.tally.pulled });
        return;
      case 'failed':
        await recordLastSync(db, { at: at.toISOString(), ok: false, error: result.error, pushed: result.tally.pushed, pulled: result.tally.pulled });
        return;
    }
  } catch {
    // The note is advisory; a full disk must not turn a finished sync into a failure.
  }
}
