/**
 * The three loan methods side by side for the same terms, as the member weighs them: the first and
 * last installment, total interest, total paid, and the effective annual rate (the honest price of
 * a flat rate). Every number comes from the shared domain code the server uses.
 */
import type { LoanMethod } from '../../domain/entry/schema.ts';
import { effectiveAnnualRateBp } from '../../domain/loans/effective-rate.ts';
import { buildSchedule, totalInterest, type Installment, type LoanTerms } from '../../domain/loans/schedule.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

export const LOAN_METHODS: readonly LoanMethod[] = ['flat', 'menurun', 'anuitas'];

export type MethodSummary = {
  readonly method: LoanMethod;
  readonly schedule: readonly Installment[];
  readonly firstInstallment: Rupiah;
  readonly lastInstallment: Rupiah;
  readonly totalInterest: Rupiah;
  readonly totalPaid: Rupiah;
  /** Null when the fee swallows the principal (no rate can be computed). */
  readonly effectiveAnnualBp: number | null;
};

export function summariseMethod(terms: Omit<LoanTerms, 'method'>, method: LoanMethod, adminFee: Rupiah): MethodSummary {
  const full: LoanTerms = { ...terms, method };
  const schedule = buildSchedule(full);
  const interest = totalInterest(schedule);
  return {
    method,
    schedule,
    firstInstallment: schedule[0]?.total ?? rupiah(0),
    lastInstallment: schedule[schedule.length - 1]?.total ?? rupiah(0),
    totalInterest: interest,
    totalPaid: rupiah(terms.principal + interest),
    effectiveAnnualBp: adminFee < terms.principal ? effectiveAnnualRateBp(full, adminFee) : null,
  };
}

export function compareMethods(terms: Omit<LoanTerms, 'method'>, adminFee: Rupiah): MethodSummary[] {
  return LOAN_METHODS.map((method) => summariseMethod(terms, method, adminFee));
}
