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
 * gzip), and when an answer settles its whole batch the next batch is signed and sent at once,
 * before that answer is stored — so the phone's own work (reading, encoding, storing answers)
 * overlaps the upload instead of adding to it. Still one request at a time, in seq order, each with
 * the next request counter: the server sees exactly what it saw unpipelined. A prepared batch is
 * used only after an answer that settled every entry of the batch before it (no gap, no refusal,
 * no unknown); otherwise it is dropped and the next batch is chosen afresh.
 */
import { markAcked, outboxStats, pendingEntries, type PushResult as StoredPushResult } from '../db/outbox.ts';
import type { Entry } from '../domain/entry/schema.ts';
import { noteChainInStep, stopForChainBehind } from './chain-guard.ts';
import { DEVICE_CHAIN_BEHIND } from './device-head.ts';
import { deviceRequest, type DeviceSession } from './device-request.ts';
import { ownEntriesBetween } from './own-entries.ts';
import type { HttpOutcome } from './http-outcome.ts';
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
  /** Every serverSeq the server answered for our entries in this run (lets the pull skip them). */
  ownServerSeqs: number[];
  /** The server's newest serverSeq as a pull cursor, from the last push answer (newer servers only). */
  serverCursor: string | null;
  serverTime: string | null;
};

export type PushOutcome = { readonly tally: PushTally; readonly stop: RunStop | null };

export type PushOptions = {
  readonly limits?: BatchLimits | undefined;
  readonly onProgress?: ((pushed: number, total: number) => void) | undefined;
  /** Device clock, for the time a chain-behind finding is noted. */
  readonly now?: (() => Date) | undefined;
};

type Sending = { readonly batch: PushBatch; readonly answer: Promise<HttpOutcome<PushResponse>> };

function send(session: DeviceSession, batch: PushBatch): Sending {
  const answer = deviceRequest(session, 'POST', PUSH_PATH, batch.body, pushResponseSchema);
  // Awaited by the loop; if the run stops before (a storage error while storing the previous
  // answer), the abandoned request must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  return { batch, answer };
}

/**
 * The batch after `current` (which is on the wire and still pending), read and encoded now; null
 * when nothing else is pending or the read fails (the loop then reads afresh, and fails there).
 */
async function prepareAfter(session: DeviceSession, current: PushBatch, limits: BatchLimits): Promise<PushBatch | null> {
  try {
    const sent = new Set(current.entries.map((e) => e.id));
    const pending = await pendingEntries(session.db, MAX_BATCH_ENTRIES + current.entries.length);
    const candidates = pending.filter((e) => !sent.has(e.id));
    return candidates.length === 0 ? null : await nextBatch(candidates, limits);
  } catch {
    return null;
  }
}

export async function pushOutbox(session: DeviceSession, options: PushOptions = {}): Promise<PushOutcome> {
  const tally: PushTally = {
    pushed: 0,
    acked: 0,
    rejected: 0,
    flagged: 0,
    lastServerSeq: null,
    ackedHead: null,
    ownServerSeqs: [],
    serverCursor: null,
    serverTime: null,
  };
  let limits = options.limits ?? DEFAULT_BATCH_LIMITS;
  let total = (await outboxStats(session.db)).pending;
  let resend: Entry[] = [];
  let gapRecoveries = 0;
  let inStep = false;
  /** A request already sent (pipelined) whose answer the next round reads. */
  let sending: Sending | null = null;
  const progress = (): void => options.onProgress?.(tally.pushed, Math.max(total, tally.pushed));
  progress();

  for (;;) {
    if (sending === null) {
      const candidates = resend.length > 0 ? resend : await pendingEntries(session.db, MAX_BATCH_ENTRIES);
      if (candidates.length === 0) return { tally, stop: null };
      sending = send(session, await nextBatch(candidates, limits));
    }
    const { batch } = sending;
    // The next batch is read and encoded while this one travels (not for a resend after a gap).
    const ahead = resend.length === 0 ? prepareAfter(session, batch, limits) : Promise.resolve(null);
    const outcome = await sending.answer;
    const prepared = await ahead;
    sending = null;
    if (outcome.kind === 'unknown') return { tally, stop: stopForUnknown(outcome.reason) };
    if (outcome.kind === 'refused') {
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
    const results = outcome.body.results;
    if (!echoesBatch(results, batch.entries)) return { tally, stop: stopForUnknown('bad-shape') };
    tally.serverTime = outcome.body.serverTime;
    tally.serverCursor = outcome.body.cursor ?? null;

    const gap = results.find((r) => r.status === 'gap');
    // Every entry settled: the prepared batch goes now, and this answer is stored while it travels.
    if (prepared !== null && gap === undefined && results.length === batch.entries.length) sending = send(session, prepared);

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
      gapRecoveries++;
      const gapEntry = seqOf.get(gap.id);
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
      tally.ownServerSeqs.push(result.serverSeq);
      if (entry !== undefined && (tally.ackedHead === null || entry.seq > tally.ackedHead.seq)) {
        tally.ackedHead = { seq: entry.seq, hash: entry.hash };
      }
      return;
    case 'rejected':
      tally.pushed++;
      tally.rejected++;
      return;
    case 'gap':
      return;
  }
}
