/**
 * Perhitungan dan pembagian SHU (CONTRACT §6, §8 `shu`) for a calendar year, with the allocation
 * currently set (`shuAllocation`, else the default): the RAT that divides a year's SHU applies the
 * allocation in force when it meets.
 *
 * Bases, per member: capital = pokok + wajib balance at 31 December of the year; patronage = loan
 * interest paid in the year + `cash.received` with that memberId into 4-110 (sales) in the year.
 * Both come from the members' month rows: one pass over them, no entries.
 */
import type { MemberId } from '../ids.ts';
import { shuOfYear } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah } from '../money.ts';
import { computeShu, type MemberBasis, type ShuResult } from '../shu.ts';
import { shuAllocation } from './settings.ts';

export type ShuReport = ShuResult;

export function shuReport(state: LedgerState, year: number): ShuReport {
  const capital = new Map<string, number>();
  const patronage = new Map<string, number>();
  const yearText = String(year);
  for (const row of state.memberPeriods.values()) {
    if (row.grain !== 'm') continue;
    const rowYear = row.period.slice(0, 4);
    if (rowYear > yearText) continue;
    capital.set(row.memberId, (capital.get(row.memberId) ?? 0) + row.pokok + row.wajib);
    if (rowYear === yearText) patronage.set(row.memberId, (patronage.get(row.memberId) ?? 0) + row.interest + row.purchases);
  }
  const bases: MemberBasis[] = [];
  for (const [memberId, capitalBasis] of capital) {
    const patronageBasis = patronage.get(memberId) ?? 0;
    if (capitalBasis === 0 && patronageBasis === 0) continue;
    bases.push({ memberId: memberId as MemberId, capitalBasis: rupiah(capitalBasis), patronageBasis: rupiah(patronageBasis) });
  }
  return computeShu(year, shuOfYear(state, year), shuAllocation(state), bases);
}
