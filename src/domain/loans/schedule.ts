/**
 * Loan schedules exactly as CONTRACT §5 defines them. The phone and the server both build the
 * schedule from the `loan.disbursed` data with this code, so they agree to the rupiah.
 *
 * All arithmetic is integer: interest is round(B × bp / 10 000) with BigInt inside, and the anuitas
 * installment is an exact rational rounded once.
 */
import { rupiah, type Rupiah } from '../money.ts';
import type { LoanMethod } from '../entry/schema.ts';
import { addMonthsClamped, isValidBusinessDate, type BusinessDate } from '../dates.ts';
import { applyBp, divFloor, divRoundHalfUp, rupiahFromBigInt } from '../rounding.ts';

export type LoanTerms = {
  principal: Rupiah;
  months: number;
  /** Interest per month in basis points: 150 = 1,5 % per month. */
  rateBp: number;
  method: LoanMethod;
  firstDue: BusinessDate;
};

export type Installment = {
  /** 1-based installment number. */
  n: number;
  due: BusinessDate;
  principal: Rupiah;
  interest: Rupiah;
  total: Rupiah;
  /** Principal still owed after this installment (B_k). */
  balance: Rupiah;
};

function assertTerms(terms: LoanTerms): void {
  if (!Number.isSafeInteger(terms.principal) || terms.principal <= 0) {
    throw new RangeError(`loan principal must be a positive integer: ${String(terms.principal)}`);
  }
  if (!Number.isSafeInteger(terms.months) || terms.months < 1) {
    throw new RangeError(`loan months must be a positive integer: ${String(terms.months)}`);
  }
  if (!Number.isSafeInteger(terms.rateBp) || terms.rateBp < 0) {
    throw new RangeError(`loan rate must be a non-negative integer: ${String(terms.rateBp)}`);
  }
  if (!isValidBusinessDate(terms.firstDue)) throw new RangeError(`bad first due date: ${String(terms.firstDue)}`);
}

/**
 * A = round(P·r / (1 − (1+r)^−n)) with r = bp/10 000, as one exact fraction:
 * A = P·bp·(10000+bp)^n / (10000·((10000+bp)^n − 10000^n)), then half up.
 * Only defined for bp > 0 (the caller treats a zero rate as flat).
 */
export function annuityPayment(principal: Rupiah, months: number, rateBp: number): Rupiah {
  if (rateBp <= 0) throw new RangeError('annuity payment needs a positive rate');
  const bp = BigInt(rateBp);
  const grown = (10_000n + bp) ** BigInt(months);
  const base = 10_000n ** BigInt(months);
  return rupiahFromBigInt(divRoundHalfUp(BigInt(principal) * bp * grown, 10_000n * (grown - base)));
}

/** floor(P/n): the equal principal of flat and menurun (and of anuitas at 0 %). */
function equalPrincipal(terms: LoanTerms): Rupiah {
  return rupiahFromBigInt(divFloor(BigInt(terms.principal), BigInt(terms.months)));
}

/**
 * The principal part of installment k. For anuitas, `A − interest` is clamped to [0, B_{k−1}]:
 * with a small principal, A rounded up can pay the loan off before month n, and a negative
 * balance (the cooperative owing the member) would be nonsense. Later installments are then 0.
 * The lower clamp never bites (B_k ≤ P keeps interest ≤ round(P·r) ≤ A) but states the invariant.
 */
function principalPart(
  terms: LoanTerms,
  k: number,
  balanceBefore: Rupiah,
  interest: Rupiah,
  annuity: Rupiah | undefined,
): Rupiah {
  if (k === terms.months) return balanceBefore;
  if (annuity === undefined) return rupiah(Math.min(equalPrincipal(terms), balanceBefore));
  return rupiah(Math.min(Math.max(annuity - interest, 0), balanceBefore));
}

function interestPart(terms: LoanTerms, balanceBefore: Rupiah): Rupiah {
  switch (terms.method) {
    case 'flat':
      return applyBp(terms.principal, terms.rateBp);
    case 'menurun':
    case 'anuitas':
      return applyBp(balanceBefore, terms.rateBp);
  }
}

/**
 * The installments of a loan, CONTRACT §5:
 * - flat: interest round(P·r) each month; principal floor(P/n), the last takes the rest.
 * - menurun: principal as flat; interest round(B_{k−1}·r).
 * - anuitas: A as above; interest round(B_{k−1}·r); principal A − interest; the last clears B_{n−1}.
 *   At 0 % there is no annuity formula (0/0); the loan is then P/n per month like flat, which is
 *   its limit as r → 0 up to rounding.
 * Due dates: firstDue, then the same day of each following month, clamped to the month's end.
 */
export function buildSchedule(terms: LoanTerms): Installment[] {
  assertTerms(terms);
  const annuity =
    terms.method === 'anuitas' && terms.rateBp > 0
      ? annuityPayment(terms.principal, terms.months, terms.rateBp)
      : undefined;
  const installments: Installment[] = [];
  let balance = terms.principal;
  for (let k = 1; k <= terms.months; k++) {
    const interest = interestPart(terms, balance);
    const principal = principalPart(terms, k, balance, interest, annuity);
    balance = rupiah(balance - principal);
    installments.push({
      n: k,
      due: addMonthsClamped(terms.firstDue, k - 1),
      principal,
      interest,
      total: rupiah(principal + interest),
      balance,
    });
  }
  return installments;
}

export function totalInterest(schedule: readonly Installment[]): Rupiah {
  return rupiah(schedule.reduce((sum, i) => sum + i.interest, 0));
}

export function totalPrincipal(schedule: readonly Installment[]): Rupiah {
  return rupiah(schedule.reduce((sum, i) => sum + i.principal, 0));
}
