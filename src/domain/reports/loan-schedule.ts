/** Jadwal angsuran (CONTRACT §8 `loan-schedule`): the schedule stored with the loan's disbursal. */
import type { LedgerState } from '../ledger/state.ts';
import type { Installment } from '../loans/schedule.ts';

export type LoanScheduleReport = { installments: Installment[] };

/** Undefined for a loan this ledger has not seen disbursed. */
export function loanScheduleReport(state: LedgerState, loanId: string): LoanScheduleReport | undefined {
  const loan = state.loans.get(loanId);
  if (loan === undefined || loan.disbursals.length === 0) return undefined;
  return { installments: loan.schedule };
}
