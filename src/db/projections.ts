/**
 * The ledger projections on the phone: H3's row-shaped `LedgerState` persisted in the `projections`
 * table (one row per state-table key, see projection-row.ts), and an in-memory copy per database
 * handle so an append folds one entry without reloading the ledger.
 *
 * Consistency between the copy and the tables rests on the `projection` meta mark ({order,
 * generation}), written in the same transaction as every projection change. A transaction that
 * folds first compares the mark with its cached copy; another tab or the service worker having
 * written since means the copy is stale and is reloaded inside the transaction. `applyEntry` mutates
 * the state in place, so the copy is dropped before folding and only reinstated after the commit:
 * an aborted transaction leaves no half-folded state behind.
 */
import {
  applyEntry,
  emptyLedger,
  ledgerFromTables,
  TABLE_NAMES,
  type Flag,
  type LedgerRows,
  type LedgerState,
  type TableName,
  type Touched,
} from '../domain/ledger/index.ts';
import type { Entry } from '../domain/entry/schema.ts';
import type { LumbungDb } from './database.ts';
import { assertInReadWriteTransaction } from './in-transaction.ts';
import { readProjectionMark, writeMeta, type ProjectionMark } from './meta.ts';
import { searchWords, sortKeyOfName, type ProjectionRow } from './projection-row.ts';

const REBUILD_PAGE = 500;
/** Beyond this many entries behind, reloading the rows is cheaper than folding the entries again. */
const CATCH_UP_LIMIT = 2_000;

/**
 * The shape of the ledger rows (src/domain/ledger/rows.ts) the stored projections were written in.
 * Bump it whenever a change to the fold changes what a row holds: a phone whose stored mark has
 * another format rebuilds its projections from the entries on first use instead of loading rows
 * the new code would misread. Projections are derived data, so this needs no Dexie version.
 */
export const PROJECTION_FORMAT = 1;
const formatOf = (mark: ProjectionMark): number => mark.format ?? 1;
const isCurrentFormat = (mark: ProjectionMark): boolean => formatOf(mark) === PROJECTION_FORMAT;

type CachedLedger = { mark: ProjectionMark; state: LedgerState };
const cache = new WeakMap<LumbungDb, CachedLedger>();

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

/** Reads every projection row into a ledger state. Runs inside the caller's transaction if any. */
async function readLedger(db: LumbungDb): Promise<LedgerState> {
  const grouped = new Map<string, unknown[]>(TABLE_NAMES.map((t) => [t, []]));
  // toArray (one getAll) rather than each (a cursor round trip per row): every row ends up in memory anyway.
  for (const row of await db.projections.toArray()) grouped.get(row.t)?.push(row.v);
  // The rows were written from this same state type by writeTouched/writeAll; they are ours, not input.
  const rows = Object.fromEntries(grouped) as unknown as LedgerRows;
  return ledgerFromTables(rows);
}

/**
 * The ledger as the tables hold it now, for reports and screens. Do not mutate the result: it is
 * the shared copy that the next append folds into.
 */
export async function currentLedger(db: LumbungDb): Promise<LedgerState> {
  const loaded = await db.transaction('r', db.entries, db.meta, db.projections, async () => {
    const mark = await readProjectionMark(db);
    if (!isCurrentFormat(mark)) return undefined;
    const cached = cache.get(db);
    if (cached !== undefined && sameMark(cached.mark, mark)) return cached.state;
    // Out of the cache while it is being caught up: a failure must not leave a half-folded copy there.
    cache.delete(db);
    const state = (cached !== undefined ? await catchUp(db, cached, mark) : undefined) ?? (await readLedger(db));
    cache.set(db, { mark, state });
    return state;
  });
  return loaded ?? rebuildProjections(db);
}

/** Forgets the in-memory copy (after a failed transaction, or in tests that simulate a restart). */
export function dropLedgerCache(db: LumbungDb): void {
  cache.delete(db);
}

/**
 * Takes the ledger for folding inside a read-write transaction over meta + projections. The copy is
 * removed from the cache: the caller hands it back with `commitLedger` once its transaction committed.
 */
export async function takeLedgerForFold(db: LumbungDb): Promise<{ state: LedgerState; mark: ProjectionMark }> {
  assertInReadWriteTransaction('takeLedgerForFold');
  const mark = await readProjectionMark(db);
  const cached = cache.get(db);
  cache.delete(db);
  if (!isCurrentFormat(mark)) return rebuildInTransaction(db);
  if (cached !== undefined && sameMark(cached.mark, mark)) return { state: cached.state, mark };
  const caughtUp = cached === undefined ? undefined : await catchUp(db, cached, mark);
  return { state: caughtUp ?? (await readLedger(db)), mark };
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
  for (const row of rows) applyEntry(cached.state, row.entry);
  return cached.state;
}

export function commitLedger(db: LumbungDb, state: LedgerState, mark: ProjectionMark): void {
  cache.set(db, { mark, state });
}

export type FoldOutcome = { flags: Flag[]; touched: Touched };

/** Folds entries (already stored in this transaction) and writes exactly the rows they touched. */
export async function foldAndWrite(db: LumbungDb, state: LedgerState, entries: readonly Entry[]): Promise<FoldOutcome[]> {
  const outcomes: FoldOutcome[] = [];
  const touchedAll = new Map<TableName, Set<string>>(TABLE_NAMES.map((t) => [t, new Set<string>()]));
  for (const entry of entries) {
    const result = applyEntry(state, entry);
    outcomes.push({ flags: result.flags, touched: result.touched });
    for (const t of TABLE_NAMES) for (const k of result.touched[t]) touchedAll.get(t)?.add(k);
  }
  await writeTouched(db, state, touchedAll);
  return outcomes;
}

async function writeTouched(db: LumbungDb, state: LedgerState, touched: Map<TableName, Set<string>>): Promise<void> {
  const puts: ProjectionRow[] = [];
  const deletes: [string, string][] = [];
  for (const [t, keys] of touched) {
    const table: ReadonlyMap<string, unknown> = state[t];
    for (const k of keys) {
      const v = table.get(k);
      if (v === undefined) deletes.push([t, k]);
      else puts.push(projectionRow(t, k, v));
    }
  }
  if (deletes.length > 0) await db.projections.bulkDelete(deletes);
  if (puts.length > 0) await db.projections.bulkPut(puts);
}

/** Replaces every projection row with those of `state` (rebuild, re-issue). Inside a transaction. */
async function writeAll(db: LumbungDb, state: LedgerState): Promise<void> {
  await db.projections.clear();
  const rows: ProjectionRow[] = [];
  for (const t of TABLE_NAMES) {
    const map: ReadonlyMap<string, unknown> = state[t];
    for (const [k, v] of map) rows.push(projectionRow(t, k, v));
  }
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
 * re-issue, and by the test that proves incremental = rebuild. Projection rows are derived data:
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
    for (const row of page) applyEntry(state, row.entry);
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
