/**
 * Reads of the ledger state that reports and screens share: account and member totals as of a date
 * or over a range, from the period rows (never from the entries).
 */
import type { AccountType, SavingsKind } from '../entry/schema.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { forEachPeriodUpTo, periodKey } from './periods.ts';
import type { SavingsBalances } from './rows.ts';
import type { LedgerState } from './state.ts';

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
  const row = state.accountPeriods.get(periodKey('y', String(year), code));
  return { debit: row?.debit ?? 0, credit: row?.credit ?? 0 };
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

/** A member's savings balances through `date`. */
export function memberSavingsAsOf(state: LedgerState, memberId: string, date: string): SavingsBalances {
  if (coversEverything(state, date)) {
    const row = state.members.get(memberId);
    // A copy: the fold updates the row's balances in place.
    if (row !== undefined) return { ...row.savings };
  }
  const sum: Record<SavingsKind, number> = { pokok: 0, wajib: 0, sukarela: 0 };
  forEachPeriodUpTo(state, date, true, (grain, period) => {
    const row = state.memberPeriods.get(periodKey(grain, period, memberId));
    if (row === undefined) return;
    sum.pokok += row.pokok;
    sum.wajib += row.wajib;
    sum.sukarela += row.sukarela;
  });
  return { pokok: rupiah(sum.pokok), wajib: rupiah(sum.wajib), sukarela: rupiah(sum.sukarela) };
}

/** A member's loan interest and purchases within one calendar year (the SHU patronage basis). */
export function memberYear(state: LedgerState, memberId: string, year: number): { interest: Rupiah; purchases: Rupiah } {
  const row = state.memberPeriods.get(periodKey('y', String(year), memberId));
  return { interest: row?.interest ?? rupiah(0), purchases: row?.purchases ?? rupiah(0) };
}
