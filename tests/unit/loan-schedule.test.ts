import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rupiah } from '../../src/domain/money.ts';
import { LOAN_METHODS, type LoanMethod } from '../../src/domain/entry/schema.ts';
import {
  annuityPayment,
  buildSchedule,
  totalInterest,
  totalPrincipal,
  type LoanTerms,
} from '../../src/domain/loans/schedule.ts';

const terms = (principal: number, months: number, rateBp: number, method: LoanMethod, firstDue = '2026-01-31'): LoanTerms => ({
  principal: rupiah(principal),
  months,
  rateBp,
  method,
  firstDue,
});

const rows = (t: LoanTerms) => buildSchedule(t).map((i) => [i.principal, i.interest, i.total, i.balance]);

// Expected numbers computed independently with Python's fractions.Fraction (docs/domain-arithmetic.md).
describe('research example: Rp6.000.000, 12 months, 1,5 % per month (domain.md §1.2)', () => {
  it('flat: 590.000 every month, interest 1.080.000', () => {
    const s = buildSchedule(terms(6_000_000, 12, 150, 'flat'));
    expect(s.every((i) => i.principal === 500_000 && i.interest === 90_000 && i.total === 590_000)).toBe(true);
    expect(totalInterest(s)).toBe(1_080_000);
  });

  it('menurun: 590.000, 582.500 … 507.500, interest 585.000', () => {
    const s = buildSchedule(terms(6_000_000, 12, 150, 'menurun'));
    expect(s[0]?.total).toBe(590_000);
    expect(s[1]?.total).toBe(582_500);
    expect(s[11]?.total).toBe(507_500);
    expect(totalInterest(s)).toBe(585_000);
  });

  it('anuitas: A = round(550.079,96) = 550.080, interest 600.959', () => {
    expect(annuityPayment(rupiah(6_000_000), 12, 150)).toBe(550_080);
    const s = buildSchedule(terms(6_000_000, 12, 150, 'anuitas'));
    expect(s[0]).toMatchObject({ principal: 460_080, interest: 90_000, total: 550_080, balance: 5_539_920 });
    expect(s[1]).toMatchObject({ interest: 83_099, principal: 466_981 });
    expect(s[11]).toMatchObject({ interest: 8_129, principal: 541_950, total: 550_079, balance: 0 });
    expect(totalInterest(s)).toBe(600_959);
  });
});

describe('Rp5.000.000, 12 months, 150 bp', () => {
  it('flat: floor(P/n) = 416.666, the last installment takes 416.674', () => {
    const r = rows(terms(5_000_000, 12, 150, 'flat'));
    expect(r[0]).toEqual([416_666, 75_000, 491_666, 4_583_334]);
    expect(r[10]).toEqual([416_666, 75_000, 491_666, 416_674]);
    expect(r[11]).toEqual([416_674, 75_000, 491_674, 0]);
    expect(totalInterest(buildSchedule(terms(5_000_000, 12, 150, 'flat')))).toBe(900_000);
  });

  it('menurun: interest on the balance, 75.000 down to 6.250, total 487.500', () => {
    const r = rows(terms(5_000_000, 12, 150, 'menurun'));
    expect(r[0]).toEqual([416_666, 75_000, 491_666, 4_583_334]);
    // 4 583 334 × 1,5 % = 68 750,01 → 68 750.
    expect(r[1]).toEqual([416_666, 68_750, 485_416, 4_166_668]);
    expect(r[11]).toEqual([416_674, 6_250, 422_924, 0]);
    expect(totalInterest(buildSchedule(terms(5_000_000, 12, 150, 'menurun')))).toBe(487_500);
  });

  it('anuitas: A = 458.400, every row as computed with exact fractions', () => {
    expect(rows(terms(5_000_000, 12, 150, 'anuitas'))).toEqual([
      [383_400, 75_000, 458_400, 4_616_600],
      [389_151, 69_249, 458_400, 4_227_449],
      [394_988, 63_412, 458_400, 3_832_461],
      [400_913, 57_487, 458_400, 3_431_548],
      [406_927, 51_473, 458_400, 3_024_621],
      [413_031, 45_369, 458_400, 2_611_590],
      [419_226, 39_174, 458_400, 2_192_364],
      [425_515, 32_885, 458_400, 1_766_849],
      [431_897, 26_503, 458_400, 1_334_952],
      [438_376, 20_024, 458_400, 896_576],
      [444_951, 13_449, 458_400, 451_625],
      [451_625, 6_774, 458_399, 0],
    ]);
  });
});

describe('edge cases', () => {
  it('due dates keep the 31st and clamp to the month end', () => {
    const dues = buildSchedule(terms(1_200_000, 6, 100, 'flat', '2026-01-31')).map((i) => i.due);
    expect(dues).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    const leap = buildSchedule(terms(1_200_000, 3, 100, 'flat', '2027-12-30')).map((i) => i.due);
    expect(leap).toEqual(['2027-12-30', '2028-01-30', '2028-02-29']);
  });

  it('a zero rate is interest-free equal principal, for anuitas too', () => {
    for (const method of LOAN_METHODS) {
      const r = rows(terms(1_000_000, 3, 0, method));
      expect(r).toEqual([
        [333_333, 0, 333_333, 666_667],
        [333_333, 0, 333_333, 333_334],
        [333_334, 0, 333_334, 0],
      ]);
    }
  });

  it('anuitas on a tiny principal stops at zero instead of going negative', () => {
    // A = round(0,917) = 1, interest round(B × 1,5 %) = 0: the loan is paid off after 10 months.
    const r = rows(terms(10, 12, 150, 'anuitas'));
    expect(r.slice(8)).toEqual([
      [1, 0, 1, 1],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('anuitas at 100 % per month over 30 years: principal 0 until the last month', () => {
    const s = buildSchedule(terms(1_000, 360, 10_000, 'anuitas'));
    expect(annuityPayment(rupiah(1_000), 360, 10_000)).toBe(1_000);
    expect(s[0]).toMatchObject({ principal: 0, interest: 1_000 });
    expect(s[359]).toMatchObject({ principal: 1_000, interest: 1_000, balance: 0 });
  });

  it('refuses terms no schema allows', () => {
    expect(() => buildSchedule(terms(1_000, 0, 100, 'flat'))).toThrow(RangeError);
    expect(() => buildSchedule(terms(1_000, 12, -1, 'flat'))).toThrow(RangeError);
    expect(() => buildSchedule(terms(1_000, 12, 100, 'flat', '2026-02-30'))).toThrow(RangeError);
  });
});

describe('properties of every schedule', () => {
  const anyTerms = fc.record({
    principal: fc.integer({ min: 1, max: 1_000_000_000_000 }),
    months: fc.integer({ min: 1, max: 360 }),
    rateBp: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 10_000 })),
    method: fc.constantFrom(...LOAN_METHODS),
    day: fc.integer({ min: 1, max: 31 }),
  });

  it('principals sum to P, the balance ends at 0, total = principal + interest, interest per CONTRACT §5', () => {
    fc.assert(
      fc.property(anyTerms, ({ principal, months, rateBp, method, day }) => {
        const t = terms(principal, months, rateBp, method, `2026-01-${String(Math.min(day, 31)).padStart(2, '0')}`);
        const s = buildSchedule(t);
        expect(s).toHaveLength(months);
        expect(totalPrincipal(s)).toBe(principal);
        expect(s[months - 1]?.balance).toBe(0);
        let before = BigInt(principal);
        for (const i of s) {
          expect(i.total).toBe(i.principal + i.interest);
          expect(i.principal).toBeGreaterThanOrEqual(0);
          expect(BigInt(i.balance)).toBe(before - BigInt(i.principal));
          // interest = round(base × bp / 10 000) half up ⇔ −5 000 ≤ base·bp − interest·10 000 < 5 000.
          const base = method === 'flat' ? BigInt(principal) : before;
          const err = base * BigInt(rateBp) - BigInt(i.interest) * 10_000n;
          expect(err >= -5_000n && err < 5_000n).toBe(true);
          before = BigInt(i.balance);
        }
      }),
      { numRuns: 150 },
    );
    // Bounded (150 runs of up to 360 installments) but ~5 s on a busy two-core CI machine.
  }, 30_000);

  it('anuitas installments are all A except the last (while the balance lasts)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 1_000_000_000 }),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 500 }),
        (principal, months, rateBp) => {
          const a = annuityPayment(rupiah(principal), months, rateBp);
          const s = buildSchedule(terms(principal, months, rateBp, 'anuitas'));
          for (const i of s.slice(0, -1)) expect(i.total).toBe(a);
          // The last absorbs the rounding of A and of the interests (each off by ≤ ½ rupiah), which
          // compounds at most like the balance does: ≤ n·(1+r)^n rupiah.
          const bound = Math.ceil(months * (1 + rateBp / 10_000) ** months);
          expect(Math.abs((s[months - 1]?.total ?? 0) - a)).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 200 },
    );
  });
});
