/**
 * A loan as it stood on a date: only the disbursal and repayments dated on or before `asOf` count
 * (the same cut loans/status.ts uses), so a back-dated entry moves the past consistently.
 */
import type { Collectibility, CollectibilityPreset } from '../collectibility.ts';
import { collectibilityOf } from '../collectibility.ts';
import type { LoanRow } from '../ledger/rows.ts';
import { daysPastDue, nextDue } from '../loans/status.ts';
import { rupiah, type Rupiah } from '../money.ts';

export type LoanPosition = {
  loanId: string;
  memberId: string | null;
  principal: Rupiah;
  outstanding: Rupiah;
  interestPaid: Rupiah;
  nextDue: string | null;
  daysPastDue: number;
  collectibility: Collectibility;
};

/** What the member owed on the loan on `asOf` (no schedule work: the members list needs only this). */
export function loanOutstandingAsOf(loan: LoanRow, asOf: string): Rupiah {
  let owed = loan.disbursedOn !== null && loan.disbursedOn <= asOf ? loan.principal : 0;
  for (const r of loan.repayments) if (r.date <= asOf) owed -= r.principal;
  return rupiah(owed);
}

/** Undefined when the loan had nothing on or before `asOf`. */
export function loanPosition(loan: LoanRow, asOf: string, preset: CollectibilityPreset): LoanPosition | undefined {
  const disbursed = loan.disbursedOn !== null && loan.disbursedOn <= asOf;
  const repayments = loan.repayments.filter((r) => r.date <= asOf);
  if (!disbursed && repayments.length === 0) return undefined;
  const principal = disbursed ? loan.principal : rupiah(0);
  const paidPrincipal = repayments.reduce((sum, r) => sum + r.principal, 0);
  const interestPaid = repayments.reduce((sum, r) => sum + r.interest, 0);
  const schedule = disbursed ? loan.schedule : [];
  const dpd = daysPastDue(schedule, repayments, asOf);
  return {
    loanId: loan.loanId,
    memberId: loan.memberId,
    principal,
    outstanding: rupiah(principal - paidPrincipal),
    interestPaid: rupiah(interestPaid),
    nextDue: nextDue(schedule, repayments, asOf)?.due ?? null,
    daysPastDue: dpd,
    collectibility: collectibilityOf(dpd, preset),
  };
}
