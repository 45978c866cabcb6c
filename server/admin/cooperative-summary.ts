/**
 * The district overview of one cooperative, from its folded ledger with the same report code the
 * phone runs: active members, savings, loans outstanding and the overdue ratio (NPL), as of today
 * in Asia/Jakarta, plus the number of flags awaiting review.
 *
 * NPL = outstanding of loans whose collectibility is not `lancar` / total outstanding, in basis
 * points (integer, half up; 0 when nothing is outstanding). Only loans with a positive
 * outstanding count (an over-repaid loan is a flag, not a negative loan).
 */
import type { LedgerState } from '../../src/domain/ledger/index.ts';
import { flagsReport, loansReport, membersReport } from '../../src/domain/reports/index.ts';
import { divRoundHalfUp } from '../../src/domain/rounding.ts';

export interface CooperativeTotals {
  asOf: string;
  members: number;
  savings: { pokok: number; wajib: number; sukarela: number; total: number };
  loansOutstanding: number;
  loansCount: number;
  overdueOutstanding: number;
  nplBp: number;
  flags: number;
}

export function cooperativeTotals(state: LedgerState, asOf: string): CooperativeTotals {
  let members = 0;
  const savings = { pokok: 0, wajib: 0, sukarela: 0, total: 0 };
  for (const member of membersReport(state, asOf).members) {
    if (member.status === 'active') members += 1;
    savings.pokok += member.savings.pokok;
    savings.wajib += member.savings.wajib;
    savings.sukarela += member.savings.sukarela;
  }
  savings.total = savings.pokok + savings.wajib + savings.sukarela;

  let loansOutstanding = 0;
  let overdueOutstanding = 0;
  let loansCount = 0;
  for (const loan of loansReport(state, asOf).loans) {
    if (loan.outstanding <= 0) continue;
    loansCount += 1;
    loansOutstanding += loan.outstanding;
    if (loan.collectibility !== 'lancar') overdueOutstanding += loan.outstanding;
  }
  const nplBp =
    loansOutstanding === 0 ? 0 : Number(divRoundHalfUp(BigInt(overdueOutstanding) * 10_000n, BigInt(loansOutstanding)));
  return { asOf, members, savings, loansOutstanding, loansCount, overdueOutstanding, nplBp, flags: flagsReport(state).flags.length };
}
