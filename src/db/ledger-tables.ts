/**
 * The in-memory ledger that screens read, one table at a time. A report names the tables it reads
 * (the balance sheet: account totals and periods; SHU: member periods too; the cash book: the cash
 * moves), and only those are read from the projections and kept. Five years of a busy cooperative
 * hold ~400 000 projection rows, most of them per-entry (entry index, cash moves) or per member and
 * day; reading them all for a balance sheet cost tens of seconds and >100 MB of a 2 GB phone.
 *
 * A table that was not read is not an empty table: it throws on any use, so a report that reads a
 * table it did not name fails loudly in its tests instead of showing zeros.
 */
import { Dexie } from 'dexie';
import { ledgerFromTables, TABLE_NAMES, type LedgerRows, type LedgerState, type MemberRow, type TableName } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';

/** Small tables every reader gets: a few thousand rows after five years. */
export const BASE_TABLES: readonly TableName[] = ['accounts', 'accountPeriods', 'chart', 'settings', 'closedYears'];

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

/** Reads the stored rows of `tables`, each with one range over `[t+k]`, inside the caller's transaction. */
export async function readTables(db: LumbungDb, tables: Iterable<TableName>): Promise<Map<TableName, unknown[]>> {
  const names = [...new Set(tables)];
  const rows = await Promise.all(
    names.map((t) => db.projections.where('[t+k]').between([t, Dexie.minKey], [t, Dexie.maxKey]).toArray()),
  );
  return new Map(names.map((t, i) => [t, (rows[i] ?? []).map((row) => row.v)]));
}

/** The rows of the tables a state holds, to assemble it again with more tables. */
export function rowsOf(state: LedgerState, tables: Iterable<TableName>): Map<TableName, unknown[]> {
  return new Map([...tables].map((t) => [t, [...(state[t] as ReadonlyMap<string, unknown>).values()]]));
}

/**
 * A ledger state from the rows of some tables; the indexes are derived from what was read (the
 * member-number index needs the members, the years the period rows). The others throw on use.
 */
export function assemble(rows: ReadonlyMap<TableName, readonly unknown[]>): LedgerState {
  // The rows were written from this same state type by the fold (projections.ts); they are ours, not input.
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, rows.get(t) ?? []])) as unknown as LedgerRows;
  const state = ledgerFromTables(tables);
  for (const t of TABLE_NAMES) if (!rows.has(t)) replaceTable(state, t);
  return state;
}

function replaceTable(state: LedgerState, t: TableName): void {
  switch (t) {
    case 'accounts':
      state.accounts = new NotReadMap(t);
      return;
    case 'accountPeriods':
      state.accountPeriods = new NotReadMap(t);
      return;
    case 'chart':
      state.chart = new NotReadMap(t);
      return;
    case 'members':
      state.members = new NotReadMap(t);
      return;
    case 'memberPeriods':
      state.memberPeriods = new NotReadMap(t);
      return;
    case 'loans':
      state.loans = new NotReadMap(t);
      return;
    case 'settings':
      state.settings = new NotReadMap(t);
      return;
    case 'closedYears':
      state.closedYears = new NotReadMap(t);
      return;
    case 'entries':
      state.entries = new NotReadMap(t);
      return;
    case 'cashMoves':
      state.cashMoves = new NotReadMap(t);
      return;
    case 'flags':
      state.flags = new NotReadMap(t);
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
export function patchTables(state: LedgerState, held: ReadonlySet<TableName>, written: WrittenRows): void {
  for (const [t, rows] of written.rows) {
    if (!held.has(t)) continue;
    const table: Map<string, unknown> = state[t];
    for (const [k, row] of rows) {
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
