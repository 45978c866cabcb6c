/**
 * Recording one entry on the phone (DESIGN Principle 2, "Saved means saved").
 *
 * 1. Outside any transaction: read identity, key and chain head; build, hash and sign the entry.
 *    WebCrypto is asynchronous and IndexedDB commits a transaction as soon as it sees no pending
 *    request across a task boundary, so signing inside would commit half of the work early.
 * 2. One read-write transaction (strict durability, see database.ts) over entries + meta +
 *    projections + receipts: re-check that the chain head is still the one we signed against,
 *    store the entry verbatim as `pending`, advance seq and head, fold it into the ledger and write
 *    exactly the projection rows it touched. Any failure aborts all of it.
 * 3. Only after the commit resolves is the entry reported as saved.
 *
 * Several tabs (and the service worker) may append at once. Where the Web Locks API exists the whole
 * sequence runs under one lock, so signatures are not wasted; without it, the head re-check inside
 * the transaction is what keeps seq and chain correct, and the loser re-signs on the new head.
 */
import { buildUnsignedEntry, signEntry } from '../domain/entry/create.ts';
import { entrySchema, type Entry, type EntryData, type EntryType, type JournalLine } from '../domain/entry/schema.ts';
import type { EntryId } from '../domain/ids.ts';
import type { Flag } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';
import { loadDeviceKeys } from './device-keys.ts';
import { entryRow, refsOf } from './entry-row.ts';
import { readChainHead, readMeta, writeMeta } from './meta.ts';
import { bumpMark, commitLedger, dropLedgerCache, foldAndWrite, takeLedgerForFold } from './projections.ts';
import { takeReceiptNumber } from './receipts.ts';
import { classifyStorageError, failure, StorageAbort, type StorageResult } from './storage-errors.ts';

/** What a screen hands over: the business facts. Ids of the envelope, seq and chain are ours. */
export type EntryDraft = {
  [T in EntryType]: {
    type: T;
    data: EntryData<T>;
    date: string;
    actor: string;
    /** Reuse the id of an earlier attempt to make a double tap idempotent. */
    id?: EntryId;
  };
}[EntryType];

export type AppendDeps = {
  now?: () => Date;
  /** Give the entry a receipt number (a deposit, a repayment: something a member takes home). */
  receipt?: boolean;
  /** Web Locks; defaults to `navigator.locks` where the runtime has it. `null` disables it. */
  locks?: LockManager | null;
  maxAttempts?: number;
};

export type SavedEntry = { entry: Entry; flags: Flag[]; receiptNo?: string; alreadySaved: boolean };

const DEFAULT_ATTEMPTS = 5;
const LOCK_NAME = 'lumbung-append';

export async function appendEntry(db: LumbungDb, draft: EntryDraft, deps: AppendDeps = {}): Promise<StorageResult<SavedEntry>> {
  const locks = deps.locks === undefined ? defaultLocks() : deps.locks;
  const attempt = () => appendWithRetries(db, draft, deps);
  try {
    if (locks === null) return await attempt();
    return await locks.request(`${LOCK_NAME}:${db.name}`, attempt);
  } catch (error) {
    dropLedgerCache(db);
    return classifyStorageError(error);
  }
}

function defaultLocks(): LockManager | null {
  const nav: { locks?: LockManager } | undefined = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks ?? null;
}

type Prepared = { entry: Entry; reversed: Entry | undefined };

async function appendWithRetries(db: LumbungDb, draft: EntryDraft, deps: AppendDeps): Promise<StorageResult<SavedEntry>> {
  const maxAttempts = deps.maxAttempts ?? DEFAULT_ATTEMPTS;
  let last: StorageResult<SavedEntry> = failure('chain-moved');
  for (let i = 0; i < maxAttempts; i++) {
    const prepared = await prepare(db, draft, deps);
    if (!prepared.ok) return prepared;
    last = await commit(db, prepared.value, deps);
    if (last.ok || last.error !== 'chain-moved') return last;
  }
  return last;
}

async function prepare(db: LumbungDb, draft: EntryDraft, deps: AppendDeps): Promise<StorageResult<Prepared>> {
  // Transaction scopes are always `async` functions: Dexie keeps the transaction bound across
  // native awaits only then (dexie#978), otherwise later calls silently run outside it.
  // The three reads in parallel: one IndexedDB round trip instead of three (each one is a hop to
  // the browser process, several milliseconds on a loaded phone).
  const [identity, keys, head] = await db.transaction('r', db.meta, db.keys, async () =>
    Promise.all([readMeta(db, 'identity'), loadDeviceKeys(db), readChainHead(db)]),
  );
  if (identity === undefined || keys === undefined) return failure('not-initialised');
  let reversed: Entry | undefined;
  let original: readonly JournalLine[] | undefined;
  if (draft.type === 'entry.reversed') {
    reversed = (await db.entries.get(draft.data.entryId))?.entry;
    if (reversed === undefined) return failure('reversal-target-unknown');
    if (reversed.type === 'entry.reversed') return failure('reversal-of-reversal');
    if (await isReversed(db, reversed.id)) return failure('already-reversed');
    original = reversed.lines;
  }
  const now = (deps.now ?? (() => new Date()))();
  let unsigned;
  try {
    unsigned = buildUnsignedEntry({
      ...draft,
      cooperativeId: identity.cooperativeId,
      deviceId: identity.deviceId,
      seq: head.seq + 1,
      prevHash: head.hash,
      recordedAt: now.toISOString(),
      ...(original === undefined ? {} : { original }),
    });
  } catch (error) {
    return failure('entry-invalid', error instanceof Error ? error.message : String(error));
  }
  const signed = await signEntry(unsigned, keys.privateKey);
  // The signed entry must be exactly what every receiver will accept; parse it as they will.
  const parsed = entrySchema.safeParse(signed);
  if (!parsed.success) return failure('entry-invalid', parsed.error.issues);
  return { ok: true, value: { entry: signed, reversed } };
}

async function commit(db: LumbungDb, prepared: Prepared, deps: AppendDeps): Promise<StorageResult<SavedEntry>> {
  const { entry, reversed } = prepared;
  try {
    // Named points for the browser kill tests (tests/e2e/kill-points.test.ts): the harness sets a
    // DevTools breakpoint on these calls and kills Chromium while the page is paused there. A page
    // script cannot change anything through them; without DevTools they only log at debug level.
    console.debug('lumbung:before-commit');
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections, db.receipts], async () => {
      // Independent requests go out together (one round trip each group); any failure aborts all of it.
      const [existing, head, reversedAlready, { state, mark }] = await Promise.all([
        db.entries.get(entry.id),
        readChainHead(db),
        // Checked again here: another tab may have reversed the same entry while we were signing.
        entry.type === 'entry.reversed' ? isReversed(db, entry.data.entryId) : Promise.resolve(false),
        takeLedgerForFold(db),
      ]);
      // Nothing folded: the ledger taken goes back as it was (an abort below drops it instead).
      if (existing !== undefined) return { kind: 'existing' as const, row: existing, state, mark };
      if (head.seq !== entry.seq - 1 || head.hash !== entry.prevHash) throw new StorageAbort('chain-moved');
      if (reversedAlready) throw new StorageAbort('already-reversed');
      const row = entryRow(entry, { order: mark.order + 1, sync: 'pending', refs: refsOf(entry, reversed) });
      if (deps.receipt === true) row.receiptNo = await takeReceiptNumber(db, Number(entry.date.slice(0, 4)), entry.deviceId);
      const [, , [folded], nextMark] = await Promise.all([
        db.entries.add(row),
        writeMeta(db, 'chainHead', { seq: entry.seq, hash: entry.hash }),
        foldAndWrite(db, state, [entry]),
        bumpMark(db, mark, 1),
      ]);
      return { kind: 'saved' as const, row, flags: folded?.flags ?? [], state, nextMark };
    });
    console.debug('lumbung:after-commit'); // committed (strict durability), the UI not told yet
    if (outcome.kind === 'existing') {
      const { row } = outcome;
      commitLedger(db, outcome.state, outcome.mark);
      return { ok: true, value: { entry: row.entry, flags: [], alreadySaved: true, ...receiptOf(row.receiptNo) } };
    }
    commitLedger(db, outcome.state, outcome.nextMark);
    return {
      ok: true,
      value: { entry, flags: outcome.flags, alreadySaved: false, ...receiptOf(outcome.row.receiptNo) },
    };
  } catch (error) {
    dropLedgerCache(db);
    return classifyStorageError(error);
  }
}

/** Whether a reversal of `entryId` is stored: reversals carry their target's id in `refs`. */
async function isReversed(db: LumbungDb, entryId: string): Promise<boolean> {
  const reversal = await db.entries
    .where('refs')
    .equals(entryId)
    .filter((r) => r.type === 'entry.reversed' && r.sync !== 'rejected')
    .first();
  return reversal !== undefined;
}

const receiptOf = (receiptNo: string | undefined): { receiptNo?: string } =>
  receiptNo === undefined ? {} : { receiptNo };
