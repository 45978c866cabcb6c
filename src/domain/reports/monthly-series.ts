/**
 * Month-end figures for the home screen's charts: members' savings (pokok + wajib + sukarela,
 * accounts 3-101, 3-102, 2-101) and loans outstanding (1-110), for each month from `from` through
 * `to` (`YYYY-MM`). At most 240 months: a chart wider than that is a mistake, not a request.
 * Month rows only (a month end is the whole month): the phone's chart reads no day rows.
 */
import { ACCOUNTS } from '../chart.ts';
import { daysInMonth } from '../dates.ts';
import { accountTotalsThroughMonth } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah, type Rupiah } from '../money.ts';

export type MonthPoint = { month: string; monthEnd: string; savings: Rupiah; loansOutstanding: Rupiah };

export const MAX_SERIES_MONTHS = 240;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthlySeries(state: LedgerState, from: string, to: string): MonthPoint[] {
  const start = MONTH.exec(from);
  const end = MONTH.exec(to);
  if (start === null || end === null) throw new RangeError(`months must be YYYY-MM: ${from}, ${to}`);
  const first = Number(start[1]) * 12 + Number(start[2]) - 1;
  const last = Number(end[1]) * 12 + Number(end[2]) - 1;
  if (last < first || last - first >= MAX_SERIES_MONTHS) throw new RangeError(`bad month range ${from}..${to}`);
  const points: MonthPoint[] = [];
  for (let k = first; k <= last; k++) {
    const year = Math.floor(k / 12);
    const month = (k % 12) + 1;
    const monthText = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    const monthEnd = `${monthText}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
    const credit = (code: string): number => {
      const t = accountTotalsThroughMonth(state, code, monthText);
      return t.credit - t.debit;
    };
    const loans = accountTotalsThroughMonth(state, ACCOUNTS.loansReceivable, monthText);
    points.push({
      month: monthText,
      monthEnd,
      savings: rupiah(credit(ACCOUNTS.principalSavings) + credit(ACCOUNTS.mandatorySavings) + credit(ACCOUNTS.voluntarySavings)),
      loansOutstanding: rupiah(loans.debit - loans.credit),
    });
  }
  return points;
}
