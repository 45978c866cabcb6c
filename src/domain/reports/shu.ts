/**
 * Perhitungan dan pembagian SHU (CONTRACT §6, §8 `shu`) for a calendar year, with the allocation
 * currently set (`shuAllocation`, else the default): the RAT that divides a year's SHU applies the
 * allocation in force when it meets.
 *
 * Bases, per member: capital = pokok + wajib balance at 31 December of the year; patronage = loan
 * interest paid in the year + `cash.received` with that memberId into 4-110 (sales) in the year.
 *
 * Capital is taken backwards from today's balances (the member rows) minus the months after the
 * year, so only the member month rows from January of the year on are touched (`shuReads`): the
 * usual SHU, last year's, touches ~14 months of rows instead of every month of history. A member's
 * month rows and their balances move together in the fold (members.ts `applySavings`), so this
 * equals summing every month up to December.
 */
import type { MemberId } from '../ids.ts';
import { keysStartingWith, rowsInRange, shuOfYear, type KeyRange, type TableRead } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah } from '../money.ts';
import { computeShu, type MemberBasis, type ShuResult } from '../shu.ts';
import { shuAllocation } from './settings.ts';

export type ShuReport = ShuResult;

/** What `shuReport(state, year)` reads beyond account totals, month rows and settings: every member row, and member months from January of `year` on. */
export const shuReads = (year: number): readonly TableRead[] => [
  'members',
  { table: 'memberPeriods', range: memberMonthsFrom(year) },
];

/** Member month rows (`m|YYYY-MM|memberId`) of `year` and every later year. */
const memberMonthsFrom = (year: number): KeyRange => ({ from: `m|${String(year)}-`, below: keysStartingWith('m|').below });

export function shuReport(state: LedgerState, year: number): ShuReport {
  const capital = new Map<string, number>();
  const patronage = new Map<string, number>();
  for (const member of state.members.values()) {
    const held = member.savings.pokok + member.savings.wajib;
    if (held !== 0) capital.set(member.memberId, held);
  }
  const yearText = String(year);
  for (const row of rowsInRange(state.memberPeriods, memberMonthsFrom(year))) {
    if (row.period.slice(0, 4) === yearText) {
      const used = row.interest + row.purchases;
      if (used !== 0) patronage.set(row.memberId, (patronage.get(row.memberId) ?? 0) + used);
    } else {
      const moved = row.pokok + row.wajib;
      if (moved !== 0) capital.set(row.memberId, (capital.get(row.memberId) ?? 0) - moved);
    }
  }
  return shuReportFromBases(state, year, basesOfSums(capital, patronage));
}

/** Member bases from capital and patronage sums by member id; a member with both 0 has none. */
function basesOfSums(capital: ReadonlyMap<string, number>, patronage: ReadonlyMap<string, number>): MemberBasis[] {
  const bases: MemberBasis[] = [];
  for (const memberId of new Set([...capital.keys(), ...patronage.keys()])) {
    const capitalBasis = capital.get(memberId) ?? 0;
    const patronageBasis = patronage.get(memberId) ?? 0;
    if (capitalBasis === 0 && patronageBasis === 0) continue;
    bases.push({ memberId: memberId as MemberId, capitalBasis: rupiah(capitalBasis), patronageBasis: rupiah(patronageBasis) });
  }
  return bases;
}

/**
 * The SHU of `year` from members' bases worked out elsewhere (the phone's column chunks,
 * shu-chunks.ts `memberBasesFromChunks`): the year's SHU and the allocation still come from the
 * state (account month rows and settings, which every reader has), so only the bases differ.
 */
export function shuReportFromBases(state: LedgerState, year: number, bases: readonly MemberBasis[]): ShuReport {
  return computeShu(year, shuOfYear(state, year), shuAllocation(state), bases);
}
