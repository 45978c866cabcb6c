/**
 * Reads of the ledger state that reports and screens share: account and member totals as of a date
 * or over a range, from the period rows (never from the entries).
 */
import type { AccountType } from '../entry/schema.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { forEachMonthOf, forEachPeriodUpTo, periodKey } from './periods.ts';
import type { LedgerState, TableName } from './state.ts';

export type DebitCredit = { debit: number; credit: number };

/** True when no posting is dated after `date`, so all-time totals are the totals as of `date`. */
function coversEverything(state: LedgerState, date: string): boolean {
  return state.index.lastDate === null || date >= state.index.lastDate;
}

/** Posted debit and credit of an account up to `date` (through it when `inclusive`). */
export function accountTotalsUpTo(state: LedgerState, code: string, date: string, inclusive: boolean): DebitCredit {
  if (inclusive && coversEverything(state, date)) {
    const row = state.accounts.get(code);
    return { debit: row?.debit ?? 0, credit: row?.credit ?? 0 };
  }
  const sum = { debit: 0, credit: 0 };
  forEachPeriodUpTo(state, date, inclusive, (grain, period) => {
    const row = state.accountPeriods.get(periodKey(grain, period, code));
    if (row === undefined) return;
    sum.debit += row.debit;
    sum.credit += row.credit;
  });
  return sum;
}

/** Posted debit and credit of an account from `from` through `to`, both inclusive. */
export function accountTotalsBetween(state: LedgerState, code: string, from: string, to: string): DebitCredit {
  const through = accountTotalsUpTo(state, code, to, true);
  const before = accountTotalsUpTo(state, code, from, false);
  return { debit: through.debit - before.debit, credit: through.credit - before.credit };
}

/** Posted debit and credit of an account within one calendar year. */
export function accountTotalsInYear(state: LedgerState, code: string, year: number): DebitCredit {
  const sum = { debit: 0, credit: 0 };
  forEachMonthOf(year, 13, (period) => {
    const row = state.accountPeriods.get(periodKey('m', period, code));
    if (row === undefined) return;
    sum.debit += row.debit;
    sum.credit += row.credit;
  });
  return sum;
}

/** The chart's type of an account; for a code missing from the chart, the type its class digit means. */
export function accountTypeOf(state: LedgerState, code: string): AccountType {
  const known = state.chart.get(code);
  if (known !== undefined) return known.type;
  switch (code.charAt(0)) {
    case '1':
      return 'asset';
    case '2':
      return 'liability';
    case '3':
      return 'equity';
    case '4':
      return 'revenue';
    default:
      return 'expense';
  }
}

/** A balance in its natural sign: debit − credit for assets and expenses, credit − debit otherwise. */
export function naturalBalance(type: AccountType, totals: DebitCredit): Rupiah {
  switch (type) {
    case 'asset':
    case 'expense':
      return rupiah(totals.debit - totals.credit);
    case 'liability':
    case 'equity':
    case 'revenue':
      return rupiah(totals.credit - totals.debit);
  }
}

/** Every account code that has a chart row or a posting, in code order. */
export function allAccountCodes(state: LedgerState): string[] {
  const codes = new Set<string>(state.chart.keys());
  for (const code of state.accounts.keys()) codes.add(code);
  return [...codes].sort();
}

/** Revenue − expense of a calendar year: the SHU of CONTRACT §6. */
export function shuOfYear(state: LedgerState, year: number): Rupiah {
  let shu = 0;
  for (const code of allAccountCodes(state)) {
    const type = accountTypeOf(state, code);
    if (type === 'revenue' || type === 'expense') {
      const amount = naturalBalance(type, accountTotalsInYear(state, code, year));
      if (type === 'revenue') shu += amount;
      else shu -= amount;
    }
  }
  return rupiah(shu);
}

/** A member's loan interest and purchases within one calendar year (the SHU patronage basis). */
export function memberYear(state: LedgerState, memberId: string, year: number): { interest: Rupiah; purchases: Rupiah } {
  let interest = 0;
  let purchases = 0;
  forEachMonthOf(year, 13, (period) => {
    const row = state.memberPeriods.get(periodKey('m', period, memberId));
    if (row === undefined) return;
    interest += row.interest;
    purchases += row.purchases;
  });
  return { interest: rupiah(interest), purchases: rupiah(purchases) };
}

/** Keys `from` ≤ k < `below` of one table: what a reader of part of a table holds (the phone, db/ledger-tables.ts). */
export type KeyRange = { readonly from: string; readonly below: string };

/** What a report reads of the ledger beyond what every reader has: a whole table, or a key range of one (the phone reads only these). */
export type TableRead = TableName | { readonly table: TableName; readonly range: KeyRange };

/** Every key that starts with `prefix` (non-empty): `m|2025-` is the member or account month rows of 2025. */
export function keysStartingWith(prefix: string): KeyRange {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, below: `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}` };
}

/** Exactly one key: the smallest string above `key` is `key` + U+0000 (the phone reads such a range with a get). */
export const justKey = (key: string): KeyRange => ({ from: key, below: `${key}\u0000` });

/** Whether a range is `justKey` of its start. */
export const isJustKey = (range: KeyRange): boolean => range.below === `${range.from}\u0000`;

/**
 * A table that lists the rows of a key range itself: the phone's partly read tables do, and throw
 * when the range is not wholly among what they read, rather than answer with the rows they happen
 * to hold.
 */
export type RangeListing<V> = { rowsIn(range: KeyRange): Iterable<V> };

function listsRanges<V>(table: ReadonlyMap<string, V>): table is ReadonlyMap<string, V> & RangeListing<V> {
  return typeof (table as Partial<RangeListing<V>>).rowsIn === 'function';
}

/** The rows of `table` whose keys lie in `range`, in no particular order. */
export function rowsInRange<V>(table: ReadonlyMap<string, V>, range: KeyRange): Iterable<V> {
  if (listsRanges(table)) return table.rowsIn(range);
  const rows: V[] = [];
  for (const [k, row] of table) if (k >= range.from && k < range.below) rows.push(row);
  return rows;
}

/** Account month rows of every year (`m|…`): account totals through any month end, no day rows. */
export const ACCOUNT_MONTHS: KeyRange = keysStartingWith('m|');

/** The account day rows of one month (`2026-02`): "as of" a date inside it. */
export const accountDaysOf = (month: string): KeyRange => keysStartingWith(`d|${month}-`);

/** Posted debit and credit of an account through the end of `month` (`2026-02`), from month rows only. */
export function accountTotalsThroughMonth(state: LedgerState, code: string, month: string): DebitCredit {
  const lastDate = state.index.lastDate;
  if (lastDate === null || month >= lastDate.slice(0, 7)) {
    const row = state.accounts.get(code);
    return { debit: row?.debit ?? 0, credit: row?.credit ?? 0 };
  }
  const sum = { debit: 0, credit: 0 };
  const year = Number(month.slice(0, 4));
  const last = Number(month.slice(5, 7));
  const firstYear = state.index.firstYear;
  if (firstYear === null) return sum;
  for (let y = firstYear; y <= year; y++) {
    forEachMonthOf(y, y < year ? 13 : last + 1, (period) => {
      const row = state.accountPeriods.get(periodKey('m', period, code));
      if (row === undefined) return;
      sum.debit += row.debit;
      sum.credit += row.credit;
    });
  }
  return sum;
}
