/**
 * PUSH: send the outbox (this device's pending entries, in seq order) until it is empty, and record
 * every answer. The rules, per status (CONTRACT §7):
 * - `accepted` / `accepted_flagged` / `duplicate` → acked with the serverSeq (the flag reason is kept
 *   on the row for the UI). `duplicate` is how a resend after a lost answer ends: nothing doubled.
 * - `rejected` → marked rejected with the reason: visible to the treasurer, never sent again.
 * - `gap` → the server lacks earlier entries of this device; it stopped the batch there. We resend
 *   from the seq it expects (those rows may be marked acked here) and then carry on.
 * - no usable answer (offline, timeout, 5xx, captive portal HTML) → stop; the entries stay pending
 *   and go again on the next run with the same ids, which the server makes idempotent.
 * - 401 `device-revoked` → stop for good; every entry is kept.
 * - 409 `device-chain-behind` → the server's copy of this device's chain differs from ours (this
 *   phone's books are an old copy; every batch carries `head` for that): nothing was stored; stop,
 *   and keep the finding for the Sinkron page (chain-guard.ts). The first batch taken clears it.
 *
 * Pipelined, on a slow link: while one batch is on the wire, the next is read and encoded (JSON,
 * gzip) — so the phone's own work (reading, encoding, storing answers) overlaps the upload.
 *
 * Two in flight: once an answer showed that a batch holds the link for at most a quarter of the
 * request deadline, the next batch is sent as soon as it is encoded, without waiting for the answer
 * to the one before, so it uploads while the server checks that one and the answer travels back —
 * the round trip and the server's time leave the critical path (a year over Slow 4G is 29 batches of
 * ~0.8 s upload against ~0.6 s of round trip and server). Never more than two: one being checked,
 * one uploading. The first batch of a run goes alone (no round trip measured yet), and on a link
 * slower than that the push stays one at a time, because two uploads sharing a poor link would each
 * take twice as long and could pass the deadline together.
 *
 * Why that is safe: requests leave in seq order with increasing counters (the second is handed to
 * `fetch` only after the first was), and the server applies a device's batches one at a time under
 * the cooperative's lock, each only where the stored chain ends. Answers are read in send order; the
 * second batch's answer counts only when the first's answer settled every entry of its batch (no
 * gap, no refusal, no unknown). Otherwise the second's answer is awaited and dropped — whatever the
 * server did with it (stored it after a first batch whose answer was lost, or refused it with a gap)
 * is what a resend of the same entries meets again, as `duplicate` or `accepted`: nothing is lost,
 * doubled or forked. If the two arrive out of order, the second gets a gap and stores nothing, and
 * the first's stale counter is retried once (device-request.ts). No run ends with a request still
 * in flight.
 */
import { readPullCursor } from '../db/meta.ts';
import { markAcked, outboxStats, pendingEntries, type PushResult as StoredPushResult } from '../db/outbox.ts';
import type { Entry } from '../domain/entry/schema.ts';
import { parseCursor } from '../domain/ledger/index.ts';
import { noteChainInStep, stopForChainBehind } from './chain-guard.ts';
import { DEVICE_CHAIN_BEHIND } from './device-head.ts';
import { deviceRequest, type DeviceSession } from './device-request.ts';
import { ownEntriesBetween } from './own-entries.ts';
import type { HttpOutcome } from './http-outcome.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './transport.ts';
import { DEFAULT_BATCH_LIMITS, MAX_BATCH_ENTRIES, nextBatch, type BatchLimits, type PushBatch } from './push-batch.ts';
import { stopForRefusal, stopForUnknown, type RunStop } from './refusal.ts';
import { pushResponseSchema, type PushResponse, type PushResult } from './wire.ts';

export const PUSH_PATH = '/api/v1/sync/push';

/** A server that keeps asking for entries we resent is broken or restored oddly: do not loop. */
const MAX_GAP_RECOVERIES = 3;

export type PushTally = {
  pushed: number;
  acked: number;
  rejected: number;
  flagged: number;
  /** Highest serverSeq given to one of our entries in this run. */
  lastServerSeq: number | null;
  /** Our highest-seq entry the server acknowledged in this run. */
  ackedHead: { seq: number; hash: string } | null;
  /** Each serverSeq answered for our entries in this run, with the entry's hash (the pull skips them). */
  ownAcks: OwnAck[];
  /** The server's newest serverSeq as a pull cursor, from the last push answer (newer servers only). */
  serverCursor: string | null;
  /**
   * Whether the pull cursor the pushes carried still holds (its chain mark is the server's), as
   * every answer said (false if any said not); null when no answer said (older servers, or no
   * cursor to carry).
   */
  afterHolds: boolean | null;
  serverTime: string | null;
};

export type OwnAck = { readonly serverSeq: number; readonly hash: string };

export type PushOutcome = { readonly tally: PushTally; readonly stop: RunStop | null };

export type PushOptions = {
  readonly limits?: BatchLimits | undefined;
  readonly onProgress?: ((pushed: number, total: number) => void) | undefined;
  /** Device clock, for the time a chain-behind finding is noted. */
  readonly now?: (() => Date) | undefined;
  /**
   * Send this device's own entries again from this seq on, whatever their state, before the outbox:
   * the server no longer holds them (a pull told us its copy of our chain ends before; pull.ts).
   */
  readonly resendFrom?: number | undefined;
};

type Sending = {
  readonly batch: PushBatch;
  readonly answer: Promise<HttpOutcome<PushResponse>>;
  /** Settles once the request was handed to `fetch` (or failed before). */
  readonly dispatched: Promise<void>;
  /** Sent while another push was still in flight: the server may have taken it first. */
  readonly behind: boolean;
  /** `performance.now()` when it was handed to `fetch`, for the round trip; null before. */
  dispatchedAt: number | null;
};

/** Sends `batch`; with `after`, only once that request has left, so counters reach the wire in order. */
function send(session: DeviceSession, batch: PushBatch, after: Sending | null = null): Sending {
  let leave = (): void => undefined;
  const dispatched = new Promise<void>((resolve) => {
    leave = resolve;
  });
  const sending: Sending = {
    batch,
    dispatched,
    dispatchedAt: null,
    behind: after !== null,
    answer: (async () => {
      if (after !== null) await after.dispatched;
      return deviceRequest(session, 'POST', PUSH_PATH, batch.body, pushResponseSchema, {
        onDispatch: () => {
          sending.dispatchedAt = performance.now();
          leave();
        },
      });
    })(),
  };
  // A request that failed before it left must not hold back the one after it.
  void sending.answer.finally(leave).catch(() => undefined);
  // Awaited by the loop; if the run stops before (a storage error while storing the previous
  // answer), the abandoned request must not surface as an unhandled rejection.
  sending.answer.catch(() => undefined);
  return sending;
}

/**
 * The batch after those on the wire (still pending), read and encoded now; null when nothing else is
 * pending or the read fails (the loop then reads afresh, and fails there).
 */
async function prepareAfter(
  session: DeviceSession,
  onTheWire: readonly PushBatch[],
  limits: BatchLimits,
  after: string | undefined,
): Promise<PushBatch | null> {
  try {
    const sent = new Set(onTheWire.flatMap((b) => b.entries.map((e) => e.id)));
    const pending = await pendingEntries(session.db, MAX_BATCH_ENTRIES + sent.size);
    const candidates = pending.filter((e) => !sent.has(e.id));
    return candidates.length === 0 ? null : await nextBatch(candidates, limits, after);
  } catch {
    return null;
  }
}

/**
 * The pull cursor a push carries for the server to confirm (`after`, docs/api.md), or nothing. Only
 * a cursor we can read and the server accepts (≤ 100 characters) goes: the push must never fail
 * for it — a cursor the server refused would hold back every entry of the outbox — and without a
 * confirmation the phone simply pulls its own entries back.
 */
async function cursorToCarry(session: DeviceSession): Promise<string | undefined> {
  let stored: string | undefined;
  try {
    stored = await readPullCursor(session.db);
  } catch {
    return undefined; // a damaged meta row is the pull's to report
  }
  return stored !== undefined && stored.length <= MAX_CARRIED_CURSOR && parseCursor(stored) !== null ? stored : undefined;
}

/** The server's limit on `after` in a push body. */
const MAX_CARRIED_CURSOR = 100;

/**
 * A second push goes in flight only when the last one held the link for at most this share of the
 * request deadline: two sharing the link then each still end within half of it.
 */
const TWO_IN_FLIGHT_SHARE_OF_DEADLINE = 4;

/** Waits for a request's end, whatever it was: its answer is not going to be used. */
async function settle(sending: Sending | null): Promise<void> {
  if (sending !== null) await sending.answer.catch(() => undefined);
}

export async function pushOutbox(session: DeviceSession, options: PushOptions = {}): Promise<PushOutcome> {
  const tally: PushTally = {
    pushed: 0,
    acked: 0,
    rejected: 0,
    flagged: 0,
    lastServerSeq: null,
    ackedHead: null,
    ownAcks: [],
    serverCursor: null,
    afterHolds: null,
    serverTime: null,
  };
  let limits = options.limits ?? DEFAULT_BATCH_LIMITS;
  let total = (await outboxStats(session.db)).pending;
  let resend: Entry[] = [];
  if (options.resendFrom !== undefined) {
    resend = await ownEntriesBetween(session.db, session.deviceId, options.resendFrom, Number.MAX_SAFE_INTEGER);
    // The pending entries are the chain's tail (the server settles a device's entries in seq order).
    const firstPending = (await pendingEntries(session.db, 1))[0]?.seq ?? Number.MAX_SAFE_INTEGER;
    total += resend.filter((e) => e.seq < firstPending).length;
  }
  // Read once: nothing moves the cursor while this run pushes (the pull comes after, in the same run).
  const after = await cursorToCarry(session);
  let gapRecoveries = 0;
  let inStep = false;
  /** The oldest request on the wire: its answer is read next. */
  let current: Sending | null = null;
  /** A second request, sent before `current` was answered (two in flight), or null. */
  let following: Sending | null = null;
  /**
   * How long the last answered push held the link on its own, ms: from its dispatch, or from the
   * answer before it if that came later (a second in flight waits behind the first), to its answer.
   * Null until one was answered.
   */
  let lastServiceMs: number | null = null;
  let lastAnswerAt = 0;
  const deadlineMs = session.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const progress = (): void => options.onProgress?.(tally.pushed, Math.max(total, tally.pushed));
  progress();

  for (;;) {
    if (current === null) {
      const candidates = resend.length > 0 ? resend : await pendingEntries(session.db, MAX_BATCH_ENTRIES);
      if (candidates.length === 0) return { tally, stop: null };
      current = send(session, await nextBatch(candidates, limits, after));
    }
    const batch: PushBatch = current.batch;
    const sentBehind = current.behind;
    const linkAllowsTwo = (): boolean => lastServiceMs !== null && lastServiceMs * TWO_IN_FLIGHT_SHARE_OF_DEADLINE <= deadlineMs;
    // The next batch is read and encoded while this one travels (not for a resend after a gap); on
    // a fast enough link it leaves at once, as the second in flight. With two in flight, the batch
    // after both is encoded while they travel, so that an answer only has to sign and send it.
    let ahead: Promise<PushBatch | null> = Promise.resolve(null);
    if (resend.length === 0) {
      if (following === null) {
        const next = await prepareAfter(session, [batch], limits, after);
        if (next !== null && linkAllowsTwo()) following = send(session, next, current);
        else ahead = Promise.resolve(next);
      } else {
        ahead = prepareAfter(session, [batch, following.batch], limits, after);
      }
    }
    const outcome: HttpOutcome<PushResponse> = await current.answer;
    const prepared = await ahead;
    if (current.dispatchedAt !== null) {
      const answeredAt = performance.now();
      lastServiceMs = answeredAt - Math.max(current.dispatchedAt, lastAnswerAt);
      lastAnswerAt = answeredAt;
    }
    current = null;
    // Whatever went wrong with this batch, an answer about the one after it is not to be used.
    const dropFollowing = async (): Promise<void> => {
      await settle(following);
      following = null;
    };
    if (outcome.kind === 'unknown') {
      await dropFollowing();
      return { tally, stop: stopForUnknown(outcome.reason) };
    }
    if (outcome.kind === 'refused') {
      await dropFollowing();
      // A proxy with a smaller body limit than ours: try smaller batches before giving up.
      if (outcome.status === 413 && batch.entries.length > 1) {
        limits = { ...limits, maxEntries: Math.max(1, Math.floor(batch.entries.length / 2)) };
        continue;
      }
      if (outcome.status === 409 && outcome.code === DEVICE_CHAIN_BEHIND) {
        return { tally, stop: await stopForChainBehind(session.db, outcome.details, (options.now ?? (() => new Date()))()) };
      }
      return { tally, stop: stopForRefusal(outcome.status, outcome.code, outcome.message) };
    }
    const results: readonly PushResult[] = outcome.body.results;
    if (!echoesBatch(results, batch.entries)) {
      await dropFollowing();
      return { tally, stop: stopForUnknown('bad-shape') };
    }
    tally.serverTime = outcome.body.serverTime;
    tally.serverCursor = outcome.body.cursor ?? null;
    if (outcome.body.afterHolds !== undefined) tally.afterHolds = (tally.afterHolds ?? true) && outcome.body.afterHolds;

    const gap: PushResult | undefined = results.find((r) => r.status === 'gap');
    const settledAll: boolean = gap === undefined && results.length === batch.entries.length;
    if (!settledAll) await dropFollowing();
    // Every entry settled: the batch already in flight (or the prepared one, sent now) is next, the
    // prepared one follows it on a fast link, and this answer is stored while they travel.
    if (settledAll && following !== null) {
      current = following;
      following = prepared !== null && linkAllowsTwo() ? send(session, prepared, current) : null;
    } else {
      current = settledAll && prepared !== null ? send(session, prepared) : null;
      following = null;
    }

    await markAcked(session.db, results.map(toStored));
    if (!inStep) {
      inStep = true;
      await noteChainInStep(session.db);
    }
    const seqOf = new Map<string, Entry>(batch.entries.map((e) => [e.id, e]));
    for (const result of results) count(tally, result, seqOf.get(result.id));
    progress();

    const answered = new Set<string>(results.filter((r) => r.status !== 'gap').map((r) => r.id));
    resend = resend.filter((e) => !answered.has(e.id));

    if (gap !== undefined) {
      const gapEntry = seqOf.get(gap.id);
      // Two in flight that the server took in reverse order: the second met a gap that the first
      // has since filled (its answer, read before this one, acknowledged the entry just before).
      // Nothing is missing; the entries from the gap on simply go again, alone — not a gap
      // recovery (a lone batch is never overtaken, so this cannot repeat without progress).
      if (sentBehind && gapEntry !== undefined && tally.ackedHead?.seq === gapEntry.seq - 1) continue;
      gapRecoveries++;
      // Without the server's expected seq, resend from the start: duplicates are cheap and safe.
      const expected = gap.status === 'gap' ? (gap.expectedSeq ?? 1) : 1;
      if (gapRecoveries > MAX_GAP_RECOVERIES || gapEntry === undefined || expected >= gapEntry.seq) {
        return { tally, stop: { kind: 'failed', error: 'gap-unresolved', detail: gap.id } };
      }
      const missing = await ownEntriesBetween(session.db, gapEntry.deviceId, expected, gapEntry.seq);
      if (missing.length !== gapEntry.seq - expected) {
        return { tally, stop: { kind: 'failed', error: 'gap-unresolved', detail: `expected-seq-${String(expected)}` } };
      }
      resend = missing;
      total += missing.length;
      continue;
    }
    // An answer that settles nothing would make us loop forever on the same entries.
    if (answered.size === 0) return { tally, stop: stopForUnknown('bad-shape') };
  }
}

/**
 * Only an answer about exactly what we sent may acknowledge anything: each result names an entry
 * of this batch, at most once, in batch order (the server processes the batch in seq order and
 * stops at a gap, so results are a prefix).
 */
function echoesBatch(results: readonly PushResult[], entries: readonly Entry[]): boolean {
  if (results.length > entries.length) return false;
  return results.every((r, i) => r.id === entries[i]?.id);
}

function toStored(result: PushResult): StoredPushResult {
  switch (result.status) {
    case 'accepted':
    case 'duplicate':
      return { id: result.id, status: result.status, serverSeq: result.serverSeq };
    case 'accepted_flagged':
      return { id: result.id, status: 'accepted_flagged', serverSeq: result.serverSeq, reason: result.reason };
    case 'rejected':
      return { id: result.id, status: 'rejected', reason: result.reason };
    case 'gap':
      return { id: result.id, status: 'gap' };
  }
}

function count(tally: PushTally, result: PushResult, entry: Entry | undefined): void {
  switch (result.status) {
    case 'accepted':
    case 'duplicate':
    case 'accepted_flagged':
      // A flagged entry is stored and acknowledged all the same; the flag is for review.
      if (result.status === 'accepted_flagged') tally.flagged++;
      tally.pushed++;
      tally.acked++;
      tally.lastServerSeq = Math.max(tally.lastServerSeq ?? 0, result.serverSeq);
      if (entry === undefined) return;
      tally.ownAcks.push({ serverSeq: result.serverSeq, hash: entry.hash });
      if (tally.ackedHead === null || entry.seq > tally.ackedHead.seq) tally.ackedHead = { seq: entry.seq, hash: entry.hash };
      return;
    case 'rejected':
      tally.pushed++;
      tally.rejected++;
      return;
    case 'gap':
      return;
  }
}
