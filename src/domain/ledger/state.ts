/**
 * The ledger state: a set of row tables (rows.ts) plus a few indexes derived from them. The tables
 * are the truth the phone persists; the indexes are rebuilt by `ledgerFromTables` on load.
 *
 * `applyEntry` MUTATES the state it is given (an in-memory fold of 100 000 entries must not copy
 * maps) and reports the keys it touched per table, so the caller can write exactly those rows — or
 * delete them, when a touched key is no longer in the table.
 */
import { DEFAULT_CHART } from '../chart.ts';
import type {
  AccountPeriodRow,
  AccountTotalRow,
  CashMoveRow,
  ChartRow,
  ClosedYearRow,
  EntryIndexRow,
  FlagRow,
  LoanRow,
  MemberPeriodRow,
  MemberRow,
  SettingRow,
} from './rows.ts';

export type LedgerTables = {
  accounts: Map<string, AccountTotalRow>;
  accountPeriods: Map<string, AccountPeriodRow>;
  chart: Map<string, ChartRow>;
  members: Map<string, MemberRow>;
  memberPeriods: Map<string, MemberPeriodRow>;
  loans: Map<string, LoanRow>;
  settings: Map<string, SettingRow>;
  closedYears: Map<string, ClosedYearRow>;
  entries: Map<string, EntryIndexRow>;
  cashMoves: Map<string, CashMoveRow>;
  flags: Map<string, FlagRow>;
};

export type TableName = keyof LedgerTables;

export const TABLE_NAMES: readonly TableName[] = [
  'accounts',
  'accountPeriods',
  'chart',
  'members',
  'memberPeriods',
  'loans',
  'settings',
  'closedYears',
  'entries',
  'cashMoves',
  'flags',
];

/** Indexes derived from the tables, never persisted. */
export type LedgerIndexes = {
  /** member number → ids of members whose live join uses it (more than one only when flagged). */
  memberNumbers: Map<string, Set<string>>;
  /** Smallest and largest year any period row was written for: the bounds of a cumulative sum. */
  firstYear: number | null;
  lastYear: number | null;
  /** The latest business date folded: at or after it, current totals equal "as of" totals. */
  lastDate: string | null;
};

export type LedgerState = LedgerTables & { readonly index: LedgerIndexes };

/** The keys each table had written or deleted by one entry. */
export type Touched = Record<TableName, string[]>;

function emptyTables(): LedgerTables {
  return {
    accounts: new Map(),
    accountPeriods: new Map(),
    chart: new Map(DEFAULT_CHART.map((a) => [a.code, { code: a.code, name: a.name, type: a.type, addedBy: null }])),
    members: new Map(),
    memberPeriods: new Map(),
    loans: new Map(),
    settings: new Map(),
    closedYears: new Map(),
    entries: new Map(),
    cashMoves: new Map(),
    flags: new Map(),
  };
}

export function emptyLedger(): LedgerState {
  return { ...emptyTables(), index: { memberNumbers: new Map(), firstYear: null, lastYear: null, lastDate: null } };
}

export function noteYear(state: LedgerState, year: number): void {
  const index = state.index;
  if (index.firstYear === null || year < index.firstYear) index.firstYear = year;
  if (index.lastYear === null || year > index.lastYear) index.lastYear = year;
}

export function noteDate(state: LedgerState, date: string): void {
  if (state.index.lastDate === null || date > state.index.lastDate) state.index.lastDate = date;
}

export function addMemberNumber(state: LedgerState, number: string, memberId: string): void {
  const holders = state.index.memberNumbers.get(number);
  if (holders === undefined) state.index.memberNumbers.set(number, new Set([memberId]));
  else holders.add(memberId);
}

export function removeMemberNumber(state: LedgerState, number: string, memberId: string): void {
  const holders = state.index.memberNumbers.get(number);
  if (holders === undefined) return;
  holders.delete(memberId);
  if (holders.size === 0) state.index.memberNumbers.delete(number);
}

export type LedgerRows = {
  accounts: readonly AccountTotalRow[];
  accountPeriods: readonly AccountPeriodRow[];
  chart: readonly ChartRow[];
  members: readonly MemberRow[];
  memberPeriods: readonly MemberPeriodRow[];
  loans: readonly LoanRow[];
  settings: readonly SettingRow[];
  closedYears: readonly ClosedYearRow[];
  entries: readonly EntryIndexRow[];
  cashMoves: readonly CashMoveRow[];
  flags: readonly FlagRow[];
};

/** The tables as arrays of rows, e.g. to persist a whole recompute or to compare two states. */
export function ledgerTables(state: LedgerState): LedgerRows {
  return {
    accounts: [...state.accounts.values()],
    accountPeriods: [...state.accountPeriods.values()],
    chart: [...state.chart.values()],
    members: [...state.members.values()],
    memberPeriods: [...state.memberPeriods.values()],
    loans: [...state.loans.values()],
    settings: [...state.settings.values()],
    closedYears: [...state.closedYears.values()],
    entries: [...state.entries.values()],
    cashMoves: [...state.cashMoves.values()],
    flags: [...state.flags.values()],
  };
}

/** Rebuilds a state from persisted rows (the phone on start) and derives its indexes. */
export function ledgerFromTables(rows: LedgerRows): LedgerState {
  const state = emptyLedger();
  for (const r of rows.accounts) state.accounts.set(r.code, r);
  for (const r of rows.accountPeriods) {
    state.accountPeriods.set(r.key, r);
    noteYear(state, Number(r.period.slice(0, 4)));
    if (r.grain === 'd') noteDate(state, r.period);
  }
  state.chart.clear();
  for (const a of DEFAULT_CHART) state.chart.set(a.code, { code: a.code, name: a.name, type: a.type, addedBy: null });
  for (const r of rows.chart) state.chart.set(r.code, r);
  for (const r of rows.members) {
    state.members.set(r.memberId, r);
    for (const join of r.joins.slice(0, 1)) addMemberNumber(state, join.number, r.memberId);
  }
  for (const r of rows.memberPeriods) {
    state.memberPeriods.set(r.key, r);
    noteYear(state, Number(r.period.slice(0, 4)));
    // A report may load the member tables alone: their latest savings day bounds "as of" too.
    let lastDay: string | null = null;
    for (const day in r.days) if (lastDay === null || day > lastDay) lastDay = day;
    if (lastDay !== null) noteDate(state, `${r.period}-${lastDay}`);
  }
  for (const r of rows.loans) state.loans.set(r.loanId, r);
  for (const r of rows.settings) state.settings.set(r.key, r);
  for (const r of rows.closedYears) state.closedYears.set(String(r.year), r);
  for (const r of rows.entries) {
    state.entries.set(r.entryId, r);
    noteDate(state, r.date);
  }
  for (const r of rows.cashMoves) state.cashMoves.set(r.key, r);
  for (const r of rows.flags) state.flags.set(r.key, r);
  return state;
}
