/**
 * Recording one entry on the phone (DESIGN Principle 2, "Saved means saved").
 *
 * 1. Outside any transaction: build, hash and sign the entry against the identity, key and chain
 *    head this phone last knew (kept in memory from the previous save, or read now; `warmAppend`
 *    reads them while a form is open). WebCrypto is asynchronous and IndexedDB commits a
 *    transaction as soon as it sees no pending request across a task boundary, so signing inside
 *    would commit half of the work early.
 * 2. One read-write transaction (strict durability, see database.ts) over entries + meta +
 *    projections + receipts. Its reads go out in one round: the identity and chain head (they must
 *    still be the ones we signed against — another tab, a pull that re-issued, a restore may have
 *    moved them, and then the entry is signed again on the new head, so the chain never forks),
 *    the id (a double tap), the receipt counter and the projection mark. Then it stores the entry
 *    verbatim as `pending`, advances seq and head, folds it into the ledger and writes exactly the
 *    projection rows it touched. Any failure aborts all of it.
 * 3. Only after the commit resolves is the entry reported as saved.
 *
 * Several tabs (and the service worker) may append at once. The head re-check inside the
 * transaction is what keeps seq and chain correct: the loser re-signs on the new head. Where the
 * Web Locks API exists the whole sequence can also run under one lock, so no signature is wasted;
 * the forms do without it (`locks: null`): asking for it is a round trip to the browser process on
 * every tap, and two tabs saving in the same instant are rare.
 */
import { buildUnsignedEntry, signEntry } from '../domain/entry/create.ts';
import { entrySchema, type Entry, type EntryData, type EntryType, type JournalLine } from '../domain/entry/schema.ts';
import type { EntryId } from '../domain/ids.ts';
import type { Flag } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';
import { loadDeviceKeys, type DeviceKeys } from './device-keys.ts';
import { entryRow, refsOf } from './entry-row.ts';
import { holdLiveQueryNotice, type LiveQueryNotice } from './live-query-notice.ts';
import { LedgerSlices } from './ledger-slices.ts';
import { readChainHead, readMeta, readProjectionMark, writeMeta, type ChainHead, type Identity } from './meta.ts';
import { bumpMark, commitLedger, dropLedgerCache, foldAndWrite, slicesKept, takeLedgerForFold, warmSlices } from './projections.ts';
import { formatReceiptNumber } from './receipts.ts';
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
  /**
   * When the screens' live queries hear of the commit. By default at once; a form passes a
   * function that runs `tell` after the frame showing "Tersimpan" (the refreshed lists and
   * balances follow in the next frames instead of delaying that one).
   */
  tellLiveQueries?: (tell: () => void) => void;
};

export type SavedEntry = { entry: Entry; flags: Flag[]; receiptNo?: string; alreadySaved: boolean };

const DEFAULT_ATTEMPTS = 5;
const LOCK_NAME = 'lumbung-append';

/**
 * Who signs and on which head, as this phone last knew them. Only a hint: the transaction
 * re-reads identity and head and refuses an entry signed on anything else ('chain-moved').
 */
type Signer = { identity: Identity; keys: DeviceKeys; head: ChainHead };
const signers = new WeakMap<LumbungDb, Signer>();

/**
 * Gets a save ready while a form is open, so the tap itself starts with building and signing and
 * folds in one round: reads identity, key and chain head; then, until a save has kept the rows it
 * folded on (the first save after unlock), given `samples` shaped like what the form will save,
 * signs and parses them (never stored: the first save's WebCrypto and schema code paths are then
 * warm), reads the projection rows folding them would touch (projections.ts `warmSlices`) and
 * rehearses the write of one of them in a transaction that is always aborted (`rehearseWrite`).
 * Harmless if anything moves before the save.
 */
export async function warmAppend(db: LumbungDb, samples: readonly EntryDraft[] = []): Promise<void> {
  let signer = signers.get(db);
  if (signer === undefined) {
    signer = await readSigner(db);
    if (signer === undefined) return;
    if (!signers.has(db)) signers.set(db, signer);
  }
  // A reversal's fold needs its target read first; a form that makes them warms the signer only.
  const foldable = samples.filter((draft) => draft.type !== 'entry.reversed');
  if (foldable.length === 0 || slicesKept(db)) return;
  const signed: Entry[] = [];
  for (const draft of foldable) {
    const entry = await signDraft(signer, draft, new Date());
    if (entry.ok) signed.push(entry.value);
  }
  await warmSlices(db, signed);
  const [first] = signed;
  if (first !== undefined) await rehearseWrite(db, first);
}

/** Thrown to end the rehearsal: the transaction aborts, nothing of it is stored or announced. */
class Rehearsal extends Error {}

/**
 * The first save after unlock was still ~30–40 ms slower than the next ones (CPU ×4) after the dry
 * signature and fold: everything from its reads to the commit ran for the first time (Dexie's
 * read-write transaction and its write middleware on entries, meta and receipts, the projection
 * rows' writing, the receipt counter), cold. Here that path runs once on a sample, exactly as
 * `commit` does, in a read-write transaction that then throws: IndexedDB aborts it, so nothing is
 * stored, the live queries hear of nothing (Dexie announces commits only, and the notice is taken
 * off it anyway) and no durability flush happens. It folds on slices of its own, never the cached
 * ledger or the slices the save will start from, so no state of this module or projections.ts
 * changes. It holds the write lock for one short transaction while the form is open and idle;
 * a tap meanwhile waits for it, as for any other writer.
 */
async function rehearseWrite(db: LumbungDb, entry: Entry): Promise<void> {
  const year = Number(entry.date.slice(0, 4));
  try {
    await db.transaction('rw', [db.entries, db.meta, db.projections, db.receipts], async () => {
      const [, , , counter, mark] = await Promise.all([
        db.entries.get(entry.id),
        readMeta(db, 'identity'),
        readChainHead(db),
        db.receipts.get(year),
        readProjectionMark(db),
      ]);
      const row = entryRow(entry, { order: mark.order + 1, sync: 'pending', refs: refsOf(entry, undefined) });
      const receiptNo = (counter?.last ?? 0) + 1;
      row.receiptNo = formatReceiptNumber(year, entry.deviceId, receiptNo);
      const slices = new LedgerSlices(db);
      await Promise.all([
        db.entries.add(row),
        writeMeta(db, 'chainHead', { seq: entry.seq, hash: entry.hash }),
        foldAndWrite(db, { kind: 'slices', slices, reader: undefined }, [entry]),
        bumpMark(db, mark, 1),
        db.receipts.put({ year, last: receiptNo }),
      ]);
      holdLiveQueryNotice();
      throw new Rehearsal();
    });
  } catch {
    // Always ends here (the Rehearsal, or any storage error): a warm-up never fails a form.
  }
}

async function readSigner(db: LumbungDb): Promise<Signer | undefined> {
  // Transaction scopes are always `async` functions: Dexie keeps the transaction bound across
  // native awaits only then (dexie#978), otherwise later calls silently run outside it.
  // The three reads in parallel: one IndexedDB round trip instead of three.
  const [identity, keys, head] = await db.transaction('r', db.meta, db.keys, async () =>
    Promise.all([readMeta(db, 'identity'), loadDeviceKeys(db), readChainHead(db)]),
  );
  return identity === undefined || keys === undefined ? undefined : { identity, keys, head };
}

export async function appendEntry(db: LumbungDb, draft: EntryDraft, deps: AppendDeps = {}): Promise<StorageResult<SavedEntry>> {
  const locks = deps.locks === undefined ? defaultLocks() : deps.locks;
  const attempt = () => appendWithRetries(db, draft, deps);
  try {
    if (locks === null) return await attempt();
    return await locks.request(`${LOCK_NAME}:${db.name}`, attempt);
  } catch (error) {
    forget(db);
    return classifyStorageError(error);
  }
}

function defaultLocks(): LockManager | null {
  const nav: { locks?: LockManager } | undefined = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks ?? null;
}

/** After a failure nothing remembered is trusted: the ledger copy and the signer are read again. */
function forget(db: LumbungDb): void {
  dropLedgerCache(db);
  signers.delete(db);
}

type Prepared = { entry: Entry; reversed: Entry | undefined; signer: Signer };

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
  const signer = signers.get(db) ?? (await readSigner(db));
  if (signer === undefined) return failure('not-initialised');
  let reversed: Entry | undefined;
  let original: readonly JournalLine[] | undefined;
  if (draft.type === 'entry.reversed') {
    reversed = (await db.entries.get(draft.data.entryId))?.entry;
    if (reversed === undefined) return failure('reversal-target-unknown');
    if (reversed.type === 'entry.reversed') return failure('reversal-of-reversal');
    if (await isReversed(db, reversed.id)) return failure('already-reversed');
    original = reversed.lines;
  }
  const signed = await signDraft(signer, draft, (deps.now ?? (() => new Date()))(), original);
  return signed.ok ? { ok: true, value: { entry: signed.value, reversed, signer } } : signed;
}

/** Builds, hashes and signs a draft as the next entry of the signer's chain. */
async function signDraft(signer: Signer, draft: EntryDraft, now: Date, original?: readonly JournalLine[]): Promise<StorageResult<Entry>> {
  const { identity, keys, head } = signer;
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
  return { ok: true, value: signed };
}

async function commit(db: LumbungDb, prepared: Prepared, deps: AppendDeps): Promise<StorageResult<SavedEntry>> {
  const { entry, reversed, signer } = prepared;
  const receiptYear = Number(entry.date.slice(0, 4));
  try {
    // Named points for the browser kill tests (tests/e2e/kill-points.test.ts): the harness sets a
    // DevTools breakpoint on these calls and kills Chromium while the page is paused there. A page
    // script cannot change anything through them; without DevTools they only log at debug level.
    console.debug('lumbung:before-commit');
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections, db.receipts], async () => {
      // Every read of the save in one round; any failure aborts all of it.
      const [existing, identity, head, counter, reversedAlready, { state, mark }] = await Promise.all([
        db.entries.get(entry.id),
        readMeta(db, 'identity'),
        readChainHead(db),
        deps.receipt === true ? db.receipts.get(receiptYear) : Promise.resolve(undefined),
        // Checked again here: another tab may have reversed the same entry while we were signing.
        entry.type === 'entry.reversed' ? isReversed(db, entry.data.entryId) : Promise.resolve(false),
        takeLedgerForFold(db),
      ]);
      // Nothing folded: the ledger taken goes back as it was (an abort below drops it instead).
      if (existing !== undefined) return { kind: 'existing' as const, row: existing, state, mark };
      // Signed on the head and identity this phone knew before the transaction: both must still
      // be the stored ones, or the entry would fork the chain (or carry another device's ids).
      if (head.seq !== entry.seq - 1 || head.hash !== entry.prevHash) throw new StorageAbort('chain-moved');
      if (identity?.cooperativeId !== entry.cooperativeId || identity.deviceId !== entry.deviceId) throw new StorageAbort('chain-moved');
      if (reversedAlready) throw new StorageAbort('already-reversed');
      const row = entryRow(entry, { order: mark.order + 1, sync: 'pending', refs: refsOf(entry, reversed) });
      const receiptNo = deps.receipt === true ? (counter?.last ?? 0) + 1 : undefined;
      if (receiptNo !== undefined) row.receiptNo = formatReceiptNumber(receiptYear, entry.deviceId, receiptNo);
      const [, , [folded], nextMark] = await Promise.all([
        db.entries.add(row),
        writeMeta(db, 'chainHead', { seq: entry.seq, hash: entry.hash }),
        foldAndWrite(db, state, [entry]),
        bumpMark(db, mark, 1),
        // A counter per business year, advanced with the entry: a number is never skipped or reused.
        receiptNo === undefined ? undefined : db.receipts.put({ year: receiptYear, last: receiptNo }),
      ]);
      const notice = deps.tellLiveQueries === undefined ? undefined : holdLiveQueryNotice();
      return { kind: 'saved' as const, row, flags: folded?.flags ?? [], state, nextMark, notice };
    });
    console.debug('lumbung:after-commit'); // committed (strict durability), the UI not told yet
    if (outcome.kind === 'existing') {
      const { row } = outcome;
      commitLedger(db, outcome.state, outcome.mark);
      return { ok: true, value: { entry: row.entry, flags: [], alreadySaved: true, ...receiptOf(row.receiptNo) } };
    }
    commitLedger(db, outcome.state, outcome.nextMark);
    signers.set(db, { ...signer, head: { seq: entry.seq, hash: entry.hash } });
    tell(outcome.notice, deps);
    return {
      ok: true,
      value: { entry, flags: outcome.flags, alreadySaved: false, ...receiptOf(outcome.row.receiptNo) },
    };
  } catch (error) {
    forget(db);
    return classifyStorageError(error);
  }
}

function tell(notice: LiveQueryNotice | undefined, deps: AppendDeps): void {
  if (notice === undefined || deps.tellLiveQueries === undefined) return;
  deps.tellLiveQueries(() => notice.tell());
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
