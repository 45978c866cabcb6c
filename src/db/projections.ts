/**
 * The ledger projections on the phone: H3's row-shaped `LedgerState` persisted in the `projections`
 * table (one row per state-table key, see projection-row.ts).
 *
 * Folding (a save, a pull, an acknowledgement, a restore) never needs the whole ledger in memory:
 * it runs on slices of it read on demand inside its own transaction (ledger-slices.ts), so a save
 * with five years of history stored reads the dozen rows it touches, not every row. Screens that
 * need whole tables (reports) read the ledger with `currentLedger`, which keeps an in-memory copy
 * per database handle; while that copy is current, folds use it directly and keep it current.
 *
 * Consistency between the copy and the tables rests on the `projection` meta mark ({order,
 * generation}), written in the same transaction as every projection change. A transaction that
 * folds first compares the mark with its cached copy; another tab or the service worker having
 * written since means the copy is stale: it is caught up or dropped. `applyEntry` mutates the state
 * in place, so the copy is taken out of the cache before folding and only reinstated after the
 * commit: an aborted transaction leaves no half-folded state behind.
 */
import {
  applyEntry,
  emptyLedger,
  recordServerSeq,
  TABLE_NAMES,
  type Flag,
  type LedgerState,
  type ApplyContext,
  type TableName,
  type Touched,
} from '../domain/ledger/index.ts';
import type { Entry } from '../domain/entry/schema.ts';
import type { LumbungDb } from './database.ts';
import type { EntryRow } from './entry-row.ts';
import { assertInReadWriteTransaction } from './in-transaction.ts';
import { LedgerSlices } from './ledger-slices.ts';
import {
  assemble,
  BASE_READS,
  mergeParts,
  missingReads,
  partsOf,
  patchTables,
  readLastPostedDate,
  readTables,
  type Coverage,
  type LedgerRead,
  type TablePart,
} from './ledger-tables.ts';
import { readProjectionMark, writeMeta, type ProjectionMark } from './meta.ts';
import { searchWords, sortKeyOfName, type ProjectionRow } from './projection-row.ts';
import { writeRows } from './raw-writes.ts';
import { chunkRowsOf, chunkWritesOf } from './shu-chunk-rows.ts';

const REBUILD_PAGE = 500;
/** Beyond this many entries behind, reloading the rows is cheaper than folding the entries again. */
const CATCH_UP_LIMIT = 2_000;

/**
 * The shape of the ledger rows (src/domain/ledger/rows.ts) the stored projections were written in.
 * Bump it whenever a change to the fold changes what a row holds: a phone whose stored mark has
 * another format rebuilds its projections from the entries on first use instead of loading rows
 * the new code would misread. Projections are derived data, so this needs no Dexie version.
 *
 * 2: member rows gained `savingsEntries`, entry index rows share the entry's data, and profiles
 *    resolve edits in server order (index rows and edits carry the serverSeq the phone learned).
 * 3: no year period rows; a member's day savings live in the month row (`days`), no member day rows.
 * 4: a setting's changes carry their serverSeq and are kept in server order.
 * 5: the SHU read model's column chunks (shu-chunk-rows.ts) are kept beside the ledger's rows.
 * 6: those chunks as one row per chunk (`shuChunks`), not a row per chunk and year plus label rows.
 */
export const PROJECTION_FORMAT = 6;
// A store that has folded nothing yet (no mark written) holds no rows in any format, so it is
// current: reading it must not need a rebuild, as reads run inside live queries, where Dexie
// refuses the read-write transaction a rebuild opens (a fresh phone's Laporan failed to open).
const formatOf = (mark: ProjectionMark): number =>
  mark.format ?? (mark.order === 0 && mark.generation === 0 ? PROJECTION_FORMAT : 1);
export const isCurrentFormat = (mark: ProjectionMark): boolean => formatOf(mark) === PROJECTION_FORMAT;

/** The in-memory copy: what was read so far of each table (ledger-tables.ts), every table whole after a rebuild. */
type CachedLedger = { mark: ProjectionMark; state: LedgerState; held: Coverage };
const cache = new WeakMap<LumbungDb, CachedLedger>();
const ALL_TABLES: Coverage = new Map(TABLE_NAMES.map((t) => [t, 'whole']));
const isWhole = (cached: CachedLedger): boolean => TABLE_NAMES.every((t) => cached.held.get(t) === 'whole');

/**
 * The rows the last fold on slices read and wrote, at the mark it committed: the next save starts
 * from them (the same accounts, today's periods, the closed years) and usually reads nothing. Any
 * other writer moves the mark, and then they are not used. Kept while small.
 */
const lastSlices = new WeakMap<LumbungDb, { mark: ProjectionMark; slices: LedgerSlices }>();
const KEEP_SLICE_ROWS = 5_000;

const sameMark = (a: ProjectionMark, b: ProjectionMark) =>
  a.order === b.order && a.generation === b.generation && formatOf(a) === formatOf(b);

/** Lifts the searchable columns of a row beside it (see projection-row.ts). */
function projectionRow(t: TableName, k: string, v: unknown): ProjectionRow {
  const row: ProjectionRow = { t, k, v };
  if (t === 'members' && isRecord(v) && isRecord(v.profile)) {
    const { name, number } = v.profile;
    if (typeof name === 'string') {
      row.words = searchWords(name);
      row.sortName = sortKeyOfName(name);
    }
    if (typeof number === 'string') row.number = number;
  }
  if (t === 'loans' && isRecord(v) && typeof v.memberId === 'string') row.ref = v.memberId;
  return row;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The server position a stored entry is known to have: replaying it keeps profiles in server order. */
const contextOfRow = (row: EntryRow): ApplyContext => (row.serverSeq === undefined ? {} : { serverSeq: row.serverSeq });

/**
 * The ledger as the tables hold it now, for reports and screens: the tables and key ranges named
 * (and the small reads every reader gets, ledger-tables.ts `BASE_READS`); other tables throw on
 * use, a table read in part throws outside its ranges. Without `reads`, every table whole. Do not
 * mutate the result: it is the shared copy that later folds update.
 */
export async function currentLedger(db: LumbungDb, reads: readonly LedgerRead[] = TABLE_NAMES): Promise<LedgerState> {
  const wanted = [...BASE_READS, ...reads];
  const loaded = await db.transaction('r', db.entries, db.meta, db.projections, async () => {
    const mark = await readProjectionMark(db);
    if (!isCurrentFormat(mark)) return undefined;
    let cached = cache.get(db);
    if (cached !== undefined && !sameMark(cached.mark, mark)) {
      // Out of the cache while it is being caught up: a failure must not leave a half-folded copy there.
      cache.delete(db);
      const caughtUp = isWhole(cached) ? await catchUp(db, cached, mark) : undefined;
      cached = caughtUp === undefined ? undefined : { mark, state: caughtUp, held: cached.held };
    }
    const missing = missingReads(cached?.held ?? new Map(), wanted);
    if (cached !== undefined && missing.length === 0) {
      cache.set(db, cached);
      return cached.state;
    }
    cache.delete(db);
    const parts = cached === undefined ? new Map<TableName, TablePart>() : partsOf(cached.state, cached.held);
    const [read, lastPosted] = await Promise.all([readTables(db, missing), readLastPostedDate(db)]);
    for (const [t, part] of read) parts.set(t, mergeParts(parts.get(t), part));
    const state = assemble(parts, lastPosted);
    cache.set(db, { mark, state, held: new Map([...parts].map(([t, part]) => [t, part.held])) });
    return state;
  });
  return loaded ?? rebuildOutsideLiveQuery(db);
}

const rebuilding = new WeakMap<LumbungDb, Promise<LedgerState>>();

/**
 * Rows of an older PROJECTION_FORMAT are rebuilt before anyone reads them. `currentLedger` mostly
 * runs inside live queries, where Dexie refuses the read-write transaction a rebuild needs
 * ("Readwrite transaction in liveQuery context"), so the rebuild starts from a timer task of its
 * own, outside the live query's zone; the live queries then re-run on its commit. Concurrent
 * readers share one rebuild.
 */
function rebuildOutsideLiveQuery(db: LumbungDb): Promise<LedgerState> {
  const running = rebuilding.get(db);
  if (running !== undefined) return running;
  const rebuild = new Promise<LedgerState>((resolve, reject) => {
    setTimeout(() => {
      rebuildProjections(db).then(resolve, reject);
    }, 0);
  }).finally(() => rebuilding.delete(db));
  rebuilding.set(db, rebuild);
  return rebuild;
}

/**
 * Answers a read-only question of the ledger (e.g. the flags an entry would earn) from the rows it
 * needs, without loading the whole ledger: the in-memory copy when it is current, otherwise slices
 * read on demand. `question` must not mutate the state and may run more than once.
 */
export async function askLedger<R>(db: LumbungDb, question: (state: LedgerState) => R): Promise<R> {
  const answer = await db.transaction('r', db.meta, db.projections, async () => {
    const mark = await readProjectionMark(db);
    if (!isCurrentFormat(mark)) return undefined;
    const cached = cache.get(db);
    if (cached !== undefined && isWhole(cached) && sameMark(cached.mark, mark)) return { value: question(cached.state) };
    return { value: (await new LedgerSlices(db).fold(question)).result };
  });
  return answer !== undefined ? answer.value : question(await currentLedger(db));
}

/** Forgets the in-memory copy (after a failed transaction, or in tests that simulate a restart). */
export function dropLedgerCache(db: LumbungDb): void {
  cache.delete(db);
  lastSlices.delete(db);
}

/**
 * What a read-write transaction folds into: the cached whole ledger while it is current (folding
 * keeps it current for the screens that read it), otherwise slices of the stored ledger read on
 * demand — never a read of every row.
 */
export type LedgerForFold =
  | { readonly kind: 'whole'; readonly state: LedgerState }
  /** `reader`: a copy of some tables at the transaction's starting mark, brought up to date after the commit. */
  | { readonly kind: 'slices'; readonly slices: LedgerSlices; readonly reader: CachedLedger | undefined };

const whole = (state: LedgerState): LedgerForFold => ({ kind: 'whole', state });

/**
 * Takes the ledger for folding inside a read-write transaction over meta + projections (+ entries,
 * to catch a cached copy up). A cached copy is removed from the cache: the caller hands it back
 * with `commitLedger` once its transaction committed.
 */
export async function takeLedgerForFold(db: LumbungDb): Promise<{ state: LedgerForFold; mark: ProjectionMark }> {
  assertInReadWriteTransaction('takeLedgerForFold');
  const mark = await readProjectionMark(db);
  const cached = cache.get(db);
  cache.delete(db);
  if (!isCurrentFormat(mark)) {
    const rebuilt = await rebuildInTransaction(db);
    return { state: whole(rebuilt.state), mark: rebuilt.mark };
  }
  if (cached !== undefined && isWhole(cached)) {
    if (sameMark(cached.mark, mark)) return { state: whole(cached.state), mark };
    const caughtUp = await catchUp(db, cached, mark);
    if (caughtUp !== undefined) return { state: whole(caughtUp), mark };
  }
  const reader = cached !== undefined && !isWhole(cached) && sameMark(cached.mark, mark) ? cached : undefined;
  const previous = lastSlices.get(db);
  lastSlices.delete(db);
  const slices = previous !== undefined && sameMark(previous.mark, mark) ? previous.slices.successor() : new LedgerSlices(db);
  return { state: { kind: 'slices', slices, reader }, mark };
}

/** Whether the last fold on slices left its rows for the next save (then a warm-up has nothing to read). */
export const slicesKept = (db: LumbungDb): boolean => lastSlices.has(db);

/**
 * While a form is open: reads the projection rows a save like `sample` would fold into (a dry fold;
 * nothing is written, nothing the fold changes is kept) and leaves them for the next save as the
 * slices `takeLedgerForFold` starts from. The first save after unlock then folds in one round on
 * rows already held, as every later save does. The rows are tied to the mark read with them: a
 * write by anyone in between moves the mark and they are not used.
 */
export async function warmSlices(db: LumbungDb, sample: readonly Entry[]): Promise<void> {
  // Slices kept by a save are what the next save starts from already (while nobody else writes).
  if (slicesKept(db)) return;
  await db.transaction('r', db.meta, db.projections, async () => {
    const mark = await readProjectionMark(db);
    const cached = cache.get(db);
    // A current whole copy is what the save folds into; a stale format is rebuilt by the save.
    if (!isCurrentFormat(mark) || (cached !== undefined && isWhole(cached))) return;
    const slices = new LedgerSlices(db);
    slices.absent('entries', sample.map((e) => e.id));
    await slices.prefetch((state) => {
      for (const entry of sample) applyEntry(state, entry);
    });
    // A save that committed meanwhile (or another warm-up) left slices: those win.
    if (!lastSlices.has(db) && slices.size <= KEEP_SLICE_ROWS) lastSlices.set(db, { mark, slices });
  });
}

/** Runs a fold on the whole ledger, or in rounds on slices of it (see ledger-slices.ts). */
async function foldInto<R>(target: LedgerForFold, work: (state: LedgerState) => R): Promise<{ result: R; state: LedgerState }> {
  switch (target.kind) {
    case 'whole':
      return { result: work(target.state), state: target.state };
    case 'slices':
      return target.slices.fold(work);
  }
}

/**
 * Brings a cached copy up to the tables when the only change since is entries folded by someone
 * else (the service worker's pull, another tab's save): those are exactly the entries with a later
 * `order` in the same generation, and folding them in that order yields the rows they wrote. A
 * rebuild (new generation) or a long way behind means a full reload instead (undefined).
 */
async function catchUp(db: LumbungDb, cached: CachedLedger, mark: ProjectionMark): Promise<LedgerState | undefined> {
  const behind = mark.order - cached.mark.order;
  if (cached.mark.generation !== mark.generation || formatOf(cached.mark) !== formatOf(mark)) return undefined;
  if (behind <= 0 || behind > CATCH_UP_LIMIT) return undefined;
  const rows = await db.entries.where('order').between(cached.mark.order, mark.order, false, true).toArray();
  if (rows.length !== behind) return undefined;
  for (const row of rows) if (row.sync !== 'rejected') applyEntry(cached.state, row.entry, contextOfRow(row));
  return cached.state;
}

/**
 * After the commit: a whole ledger becomes the cached copy again; a copy of some tables takes the
 * rows the slices wrote and stays; slices themselves end with their transaction.
 */
export function commitLedger(db: LumbungDb, state: LedgerState | LedgerForFold, mark: ProjectionMark): void {
  if (!('kind' in state)) {
    cache.set(db, { mark, state, held: ALL_TABLES });
    return;
  }
  switch (state.kind) {
    case 'whole':
      cache.set(db, { mark, state: state.state, held: ALL_TABLES });
      return;
    case 'slices':
      if (state.slices.size <= KEEP_SLICE_ROWS) lastSlices.set(db, { mark, slices: state.slices });
      if (state.reader === undefined) return;
      patchTables(state.reader.state, state.reader.held, state.slices.written());
      cache.set(db, { mark, state: state.reader.state, held: state.reader.held });
      return;
  }
}

export type FoldOutcome = { flags: Flag[]; touched: Touched };

/**
 * Folds entries (already stored in this transaction) and writes exactly the rows they touched.
 * `serverSeqs[i]`, when given, is entry i's position in the server's order (pulled entries).
 */
export async function foldAndWrite(
  db: LumbungDb,
  target: LedgerForFold,
  entries: readonly Entry[],
  serverSeqs?: readonly (number | undefined)[],
): Promise<FoldOutcome[]> {
  // Entries folded here were just stored for the first time, so the ledger's index cannot hold them.
  if (target.kind === 'slices') target.slices.absent('entries', entries.map((e) => e.id));
  const { result, state } = await foldInto(target, (ledger) => {
    const outcomes: FoldOutcome[] = [];
    const touchedAll = emptyTouchSets();
    entries.forEach((entry, i) => {
      const serverSeq = serverSeqs?.[i];
      const applied = applyEntry(ledger, entry, serverSeq === undefined ? {} : { serverSeq });
      outcomes.push({ flags: applied.flags, touched: applied.touched });
      addTouched(touchedAll, applied.touched);
    });
    return { outcomes, touchedAll };
  });
  await writeTouched(db, state, result.touchedAll);
  if (target.kind === 'slices') target.slices.noteWritten(result.touchedAll);
  return result.outcomes;
}

export type ServerNumber = { readonly id: string; readonly serverSeq: number };

/**
 * Records the serverSeq the server gave entries already folded here (our own, acknowledged by a
 * push answer or proved by a pull) and writes the rows that changed. Such a change is not a new
 * `order` that another tab could replay, so it bumps the generation: any other cached copy reloads.
 * Returns the mark to commit with (the same mark when nothing changed).
 */
export async function recordServerNumbers(
  db: LumbungDb,
  target: LedgerForFold,
  mark: ProjectionMark,
  numbers: readonly ServerNumber[],
): Promise<ProjectionMark> {
  assertInReadWriteTransaction('recordServerNumbers');
  if (numbers.length === 0) return mark;
  const { result, state } = await foldInto(target, (ledger) => {
    const touchedAll = emptyTouchSets();
    let changed = false;
    for (const n of numbers) {
      const touched = recordServerSeq(ledger, n.id, n.serverSeq);
      changed ||= touched.entries.length > 0;
      addTouched(touchedAll, touched);
    }
    return { changed, touchedAll };
  });
  if (!result.changed) return mark;
  await writeTouched(db, state, result.touchedAll);
  if (target.kind === 'slices') target.slices.noteWritten(result.touchedAll);
  const next = { order: mark.order, generation: mark.generation + 1, format: PROJECTION_FORMAT };
  await writeMeta(db, 'projection', next);
  return next;
}

const emptyTouchSets = (): Map<TableName, Set<string>> => new Map(TABLE_NAMES.map((t) => [t, new Set<string>()]));

function addTouched(into: Map<TableName, Set<string>>, touched: Touched): void {
  for (const t of TABLE_NAMES) for (const k of touched[t]) into.get(t)?.add(k);
}

async function writeTouched(db: LumbungDb, state: LedgerState, touched: Map<TableName, Set<string>>): Promise<void> {
  // Before the rows are put: the SHU chunks fold in the difference from the member months stored now.
  const chunks = await chunkWritesOf(db, state, touched);
  const puts: ProjectionRow[] = chunks.puts;
  const deletes: [string, string][] = chunks.deletes;
  for (const [t, keys] of touched) {
    const table: ReadonlyMap<string, unknown> = state[t];
    for (const k of keys) {
      const v = table.get(k);
      if (v === undefined) deletes.push([t, k]);
      else puts.push(projectionRow(t, k, v));
    }
  }
  // Plain IndexedDB requests, the live queries' key ranges recorded as Dexie would (raw-writes.ts).
  await writeRows(db.projections, puts, deletes);
}

/** Replaces every projection row with those of `state` (rebuild, re-issue). Inside a transaction. */
async function writeAll(db: LumbungDb, state: LedgerState): Promise<void> {
  await db.projections.clear();
  const rows: ProjectionRow[] = [];
  for (const t of TABLE_NAMES) {
    const map: ReadonlyMap<string, unknown> = state[t];
    for (const [k, v] of map) rows.push(projectionRow(t, k, v));
  }
  rows.push(...chunkRowsOf(state));
  await db.projections.bulkPut(rows);
}

export async function bumpMark(db: LumbungDb, mark: ProjectionMark, folded: number): Promise<ProjectionMark> {
  assertInReadWriteTransaction('bumpMark');
  const next = { order: mark.order + folded, generation: mark.generation, format: PROJECTION_FORMAT };
  await writeMeta(db, 'projection', next);
  return next;
}

/**
 * Recomputes every projection from the stored entries, in the order this phone first folded them
 * (`order`), so the result equals what the incremental folds produced. Used after a restore and a
 * re-issue and a rejection (rejected entries are left out), and by the test that proves
 * incremental = rebuild. Projection rows are derived data:
 * clearing them deletes nothing that cannot be recomputed from the entries.
 */
export async function rebuildProjections(db: LumbungDb): Promise<LedgerState> {
  dropLedgerCache(db);
  const { state, mark } = await db.transaction('rw', db.entries, db.meta, db.projections, async () =>
    rebuildInTransaction(db),
  );
  commitLedger(db, state, mark);
  return state;
}

/** The body of rebuildProjections, for callers that rebuild inside their own transaction. */
export async function rebuildInTransaction(db: LumbungDb): Promise<{ state: LedgerState; mark: ProjectionMark }> {
  assertInReadWriteTransaction('rebuildInTransaction');
  dropLedgerCache(db);
  const before = await readProjectionMark(db);
  const state = emptyLedger();
  let count = 0;
  // In pages rather than one toArray(): five years of entries need not sit in memory at once.
  for (;;) {
    const page = await db.entries.where('order').above(count).limit(REBUILD_PAGE).toArray();
    // Rejected entries keep their `order` (and their row, shown to the treasurer) but are not part
    // of the books: the server never folded them (CONTRACT §3 "Rejected").
    for (const row of page) if (row.sync !== 'rejected') applyEntry(state, row.entry, contextOfRow(row));
    count += page.length;
    if (page.length < REBUILD_PAGE) break;
  }
  await writeAll(db, state);
  const mark = { order: count, generation: before.generation + 1, format: PROJECTION_FORMAT };
  assertInReadWriteTransaction('rebuildInTransaction');
  await writeMeta(db, 'projection', mark);
  return { state, mark };
}

/** Every projection row, sorted by key: two equal ledgers give equal lists (used by tests and audits). */
export async function projectionSnapshot(db: LumbungDb): Promise<ProjectionRow[]> {
  return db.projections.orderBy(':id').toArray();
}
