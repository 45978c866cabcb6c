import { describe, expect, it } from 'vitest';
import { rupiah } from '../../src/domain/money.ts';
import { effectiveAnnualRateBp } from '../../src/domain/loans/status.ts';
import type { LoanTerms } from '../../src/domain/loans/schedule.ts';

const loan = (method: LoanTerms['method'], rateBp = 150, principal = 6_000_000): LoanTerms => ({
  principal: rupiah(principal),
  months: 12,
  rateBp,
  method,
  firstDue: '2026-02-01',
});

// Reference values: bisection on the NPV with Python fractions (docs/domain-arithmetic.md).
describe('effectiveAnnualRateBp', () => {
  it('shows that flat 1,5 % per month costs 36,76 % a year compounded (2,643 % per month)', () => {
    expect(effectiveAnnualRateBp(loan('flat'), rupiah(0))).toBe(3_676);
    expect(effectiveAnnualRateBp(loan('flat', 150, 5_000_000), rupiah(0))).toBe(3_676);
  });

  it('adds the cost of fees deducted at disbursement: 1 % provisi + Rp25.000 → 2,880 % per month, 40,60 % a year', () => {
    expect(effectiveAnnualRateBp(loan('flat'), rupiah(85_000))).toBe(4_060);
  });

  it('is the quoted rate compounded for a declining-balance loan: 1,015^12 − 1 = 19,56 %', () => {
    expect(effectiveAnnualRateBp(loan('anuitas'), rupiah(0))).toBe(1_956);
    // Menurun charges interest on the same declining balance, so it lands within a few bp.
    expect(Math.abs(effectiveAnnualRateBp(loan('menurun'), rupiah(0)) - 1_956)).toBeLessThanOrEqual(2);
  });

  it('is 0 for an interest-free loan without fees, and positive once a fee is taken', () => {
    expect(effectiveAnnualRateBp(loan('flat', 0), rupiah(0))).toBe(0);
    expect(effectiveAnnualRateBp(loan('flat', 0), rupiah(60_000))).toBeGreaterThan(0);
  });

  it('refuses a fee that swallows the loan', () => {
    expect(() => effectiveAnnualRateBp(loan('flat'), rupiah(6_000_000))).toThrow(RangeError);
  });
});
