/**
 * Where a loan stands on a date: what is overdue, how late, the suggested fine, how a payment splits,
 * what settles it early. Pure functions of the schedule and the repayments recorded in the ledger.
 *
 * Only repayments dated on or before `asOf` count, everywhere in this module (CONTRACT §5 defines
 * days past due that way; using the same cut for fines, allocation and settlement keeps the screens
 * consistent when an entry is back-dated).
 */
import { rupiah, type Rupiah } from '../money.ts';
import { compareDates, daysBetween, type BusinessDate } from '../dates.ts';
import { divRoundHalfUp, rupiahFromBigInt } from '../rounding.ts';
import type { Installment } from './schedule.ts';

export type Repayment = { date: BusinessDate; principal: Rupiah; interest: Rupiah; fine: Rupiah };

export type Allocation = { fine: Rupiah; interest: Rupiah; principal: Rupiah; excess: Rupiah };

export type EarlySettlement = { principal: Rupiah; interest: Rupiah; fine: Rupiah; total: Rupiah };

function repaidBy(repayments: readonly Repayment[], asOf: BusinessDate): Repayment[] {
  return repayments.filter((r) => compareDates(r.date, asOf) <= 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * What is still unpaid of each installment (principal + interest together) after the repayments'
 * principal and interest are poured into the installments oldest first, as CONTRACT §5 says.
 */
export function unpaidPerInstallment(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
): Rupiah[] {
  let pool = sum(repaidBy(repayments, asOf).map((r) => r.principal + r.interest));
  return schedule.map((installment) => {
    const covered = Math.min(pool, installment.total);
    pool -= covered;
    return rupiah(installment.total - covered);
  });
}

/** The earliest installment not fully covered by what was repaid on or before `asOf`. */
export function nextDue(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
): Installment | undefined {
  const unpaid = unpaidPerInstallment(schedule, repayments, asOf);
  return schedule.find((_, k) => (unpaid[k] ?? 0) > 0);
}

/** CONTRACT §5: days from the earliest uncovered installment's due date to `asOf`, if it is before. */
export function daysPastDue(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
): number {
  const next = nextDue(schedule, repayments, asOf);
  if (next === undefined) return 0;
  return Math.max(0, daysBetween(next.due, asOf));
}

/**
 * round(unpaid installment amount × fineBpPerDay / 10 000 × days late), summed over every overdue
 * installment and rounded once.
 *
 * "Days late" counts from the due date, or from the latest repayment on or before `asOf` if that
 * is later: each repayment settles the fine accrued until its date, either collected or waived by
 * the treasurer (CONTRACT §5: what was actually paid is what the entry records). Without this, a
 * waived fine would come back at the next visit, and a fine already paid on a partly paid
 * installment would be charged twice.
 */
export function suggestedFine(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
  fineBpPerDay: number,
): Rupiah {
  if (fineBpPerDay <= 0) return rupiah(0);
  const counted = repaidBy(repayments, asOf);
  const lastPayment = counted.reduce<BusinessDate | undefined>(
    (latest, r) => (latest === undefined || compareDates(r.date, latest) > 0 ? r.date : latest),
    undefined,
  );
  const unpaid = unpaidPerInstallment(schedule, counted, asOf);
  let amountDays = 0n;
  schedule.forEach((installment, k) => {
    const from =
      lastPayment !== undefined && compareDates(lastPayment, installment.due) > 0 ? lastPayment : installment.due;
    const days = daysBetween(from, asOf);
    if (days > 0) amountDays += BigInt(unpaid[k] ?? 0) * BigInt(days);
  });
  return rupiahFromBigInt(divRoundHalfUp(amountDays * BigInt(fineBpPerDay), 10_000n));
}

/** Repaid amounts poured into each installment's own part (interest into interest, principal into principal). */
function outstandingParts(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
): { interest: number; principal: number }[] {
  let interestPool = sum(repayments.map((r) => r.interest));
  let principalPool = sum(repayments.map((r) => r.principal));
  return schedule.map((installment) => {
    const interestCovered = Math.min(interestPool, installment.interest);
    const principalCovered = Math.min(principalPool, installment.principal);
    interestPool -= interestCovered;
    principalPool -= principalCovered;
    return { interest: installment.interest - interestCovered, principal: installment.principal - principalCovered };
  });
}

/**
 * How a payment received on `asOf` splits: the suggested fine first (unless waived), then, oldest
 * installment first, that installment's unpaid interest and then its unpaid principal. Whatever is
 * left after the whole loan is covered is `excess` (the screen offers it back or to sukarela).
 */
export function allocatePayment(
  amount: Rupiah,
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
  fineBpPerDay: number,
  opts: { waiveFine?: boolean } = {},
): Allocation {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('payment must be a non-negative integer');
  let left: number = amount;
  const take = (wanted: number): number => {
    const taken = Math.min(left, Math.max(0, wanted));
    left -= taken;
    return taken;
  };
  const fine = opts.waiveFine === true ? 0 : take(suggestedFine(schedule, repayments, asOf, fineBpPerDay));
  let interest = 0;
  let principal = 0;
  for (const part of outstandingParts(schedule, repaidBy(repayments, asOf))) {
    interest += take(part.interest);
    principal += take(part.principal);
  }
  return { fine: rupiah(fine), interest: rupiah(interest), principal: rupiah(principal), excess: rupiah(left) };
}

/**
 * Paying the whole loan off on `asOf` (pelunasan dipercepat): all principal still owed, the unpaid
 * interest of every installment whose period has begun (installment 1's period begins at
 * disbursement, installment k's the day after installment k−1 is due — so the running month's
 * interest is owed in full, later months' interest is not), and the suggested fine.
 * Interest already paid ahead beyond those installments is not refunded.
 */
export function earlySettlement(
  schedule: readonly Installment[],
  repayments: readonly Repayment[],
  asOf: BusinessDate,
  fineBpPerDay: number,
): EarlySettlement {
  const counted = repaidBy(repayments, asOf);
  const scheduledPrincipal = sum(schedule.map((i) => i.principal));
  const principal = Math.max(0, scheduledPrincipal - sum(counted.map((r) => r.principal)));
  const begun = schedule.filter((_, k) => k === 0 || compareDates(schedule[k - 1]?.due ?? asOf, asOf) < 0);
  const interest = Math.max(0, sum(begun.map((i) => i.interest)) - sum(counted.map((r) => r.interest)));
  const fine = suggestedFine(schedule, counted, asOf, fineBpPerDay);
  return {
    principal: rupiah(principal),
    interest: rupiah(interest),
    fine,
    total: rupiah(principal + interest + fine),
  };
}

export { effectiveAnnualRateBp } from './effective-rate.ts';
export { totalInterest } from './schedule.ts';
