/**
 * The effective yearly cost of a loan, to disclose to the member (a flat 1,5 % per month costs far
 * more than 18 % a year). This is a disclosed rate, not money: floats are acceptable here, and
 * nothing is ever posted from it.
 */
import type { Rupiah } from '../money.ts';
import { buildSchedule, type LoanTerms } from './schedule.ts';

/** Present value at monthly rate i of the installments, minus what the member actually received. */
function netPresentValue(received: number, totals: readonly number[], i: number): number {
  let pv = 0;
  let discount = 1;
  for (const total of totals) {
    discount /= 1 + i;
    pv += total * discount;
  }
  return pv - received;
}

/**
 * The internal rate of return per month of receiving P − adminFee and paying the schedule's
 * installments one month apart, annualised by compounding ((1+i)^12 − 1), in whole basis points.
 * Installments are taken as exactly one month apart starting one month after disbursement; the
 * calendar's 28–31-day months are ignored, as in every published "bunga efektif" example.
 */
export function effectiveAnnualRateBp(terms: LoanTerms, adminFee: Rupiah): number {
  const received = terms.principal - adminFee;
  if (received <= 0) throw new RangeError('admin fee must be smaller than the principal');
  const totals = buildSchedule(terms).map((i) => i.total);
  // NPV falls as the rate rises; bracket the root, then bisect (robust where Newton can overshoot).
  let low = -0.99;
  let high = 1;
  while (netPresentValue(received, totals, high) > 0) high *= 2;
  if (netPresentValue(received, totals, low) < 0) low = -0.999999;
  for (let step = 0; step < 200; step++) {
    const mid = (low + high) / 2;
    if (netPresentValue(received, totals, mid) > 0) low = mid;
    else high = mid;
  }
  const monthly = (low + high) / 2;
  return Math.round(((1 + monthly) ** 12 - 1) * 10_000);
}
