/**
 * The in-memory ledger that screens read, one table at a time. A report names the tables it reads
 * (the balance sheet: account totals and periods; SHU: member periods too; the cash book: the cash
 * moves), and only those are read from the projections and kept. Five years of a busy cooperative
 * hold ~400 000 projection rows, most of them per-entry (entry index, cash moves) or per member and
 * day; reading them all for a balance sheet cost tens of seconds and >100 MB of a 2 GB phone.
 *
 * A table that was not read is not an empty table: it throws on any use, so a report that reads a
 * table it did not name fails loudly in its tests instead of showing zeros. A report may also name
 * key ranges of a table (SHU: the member months from January of its year on; Neraca: the account
 * months, and the days of its date's month): the table then answers only inside those ranges.
 */
import { Dexie } from 'dexie';
import { ledgerFromTables, TABLE_NAMES, type LedgerRows, type LedgerState, type MemberRow, type TableName } from '../domain/ledger/index.ts';
import { ACCOUNT_MONTHS, isJustKey, keysStartingWith, type KeyRange, type RangeListing, type TableRead } from '../domain/ledger/queries.ts';
import type { LumbungDb } from './database.ts';

/** A whole table, or the rows of one key range of it (e.g. the member months from January 2025 on). */
export type LedgerRead = TableRead;

/**
 * Small reads every reader gets: account totals, the chart, settings, closed years (a few hundred
 * rows), and the account month rows — not the day rows (~8 000 after five years, most of that
 * table): a balance sheet as of today needs the totals only, and one as of a past date the day
 * rows of that date's month alone (`accountDaysOf`), which its screen names.
 */
export const BASE_READS: readonly LedgerRead[] = ['accounts', { table: 'accountPeriods', range: ACCOUNT_MONTHS }, 'chart', 'settings', 'closedYears'];

/** What a copy holds of a table: all of it, or the rows of some key ranges (sorted, disjoint). */
export type Held = 'whole' | readonly KeyRange[];
export type Coverage = ReadonlyMap<TableName, Held>;

const tableOf = (read: LedgerRead): TableName => (typeof read === 'string' ? read : read.table);

/** Sorted, with overlapping and touching ranges merged: a range inside the union is inside one of them. */
function normalise(ranges: readonly KeyRange[]): KeyRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: KeyRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.from <= last.below) merged[merged.length - 1] = { from: last.from, below: range.below > last.below ? range.below : last.below };
    else merged.push(range);
  }
  return merged;
}

/**
 * The last of sorted, disjoint ranges (`normalise`d) that starts at or before `k`: a binary search,
 * since a screen may hold thousands of one-key ranges (the flags report, one per flagged entry).
 */
function rangeStartingAtOrBefore(ranges: readonly KeyRange[], k: string): KeyRange | undefined {
  let found: KeyRange | undefined;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (range === undefined) break;
    if (range.from <= k) {
      found = range;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

const inRanges = (ranges: readonly KeyRange[], k: string): boolean => {
  const range = rangeStartingAtOrBefore(ranges, k);
  return range !== undefined && k < range.below;
};
/** Touching ranges were merged, so a range inside their union lies inside one of them. */
const within = (ranges: readonly KeyRange[], range: KeyRange): boolean => {
  if (range.from >= range.below) return true;
  const holder = rangeStartingAtOrBefore(ranges, range.from);
  return holder !== undefined && range.below <= holder.below;
};


/** True when `held` has every row `read` asks for. */
export function holds(held: Held | undefined, read: LedgerRead): boolean {
  if (held === undefined) return false;
  if (held === 'whole') return true;
  return typeof read !== 'string' && within(held, read.range);
}

/** The reads among `wanted` that `coverage` does not hold yet. */
export function missingReads(coverage: Coverage, wanted: readonly LedgerRead[]): LedgerRead[] {
  return wanted.filter((read) => !holds(coverage.get(tableOf(read)), read));
}

class NotReadMap<V> extends Map<string, V> {
  constructor(private readonly table: TableName) {
    super();
  }

  private fail(): never {
    throw new Error(`ledger table ${this.table} was not read: name it among the tables the query reads`);
  }

  override get(): V | undefined {
    return this.fail();
  }

  override has(): boolean {
    return this.fail();
  }

  override set(): this {
    return this.fail();
  }

  override delete(): boolean {
    return this.fail();
  }

  override clear(): void {
    this.fail();
  }

  override get size(): number {
    return this.fail();
  }

  override keys(): MapIterator<string> {
    return this.fail();
  }

  override values(): MapIterator<V> {
    return this.fail();
  }

  override entries(): MapIterator<[string, V]> {
    return this.fail();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.fail();
  }

  override forEach(): void {
    this.fail();
  }
}

/**
 * A table read over some key ranges. A key inside them answers as the whole table would (a key
 * with no row there has none in the store either); a key outside them, or a walk over the table,
 * throws: the rows held are not the table, so a report must ask by key or list a range
 * (`rowsInRange`), and a range not read fails loudly instead of summing to a wrong number.
 */
export class PartialMap<V> extends Map<string, V> implements RangeListing<V> {
  readonly ranges: readonly KeyRange[];

  constructor(
    private readonly table: TableName,
    ranges: readonly KeyRange[],
    rows: Iterable<[string, V]>,
  ) {
    super();
    this.ranges = normalise(ranges);
    for (const [k, v] of rows) super.set(k, v);
  }

  private outside(what: string): never {
    throw new Error(`ledger table ${this.table} was read only in part: ${what} is outside the key ranges the query named`);
  }

  /** True when `k` lies in the ranges read (its row, or its absence, is the store's). */
  holdsKey(k: string): boolean {
    return inRanges(this.ranges, k);
  }

  /** The rows held, to assemble a copy again with more reads. */
  heldRows(): [string, V][] {
    return [...super.entries()];
  }

  rowsIn(range: KeyRange): V[] {
    if (!within(this.ranges, range)) this.outside(`the range ${range.from}..${range.below}`);
    const rows: V[] = [];
    for (const [k, v] of super.entries()) if (k >= range.from && k < range.below) rows.push(v);
    return rows;
  }

  override get(k: string): V | undefined {
    return this.holdsKey(k) ? super.get(k) : this.outside(`key ${k}`);
  }

  override has(k: string): boolean {
    return this.holdsKey(k) ? super.has(k) : this.outside(`key ${k}`);
  }

  override set(k: string, v: V): this {
    return this.holdsKey(k) ? super.set(k, v) : this.outside(`key ${k}`);
  }

  override delete(k: string): boolean {
    return this.holdsKey(k) ? super.delete(k) : this.outside(`key ${k}`);
  }

  override clear(): void {
    this.outside('clearing it');
  }

  override get size(): number {
    return this.outside('its size');
  }

  override keys(): MapIterator<string> {
    return this.outside('a walk over it');
  }

  override values(): MapIterator<V> {
    return this.outside('a walk over it');
  }

  override entries(): MapIterator<[string, V]> {
    return this.outside('a walk over it');
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.outside('a walk over it');
  }

  override forEach(): void {
    this.outside('a walk over it');
  }
}

/** What was read of one table: its rows and how much of the table they are. */
export type TablePart = { readonly held: Held; readonly rows: readonly unknown[] };

const range = (db: LumbungDb, t: TableName, from: unknown, below: unknown) =>
  db.projections.where('[t+k]').between([t, from], [t, below], true, false);

/**
 * Reads the stored rows `reads` name, one `[t+k]` range each (a whole table wins over its ranges),
 * inside the caller's transaction.
 */
export async function readTables(db: LumbungDb, reads: Iterable<LedgerRead>): Promise<Map<TableName, TablePart>> {
  const wanted = new Map<TableName, KeyRange[] | 'whole'>();
  for (const read of reads) {
    const t = tableOf(read);
    const so = wanted.get(t);
    if (typeof read === 'string' || so === 'whole') wanted.set(t, 'whole');
    else if (so === undefined) wanted.set(t, [read.range]);
    else so.push(read.range); // appended, not copied: the flags report names thousands of ranges
  }
  const parts = await Promise.all(
    [...wanted].map(async ([t, held]): Promise<[TableName, TablePart]> => {
      if (held === 'whole') return [t, { held, rows: (await range(db, t, Dexie.minKey, Dexie.maxKey).toArray()).map((row) => row.v) }];
      const ranges = normalise(held);
      const keys = ranges.filter(isJustKey).map((r): [TableName, string] => [t, r.from]);
      const [found, spans] = await Promise.all([
        keys.length === 0 ? [] : db.projections.bulkGet(keys),
        Promise.all(ranges.filter((r) => !isJustKey(r)).map((r) => range(db, t, r.from, r.below).toArray())),
      ]);
      const rows: unknown[] = [];
      for (const row of found) if (row !== undefined) rows.push(row.v); // a key with no row has none
      for (const row of spans.flat()) rows.push(row.v);
      return [t, { held: ranges, rows }];
    }),
  );
  return new Map(parts);
}

/**
 * The latest date any account day row is kept for: the latest business date posted. A copy that
 * reads the account month rows only derives no "last date" from its rows, and "as of" a date
 * before it must not take today's totals; one reverse step of a cursor, not a read of the days.
 */
export async function readLastPostedDate(db: LumbungDb): Promise<string | null> {
  const days = keysStartingWith('d|');
  const last = await range(db, 'accountPeriods', days.from, days.below).last();
  return last === undefined ? null : last.k.slice(2, 12);
}

/** What a state holds of the tables in `coverage`, to assemble it again with more reads. */
export function partsOf(state: LedgerState, coverage: Coverage): Map<TableName, TablePart> {
  const parts = new Map<TableName, TablePart>();
  for (const [t, held] of coverage) {
    parts.set(t, { held, rows: heldValues(state[t]) });
  }
  return parts;
}

function heldValues(table: ReadonlyMap<string, unknown>): unknown[] {
  if (!(table instanceof PartialMap)) return [...table.values()];
  const part: PartialMap<unknown> = table;
  return part.heldRows().map(([, v]) => v);
}

/** Two reads of the same table together (the rows of a key both hold are the same row). */
export function mergeParts(a: TablePart | undefined, b: TablePart): TablePart {
  if (a === undefined || b.held === 'whole') return b;
  if (a.held === 'whole') return a;
  return { held: normalise([...a.held, ...b.held]), rows: [...a.rows, ...b.rows] };
}

/**
 * A ledger state from the rows of some tables; the indexes are derived from what was read (the
 * member-number index needs the members, the years the period rows). Tables not read throw on use,
 * tables read in part throw outside their ranges. `lastPosted` (`readLastPostedDate`) stands in for
 * the day rows when the account periods were not read whole.
 */
export function assemble(parts: ReadonlyMap<TableName, TablePart>, lastPosted: string | null): LedgerState {
  // The rows were written from this same state type by the fold (projections.ts); they are ours, not input.
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, parts.get(t)?.rows ?? []])) as unknown as LedgerRows;
  const state = ledgerFromTables(tables);
  for (const t of TABLE_NAMES) {
    const held = parts.get(t)?.held;
    if (held === undefined) replaceTable(state, t, () => new NotReadMap(t));
    else if (held !== 'whole') replaceTable(state, t, (rows) => new PartialMap(t, held, rows));
  }
  if (lastPosted !== null && (state.index.lastDate === null || lastPosted > state.index.lastDate)) state.index.lastDate = lastPosted;
  return state;
}

/** `make(rows)`: the stand-in for a table, from the rows `ledgerFromTables` put there (keyed as the fold keys them). */
function replaceTable(state: LedgerState, t: TableName, make: <V>(rows: Map<string, V>) => Map<string, V>): void {
  switch (t) {
    case 'accounts':
      state.accounts = make(state.accounts);
      return;
    case 'accountPeriods':
      state.accountPeriods = make(state.accountPeriods);
      return;
    case 'chart':
      state.chart = make(state.chart);
      return;
    case 'members':
      state.members = make(state.members);
      return;
    case 'memberPeriods':
      state.memberPeriods = make(state.memberPeriods);
      return;
    case 'loans':
      state.loans = make(state.loans);
      return;
    case 'settings':
      state.settings = make(state.settings);
      return;
    case 'closedYears':
      state.closedYears = make(state.closedYears);
      return;
    case 'entries':
      state.entries = make(state.entries);
      return;
    case 'cashMoves':
      state.cashMoves = make(state.cashMoves);
      return;
    case 'flags':
      state.flags = make(state.flags);
      return;
  }
}

export type WrittenRows = {
  /** Keys written (or deleted) per table, and the row each now holds (undefined: deleted). */
  readonly rows: ReadonlyMap<TableName, ReadonlyMap<string, unknown>>;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly lastDate: string | null;
};

/**
 * Brings the tables a state holds up to rows a committed fold wrote (on slices, ledger-slices.ts):
 * the same rows the fold on a whole ledger would have left there, and the same index changes.
 */
export function patchTables(state: LedgerState, coverage: Coverage, written: WrittenRows): void {
  for (const [t, rows] of written.rows) {
    if (!coverage.has(t)) continue;
    const table: Map<string, unknown> = state[t];
    for (const [k, row] of rows) {
      // A row outside the ranges read stays unread, as in the store's other keys.
      if (table instanceof PartialMap && !table.holdsKey(k)) continue;
      if (t === 'members') renumber(state, k, table.get(k) as MemberRow | undefined, row as MemberRow | undefined);
      if (row === undefined) table.delete(k);
      else table.set(k, row);
    }
  }
  const index = state.index;
  if (written.firstYear !== null && (index.firstYear === null || written.firstYear < index.firstYear)) index.firstYear = written.firstYear;
  if (written.lastYear !== null && (index.lastYear === null || written.lastYear > index.lastYear)) index.lastYear = written.lastYear;
  if (written.lastDate !== null && (index.lastDate === null || written.lastDate > index.lastDate)) index.lastDate = written.lastDate;
}

/** The member-number index follows a member's first join, as the fold keeps it. */
function renumber(state: LedgerState, memberId: string, before: MemberRow | undefined, after: MemberRow | undefined): void {
  const numbers = state.index.memberNumbers;
  const was = before?.joins[0]?.number;
  const now = after?.joins[0]?.number;
  if (was === now) return;
  if (was !== undefined) {
    const holders = numbers.get(was);
    holders?.delete(memberId);
    if (holders?.size === 0) numbers.delete(was);
  }
  if (now !== undefined) numbers.set(now, (numbers.get(now) ?? new Set()).add(memberId));
}
