/**
 * Month and day totals and the cumulative sums built from them. A balance "as of" a date is the
 * months before it + the days of its month up to it: at most 12 × (years of data) + 31 key look-ups
 * per account or member, whatever the number of entries.
 *
 * There are no year rows: every posting would have paid a third row write for a read (a year's
 * total) that twelve month look-ups answer, and the fold is the hot path (the phone pays it on
 * every save, the server on every entry received).
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
  if (firstYear === null || Number(date.slice(0, 4)) < firstYear) return;
  forEachMonthUpTo(state, date, (period) => visit('m', period));
  const monthText = date.slice(0, 7);
  const day = Number(date.slice(8, 10));
  const lastDay = inclusive ? day : day - 1;
  for (let d = 1; d <= lastDay; d++) visit('d', `${monthText}-${pad2(d)}`);
}

/** Visits every month (`2026-11`) from the state's first year to the month before `date`'s. */
export function forEachMonthUpTo(state: LedgerState, date: string, visit: (period: string) => void): void {
  const { firstYear } = state.index;
  if (firstYear === null) return;
  const year = Number(date.slice(0, 4));
  for (let y = firstYear; y <= year; y++) forEachMonthOf(y, y < year ? 13 : Number(date.slice(5, 7)), visit);
}

/** Visits the months of `year` before month `until` (1–12; 13 = the whole year). */
export function forEachMonthOf(year: number, until: number, visit: (period: string) => void): void {
  const yearText = String(year);
  for (let m = 1; m < until; m++) visit(`${yearText}-${pad2(m)}`);
}
