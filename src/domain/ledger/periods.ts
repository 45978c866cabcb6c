/**
 * Year/month/day totals and the cumulative sums built from them. A balance "as of" a date is the
 * years before it + the months of its year before it + the days of its month up to it: at most
 * (years) + 11 + 31 key look-ups per account or member, whatever the number of entries.
 */
import type { Grain } from './rows.ts';
import type { LedgerState } from './state.ts';

export function periodKey(grain: Grain, period: string, subject: string): string {
  return `${grain}|${period}|${subject}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Calls `visit(grain, period)` for the periods whose union is every day up to `date` — through it
 * when `inclusive`, before it otherwise — within the years the state has data for.
 */
export function forEachPeriodUpTo(
  state: LedgerState,
  date: string,
  inclusive: boolean,
  visit: (grain: Grain, period: string) => void,
): void {
  const { firstYear } = state.index;
  if (firstYear === null) return;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  for (let y = firstYear; y < year; y++) visit('y', String(y));
  if (year < firstYear) return;
  const yearText = date.slice(0, 4);
  for (let m = 1; m < month; m++) visit('m', `${yearText}-${pad2(m)}`);
  const monthText = date.slice(0, 7);
  const lastDay = inclusive ? day : day - 1;
  for (let d = 1; d <= lastDay; d++) visit('d', `${monthText}-${pad2(d)}`);
}

