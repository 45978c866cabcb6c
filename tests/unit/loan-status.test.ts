import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rupiah } from '../../src/domain/money.ts';
import { addDays } from '../../src/domain/dates.ts';
import { buildSchedule } from '../../src/domain/loans/schedule.ts';
import {
  allocatePayment,
  daysPastDue,
  earlySettlement,
  nextDue,
  suggestedFine,
  unpaidPerInstallment,
  type Repayment,
} from '../../src/domain/loans/status.ts';

// Rp6.000.000 flat, 12 × 1,5 %: 590.000 a month (500.000 + 90.000), due on the 31st clamped.
// Dues: 31 Jan, 28 Feb, 31 Mar, 30 Apr, … 2026. Fine 10 bp (0,1 %) per day.
const schedule = buildSchedule({
  principal: rupiah(6_000_000),
  months: 12,
  rateBp: 150,
  method: 'flat',
  firstDue: '2026-01-31',
});
const FINE_BP = 10;
const pay = (date: string, principal: number, interest: number, fine = 0): Repayment => ({
  date,
  principal: rupiah(principal),
  interest: rupiah(interest),
  fine: rupiah(fine),
});

const firstPaid = pay('2026-01-31', 500_000, 90_000);
const secondPartly = pay('2026-02-28', 210_000, 90_000);

describe('daysPastDue (CONTRACT §5)', () => {
  it('is 0 up to and including the due date, then counts days', () => {
    expect(daysPastDue(schedule, [], '2026-01-15')).toBe(0);
    expect(daysPastDue(schedule, [], '2026-01-31')).toBe(0);
    expect(daysPastDue(schedule, [], '2026-02-01')).toBe(1);
    expect(daysPastDue(schedule, [], '2026-02-15')).toBe(15);
    // Still the 31 Jan installment that is uncovered: 31 Jan → 5 Apr = 64 days.
    expect(daysPastDue(schedule, [], '2026-04-05')).toBe(64);
  });

  it('pools principal and interest into the oldest installments first, with partial payments', () => {
    // 590.000 + 300.000 paid: installment 1 covered, installment 2 short by 290.000 since 28 Feb.
    expect(daysPastDue(schedule, [firstPaid, secondPartly], '2026-03-10')).toBe(10);
    expect(unpaidPerInstallment(schedule, [firstPaid, secondPartly], '2026-03-10').slice(0, 3)).toEqual([
      0, 290_000, 590_000,
    ]);
    // A payment recorded as all interest still counts toward the installment.
    expect(daysPastDue(schedule, [pay('2026-02-01', 1, 589_999)], '2026-02-10')).toBe(0);
    // One rupiah short keeps the installment overdue.
    expect(daysPastDue(schedule, [pay('2026-02-01', 499_999, 90_000)], '2026-02-10')).toBe(10);
  });

  it('ignores repayments dated after the date asked about', () => {
    expect(daysPastDue(schedule, [pay('2026-02-20', 500_000, 90_000)], '2026-02-15')).toBe(15);
    expect(daysPastDue(schedule, [pay('2026-02-20', 500_000, 90_000)], '2026-02-20')).toBe(0);
  });

  it('is 0 once everything is paid', () => {
    expect(daysPastDue(schedule, [pay('2026-03-01', 6_000_000, 1_080_000)], '2027-06-01')).toBe(0);
    expect(nextDue(schedule, [pay('2026-03-01', 6_000_000, 1_080_000)], '2027-06-01')).toBeUndefined();
  });
});

describe('nextDue', () => {
  it('is the earliest installment not fully covered', () => {
    expect(nextDue(schedule, [], '2026-01-01')?.n).toBe(1);
    expect(nextDue(schedule, [firstPaid], '2026-02-01')).toMatchObject({ n: 2, due: '2026-02-28' });
    expect(nextDue(schedule, [firstPaid, secondPartly], '2026-03-10')?.n).toBe(2);
  });
});

describe('suggestedFine', () => {
  it('is unpaid amount × 0,1 % × days late: 590.000 × 15 days = 8.850 (domain.md §1.2)', () => {
    expect(suggestedFine(schedule, [], '2026-02-15', FINE_BP)).toBe(8_850);
    expect(suggestedFine(schedule, [], '2026-01-31', FINE_BP)).toBe(0);
    expect(suggestedFine(schedule, [], '2026-02-15', 0)).toBe(0);
  });

  it('adds up every overdue installment', () => {
    // Installment 2: 290.000 × 36 days (28 Feb → 5 Apr); installment 3: 590.000 × 5 days (31 Mar → 5 Apr).
    // (10 440 000 + 2 950 000) × 10 / 10 000 = 13 390.
    expect(suggestedFine(schedule, [firstPaid, secondPartly], '2026-04-05', FINE_BP)).toBe(13_390);
  });

  it('counts from the latest repayment, which settled (or waived) the fine until then', () => {
    // Paid 100.000 of installment 2 on 10 Mar (with or without a fine); 190.000 left, 10 days since.
    const later = pay('2026-03-10', 100_000, 0, 2_900);
    expect(suggestedFine(schedule, [firstPaid, secondPartly, later], '2026-03-20', FINE_BP)).toBe(1_900);
    const waived = pay('2026-03-10', 100_000, 0, 0);
    expect(suggestedFine(schedule, [firstPaid, secondPartly, waived], '2026-03-20', FINE_BP)).toBe(1_900);
  });

  it('rounds half up once over the total', () => {
    // 590.000 × 1 day × 1 bp / 10 000 = 59 exactly.
    expect(suggestedFine(schedule, [], '2026-02-01', 1)).toBe(59);
    // 5 rupiah unpaid × 1 bp × 1 day = 0,0005 → 0.
    expect(suggestedFine(schedule, [pay('2026-01-31', 500_000, 89_995)], '2026-02-01', 1)).toBe(0);
    // 5 × 1 000 bp × 1 day = 0,5 → 1.
    expect(suggestedFine(schedule, [pay('2026-01-31', 500_000, 89_995)], '2026-02-01', 1_000)).toBe(1);
  });
});

describe('allocatePayment', () => {
  it('pays the fine, then interest and principal of the oldest installment first', () => {
    expect(allocatePayment(rupiah(1_000_000), schedule, [], '2026-02-15', FINE_BP)).toEqual({
      fine: 8_850,
      interest: 180_000,
      principal: 811_150,
      excess: 0,
    });
  });

  it('leaves the fine out when it is waived', () => {
    expect(allocatePayment(rupiah(1_000_000), schedule, [], '2026-02-15', FINE_BP, { waiveFine: true })).toEqual({
      fine: 0,
      interest: 180_000,
      principal: 820_000,
      excess: 0,
    });
  });

  it('puts a small payment on the fine and interest before any principal', () => {
    expect(allocatePayment(rupiah(50_000), schedule, [], '2026-02-15', FINE_BP)).toEqual({
      fine: 8_850,
      interest: 41_150,
      principal: 0,
      excess: 0,
    });
  });

  it('continues after what was already paid, part by part', () => {
    // Installment 1 got all its principal but only 50.000 of its interest.
    const partial = pay('2026-01-31', 500_000, 50_000);
    expect(allocatePayment(rupiah(100_000), schedule, [partial], '2026-01-31', FINE_BP)).toEqual({
      fine: 0,
      interest: 100_000,
      principal: 0,
      excess: 0,
    });
    expect(allocatePayment(rupiah(600_000), schedule, [partial], '2026-01-31', FINE_BP)).toEqual({
      fine: 0,
      interest: 130_000,
      principal: 470_000,
      excess: 0,
    });
  });

  it('returns what is more than the whole loan as excess', () => {
    expect(allocatePayment(rupiah(8_000_000), schedule, [], '2026-01-20', FINE_BP)).toEqual({
      fine: 0,
      interest: 1_080_000,
      principal: 6_000_000,
      excess: 920_000,
    });
  });

  it('always splits the amount exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 700_000 }) }), {
          maxLength: 8,
        }),
        fc.boolean(),
        (amount, asOfDay, paid, waive) => {
          const repayments = paid.map((p) => pay(addDays('2026-01-01', p.day), Math.ceil(p.amount / 2), Math.floor(p.amount / 2)));
          const asOf = addDays('2026-01-01', asOfDay);
          const a = allocatePayment(rupiah(amount), schedule, repayments, asOf, FINE_BP, { waiveFine: waive });
          expect(a.fine + a.interest + a.principal + a.excess).toBe(amount);
          expect(Math.min(a.fine, a.interest, a.principal, a.excess)).toBeGreaterThanOrEqual(0);
          if (waive) expect(a.fine).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('earlySettlement', () => {
  const twoPaid = [firstPaid, pay('2026-02-28', 500_000, 90_000)];

  it('is the remaining principal plus the running month’s interest', () => {
    // Months 1–2 paid; on 15 Mar installment 3’s period (1 Mar – 31 Mar) is running.
    expect(earlySettlement(schedule, twoPaid, '2026-03-15', FINE_BP)).toEqual({
      principal: 5_000_000,
      interest: 90_000,
      fine: 0,
      total: 5_090_000,
    });
    // On installment 3’s due date the next period has not begun yet.
    expect(earlySettlement(schedule, twoPaid, '2026-03-31', FINE_BP).interest).toBe(90_000);
  });

  it('adds overdue interest and the fine once a due date has passed unpaid', () => {
    // 1 Apr: installment 3 (590.000) is 1 day late → fine 590; installment 4’s period began.
    expect(earlySettlement(schedule, twoPaid, '2026-04-01', FINE_BP)).toEqual({
      principal: 5_000_000,
      interest: 180_000,
      fine: 590,
      total: 5_180_590,
    });
  });

  it('owes only the first month’s interest right after disbursement', () => {
    expect(earlySettlement(schedule, [], '2026-01-05', FINE_BP)).toEqual({
      principal: 6_000_000,
      interest: 90_000,
      fine: 0,
      total: 6_090_000,
    });
  });

  it('does not ask again for interest already paid ahead', () => {
    const ahead = [pay('2026-01-31', 500_000, 270_000)];
    expect(earlySettlement(schedule, ahead, '2026-02-10', FINE_BP)).toEqual({
      principal: 5_500_000,
      interest: 0,
      fine: 0,
      total: 5_500_000,
    });
  });
});
