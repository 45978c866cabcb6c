import type { LedgerRead } from '../../db/ledger-tables.ts';
import { accountDaysOf } from '../../domain/ledger/queries.ts';

/**
 * The account day rows a report "as of" or "from … to" these dates needs beyond the month rows
 * every reader gets: those of each date's month (a balance through a date is the months before
 * it and its month's days up to it). At most 31 days × the accounts posted per date.
 */
export function accountDaysFor(...dates: readonly (string | undefined)[]): LedgerRead[] {
  const months = new Set(dates.filter((d) => d !== undefined).map((d) => d.slice(0, 7)));
  return [...months].sort().map((month) => ({ table: 'accountPeriods', range: accountDaysOf(month) }));
}
