import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveLines, MissingOriginalError, reverseLines, sameLines, type EntryBody } from '../../src/domain/entry/lines.ts';
import type { JournalLine } from '../../src/domain/entry/schema.ts';
import { rupiah } from '../../src/domain/money.ts';
import { LOAN, MEMBER } from './entry-test-kit.ts';

/** Lines written as the treasurer's book would: D account amount / K account amount. */
const D = (account: string, amount: number): JournalLine => ({ account, debit: rupiah(amount), credit: rupiah(0) });
const K = (account: string, amount: number): JournalLine => ({ account, debit: rupiah(0), credit: rupiah(amount) });
const body = (b: unknown): EntryBody => b as EntryBody;
const R = rupiah;

describe('deriveLines (CONTRACT §3) — worked examples', () => {
  it('savings deposit: D via / K kind', () => {
    expect(deriveLines(body({ type: 'savings.deposited', data: { memberId: MEMBER, kind: 'wajib', amount: R(20_000), via: 'cash' } }))).toEqual([
      D('1-101', 20_000),
      K('3-102', 20_000),
    ]);
    expect(deriveLines(body({ type: 'savings.deposited', data: { memberId: MEMBER, kind: 'pokok', amount: R(100_000), via: 'qris' } }))).toEqual([
      D('1-103', 100_000),
      K('3-101', 100_000),
    ]);
  });

  it('savings withdrawal: D kind / K via (sukarela is a liability, 2-101)', () => {
    expect(deriveLines(body({ type: 'savings.withdrawn', data: { memberId: MEMBER, kind: 'sukarela', amount: R(50_000), via: 'bank' } }))).toEqual([
      D('2-101', 50_000),
      K('1-102', 50_000),
    ]);
  });

  it('loan disbursement withholds the admin fee: 5.000.000 with 1% fee pays out 4.950.000', () => {
    const data = {
      loanId: LOAN, memberId: MEMBER, principal: R(5_000_000), months: 12, rateBp: 150, method: 'flat',
      firstDue: '2026-12-29', adminFee: R(50_000), fineBpPerDay: 10, via: 'cash',
    };
    expect(deriveLines(body({ type: 'loan.disbursed', data }))).toEqual([D('1-110', 5_000_000), K('1-101', 4_950_000), K('4-102', 50_000)]);
    // No fee, no fee line (zero-amount lines are omitted).
    expect(deriveLines(body({ type: 'loan.disbursed', data: { ...data, adminFee: R(0) } }))).toEqual([D('1-110', 5_000_000), K('1-101', 5_000_000)]);
  });

  it('loan repayment: D via total / K 1-110 principal / K 4-101 interest / K 4-103 fine', () => {
    // Installment 1 of a flat 5.000.000 / 12 months / 1.5%: principal 416.666, interest 75.000; 2 days late at 0.1%/day.
    const data = { loanId: LOAN, memberId: MEMBER, principal: R(416_666), interest: R(75_000), fine: R(983), via: 'qris' };
    expect(deriveLines(body({ type: 'loan.repaid', data }))).toEqual([
      D('1-103', 492_649),
      K('1-110', 416_666),
      K('4-101', 75_000),
      K('4-103', 983),
    ]);
    expect(deriveLines(body({ type: 'loan.repaid', data: { ...data, interest: R(0), fine: R(0) } }))).toEqual([D('1-103', 416_666), K('1-110', 416_666)]);
  });

  it('cash received, paid and transferred', () => {
    expect(deriveLines(body({ type: 'cash.received', data: { account: '4-110', amount: R(125_000), via: 'cash', memo: 'Penjualan beras' } }))).toEqual([
      D('1-101', 125_000),
      K('4-110', 125_000),
    ]);
    expect(deriveLines(body({ type: 'cash.paid', data: { account: '5-150', amount: R(35_000), via: 'bank', memo: 'ATK' } }))).toEqual([
      D('5-150', 35_000),
      K('1-102', 35_000),
    ]);
    expect(deriveLines(body({ type: 'cash.transferred', data: { from: 'cash', to: 'bank', amount: R(1_000_000) } }))).toEqual([
      D('1-102', 1_000_000),
      K('1-101', 1_000_000),
    ]);
  });

  it('a reversal mirrors the original, in its order', () => {
    const original = [D('1-110', 5_000_000), K('1-101', 4_950_000), K('4-102', 50_000)];
    const reversal = body({ type: 'entry.reversed', data: { entryId: '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b', reason: 'Salah input' } });
    expect(deriveLines(reversal, original)).toEqual([K('1-110', 5_000_000), D('1-101', 4_950_000), D('4-102', 50_000)]);
    expect(() => deriveLines(reversal)).toThrow(MissingOriginalError);
    expect(reverseLines(reverseLines(original))).toEqual(original);
  });

  it('year close: SHU 10.000.000 split by the default allocation, flooring remainder in cadangan', () => {
    // cadangan 40% = 4.000.000 + remainder 1; four funds 5% = 500.000; members' shares total 3.999.999.
    const data = {
      year: 2026,
      shu: R(10_000_000),
      funds: [
        { fund: 'cadangan', amount: R(4_000_001) },
        { fund: 'pengurus', amount: R(500_000) },
        { fund: 'karyawan', amount: R(500_000) },
        { fund: 'pendidikan', amount: R(500_000) },
        { fund: 'sosial', amount: R(500_000) },
      ],
      members: [
        { memberId: MEMBER, capital: R(1_333_333), patronage: R(1_200_000) },
        { memberId: '0193a1c0-0000-7000-8000-00000000000b', capital: R(666_666), patronage: R(800_000) },
      ],
    };
    const lines = deriveLines(body({ type: 'year.closed', data }));
    expect(lines).toEqual([
      D('3-130', 10_000_000),
      K('3-110', 4_000_001),
      K('2-141', 500_000),
      K('2-142', 500_000),
      K('2-143', 500_000),
      K('2-144', 500_000),
      K('2-150', 3_999_999),
    ]);
    expect(lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
  });

  it('a year with no profit or a loss closes without lines', () => {
    for (const shu of [0, -2_500_000]) {
      expect(deriveLines(body({ type: 'year.closed', data: { year: 2026, shu: R(shu), funds: [], members: [] } }))).toEqual([]);
    }
  });

  it('types without money have no lines', () => {
    expect(deriveLines(body({ type: 'member.joined', data: { memberId: MEMBER, number: 'A-001', name: 'Siti Aminah', joinedOn: '2026-01-05' } }))).toEqual([]);
    expect(deriveLines(body({ type: 'member.left', data: { memberId: MEMBER, leftOn: '2026-11-01' } }))).toEqual([]);
    expect(deriveLines(body({ type: 'account.added', data: { code: '4-120', name: 'Pendapatan sewa', type: 'revenue' } }))).toEqual([]);
    expect(deriveLines(body({ type: 'settings.changed', data: { key: 'shuAllocation', value: { cadangan: 4000 } } }))).toEqual([]);
  });
});

describe('sameLines compares as a multiset', () => {
  const lines = [D('1-103', 492_649), K('1-110', 416_666), K('4-101', 75_000), K('4-103', 983)];
  it('ignores order, not content', () => {
    expect(sameLines(lines, [...lines].reverse())).toBe(true);
    expect(sameLines(lines, lines.slice(1))).toBe(false);
    expect(sameLines(lines, [...lines.slice(0, 3), K('4-103', 984)])).toBe(false);
    expect(sameLines(lines, [...lines.slice(0, 3), D('4-103', 983)])).toBe(false);
    expect(sameLines([D('1-101', 1), D('1-101', 1), K('3-102', 2)], [D('1-101', 2), K('3-102', 1), K('3-102', 1)])).toBe(false);
  });
});

describe('derived lines always balance', () => {
  const amount = fc.integer({ min: 1, max: 1_000_000_000_000 });
  const via = fc.constantFrom('cash', 'bank', 'qris');
  const kind = fc.constantFrom('pokok', 'wajib', 'sukarela');
  const money = fc.oneof(
    fc.record({ type: fc.constantFrom('savings.deposited', 'savings.withdrawn'), data: fc.record({ memberId: fc.constant(MEMBER), kind, amount, via }) }),
    fc.record({
      type: fc.constant('loan.repaid'),
      data: fc.record({ loanId: fc.constant(LOAN), memberId: fc.constant(MEMBER), principal: amount, interest: fc.nat({ max: 10 ** 12 }), fine: fc.nat({ max: 10 ** 9 }), via }),
    }),
    amount.chain((principal) =>
      fc.record({
        type: fc.constant('loan.disbursed'),
        data: fc.record({
          loanId: fc.constant(LOAN), memberId: fc.constant(MEMBER), principal: fc.constant(principal), months: fc.constant(12),
          rateBp: fc.constant(150), method: fc.constant('flat'), firstDue: fc.constant('2026-12-01'),
          adminFee: fc.integer({ min: 0, max: principal - 1 }), fineBpPerDay: fc.constant(0), via,
        }),
      }),
    ),
  );
  it('for any savings or loan movement: Σdebit = Σcredit, one side per line, no zero lines', () => {
    fc.assert(
      fc.property(money, (b) => {
        const lines = deriveLines(body(b));
        expect(lines.length).toBeGreaterThanOrEqual(2);
        let balance = 0;
        for (const l of lines) {
          expect((l.debit === 0) !== (l.credit === 0)).toBe(true);
          balance += l.debit - l.credit;
        }
        expect(balance).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
