import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rupiah, type Rupiah } from '../../src/domain/money.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import { entryDataSchemas } from '../../src/domain/entry/schema.ts';
import {
  allocateShu,
  computeShu,
  DEFAULT_SHU_ALLOCATION,
  parseShuAllocation,
  SHU_FUNDS,
  yearClosedData,
  type MemberBasis,
  type ShuAllocation,
  type ShuFund,
} from '../../src/domain/shu.ts';

const member = (n: number): MemberId => `01930000-0000-7000-8000-${String(n).padStart(12, '0')}` as MemberId;
const basis = (n: number, capital: number, patronage: number): MemberBasis => ({
  memberId: member(n),
  capitalBasis: rupiah(capital),
  patronageBasis: rupiah(patronage),
});
const amountOf = (funds: readonly { fund: ShuFund; amount: Rupiah }[], fund: ShuFund) =>
  funds.find((f) => f.fund === fund)?.amount;

describe('parseShuAllocation', () => {
  it('accepts the default and any split of exactly 10 000 bp', () => {
    expect(parseShuAllocation(DEFAULT_SHU_ALLOCATION)).toEqual(DEFAULT_SHU_ALLOCATION);
    const own = { ...DEFAULT_SHU_ALLOCATION, jasa_modal: 2_500, jasa_anggota: 1_500 };
    expect(parseShuAllocation(own)).toEqual(own);
  });

  it('refuses a split that sums to 105 % (a published AD/ART example), fractions, negatives, missing funds', () => {
    expect(parseShuAllocation({ ...DEFAULT_SHU_ALLOCATION, sosial: 1_000 })).toBeUndefined();
    expect(parseShuAllocation({ ...DEFAULT_SHU_ALLOCATION, sosial: 499.5, pendidikan: 500.5 })).toBeUndefined();
    expect(parseShuAllocation({ ...DEFAULT_SHU_ALLOCATION, sosial: -500, cadangan: 5_000 })).toBeUndefined();
    const { sosial: _dropped, ...missing } = DEFAULT_SHU_ALLOCATION;
    expect(parseShuAllocation({ ...missing, cadangan: 4_500 })).toBeUndefined();
    expect(parseShuAllocation({ ...DEFAULT_SHU_ALLOCATION, lainnya: 0 })).toBeUndefined();
    expect(parseShuAllocation('40/20/20/5/5/5/5')).toBeUndefined();
  });
});

describe('allocateShu (CONTRACT §6)', () => {
  it('splits Rp60.000.000 by the default allocation (domain.md §1.4)', () => {
    const funds = allocateShu(rupiah(60_000_000), DEFAULT_SHU_ALLOCATION);
    expect(funds.map((f) => [f.fund, f.bp, f.amount])).toEqual([
      ['cadangan', 4_000, 24_000_000],
      ['jasa_modal', 2_000, 12_000_000],
      ['jasa_anggota', 2_000, 12_000_000],
      ['pengurus', 500, 3_000_000],
      ['karyawan', 500, 3_000_000],
      ['pendidikan', 500, 3_000_000],
      ['sosial', 500, 3_000_000],
    ]);
  });

  it('rounds each fund half up and gives the difference to cadangan', () => {
    // 1.234.567: jasa 246.913,4 → 246.913 (×2); the 5 % funds 61.728,35 → 61.728 (×4);
    // cadangan = 1.234.567 − 740.738 = 493.829 (its exact share is 493.826,8).
    const funds = allocateShu(rupiah(1_234_567), DEFAULT_SHU_ALLOCATION);
    expect(funds.map((f) => f.amount)).toEqual([493_829, 246_913, 246_913, 61_728, 61_728, 61_728, 61_728]);
  });

  it('distributes nothing from a loss or a zero SHU', () => {
    expect(allocateShu(rupiah(-5_000_000), DEFAULT_SHU_ALLOCATION).every((f) => f.amount === 0)).toBe(true);
    expect(allocateShu(rupiah(0), DEFAULT_SHU_ALLOCATION).every((f) => f.amount === 0)).toBe(true);
  });

  it('never makes cadangan negative when it has (almost) no share', () => {
    const noReserve: ShuAllocation = {
      cadangan: 0,
      jasa_modal: 0,
      jasa_anggota: 0,
      pengurus: 5_000,
      karyawan: 0,
      pendidikan: 0,
      sosial: 5_000,
    };
    // Rp1 × 50 % = 0,5 rounds up to 1 for both funds: 2 > 1, so pengurus is rounded down instead.
    const funds = allocateShu(rupiah(1), noReserve);
    expect([amountOf(funds, 'pengurus'), amountOf(funds, 'sosial'), amountOf(funds, 'cadangan')]).toEqual([0, 1, 0]);
  });
});

describe('computeShu', () => {
  it('reproduces Bu Siti’s Rp1.040.000 (domain.md §1.4)', () => {
    // Bu Siti: pokok+wajib 2.000.000 of 100.000.000, jasa 5.000.000 of 75.000.000.
    const result = computeShu(2026, rupiah(60_000_000), DEFAULT_SHU_ALLOCATION, [
      basis(2, 98_000_000, 70_000_000),
      basis(1, 2_000_000, 5_000_000),
    ]);
    expect(result.members).toEqual([
      { memberId: member(1), capitalBasis: 2_000_000, patronageBasis: 5_000_000, capital: 240_000, patronage: 800_000, total: 1_040_000 },
      { memberId: member(2), capitalBasis: 98_000_000, patronageBasis: 70_000_000, capital: 11_760_000, patronage: 11_200_000, total: 22_960_000 },
    ]);
    expect(result.remainder).toBe(0);
  });

  it('floors member shares and reports the leftover as remainder, in memberId order', () => {
    const result = computeShu(2026, rupiah(1_234_567), DEFAULT_SHU_ALLOCATION, [
      basis(3, 1_000, 7),
      basis(1, 1_000, 7),
      basis(2, 1_000, 7),
    ]);
    // 246.913 / 3 = 82.304,33 → 82.304 each, for both pools: remainder 1 + 1.
    expect(result.members.map((m) => [m.memberId, m.capital, m.patronage])).toEqual([
      [member(1), 82_304, 82_304],
      [member(2), 82_304, 82_304],
      [member(3), 82_304, 82_304],
    ]);
    expect(result.remainder).toBe(2);
    expect(yearClosedData(result)).toEqual({
      year: 2026,
      shu: 1_234_567,
      funds: [
        { fund: 'cadangan', amount: 493_831 },
        { fund: 'pengurus', amount: 61_728 },
        { fund: 'karyawan', amount: 61_728 },
        { fund: 'pendidikan', amount: 61_728 },
        { fund: 'sosial', amount: 61_728 },
      ],
      members: [1, 2, 3].map((n) => ({ memberId: member(n), capital: 82_304, patronage: 82_304 })),
    });
  });

  it('gives nothing for a zero or negative basis, and a pool nobody earned goes to the remainder', () => {
    const result = computeShu(2026, rupiah(10_000_000), DEFAULT_SHU_ALLOCATION, [
      basis(1, 3_000_000, 0),
      basis(2, 0, 0),
      basis(3, -50_000, 0),
    ]);
    expect(result.members.map((m) => [m.capital, m.patronage, m.total])).toEqual([
      [2_000_000, 0, 2_000_000],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.remainder).toBe(2_000_000);
    const data = yearClosedData(result);
    expect(data.members).toEqual([{ memberId: member(1), capital: 2_000_000, patronage: 0 }]);
    expect(data.funds[0]).toEqual({ fund: 'cadangan', amount: 4_000_000 + 2_000_000 });
  });

  it('closes a loss year with no funds and no members', () => {
    const result = computeShu(2026, rupiah(-1_500_000), DEFAULT_SHU_ALLOCATION, [basis(1, 1_000_000, 10_000)]);
    expect(result.members[0]?.total).toBe(0);
    expect(result.remainder).toBe(0);
    expect(yearClosedData(result)).toEqual({ year: 2026, shu: -1_500_000, funds: [], members: [] });
  });

  it('shares exactly when the bases add up past 2^53 (the sums and products fall back to BigInt)', () => {
    // Ten members at MAX_RUPIAH of capital: Σ = 10^16 > 2^53, the pool × basis products 10^29.
    const members = Array.from({ length: 10 }, (_, k) => basis(k + 1, 1_000_000_000_000_000 - k, k * 7_919));
    const allocation = { cadangan: 6_000, jasa_modal: 2_000, jasa_anggota: 2_000, pengurus: 0, karyawan: 0, pendidikan: 0, sosial: 0 };
    const result = computeShu(2026, rupiah(987_654_321_987_654), allocation, members);
    const jasaModal = BigInt(amountOf(result.funds, 'jasa_modal') ?? 0);
    const jasaAnggota = BigInt(amountOf(result.funds, 'jasa_anggota') ?? 0);
    const capitalWhole = members.reduce((sum, m) => sum + BigInt(m.capitalBasis), 0n);
    const patronageWhole = members.reduce((sum, m) => sum + BigInt(m.patronageBasis), 0n);
    expect(capitalWhole > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const [k, share] of result.members.entries()) {
      const m = members[k];
      if (m === undefined) throw new Error('a member too many');
      expect(share.memberId).toBe(m.memberId);
      expect(BigInt(share.capital)).toBe((jasaModal * BigInt(m.capitalBasis)) / capitalWhole);
      expect(BigInt(share.patronage)).toBe((jasaAnggota * BigInt(m.patronageBasis)) / patronageWhole);
      expect(share.total).toBe(share.capital + share.patronage);
    }
  });

  it('refuses the same member twice', () => {
    expect(() => computeShu(2026, rupiah(1_000), DEFAULT_SHU_ALLOCATION, [basis(1, 1, 1), basis(1, 2, 2)])).toThrow(
      RangeError,
    );
  });
});

describe('SHU properties', () => {
  // Seven non-negative integers summing to 10 000, from six cut points.
  const allocation = fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 })
    .map((cuts): ShuAllocation => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      const bps = SHU_FUNDS.map((_, k) => (points[k + 1] ?? 0) - (points[k] ?? 0));
      return Object.fromEntries(SHU_FUNDS.map((fund, k) => [fund, bps[k] ?? 0])) as ShuAllocation;
    });
  const bases = fc.uniqueArray(
    fc.record({
      n: fc.integer({ min: 1, max: 10_000 }),
      capital: fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
      patronage: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 })),
    }),
    { selector: (m) => m.n, maxLength: 40 },
  );

  it('funds sum to SHU, shares stay within pools, shares + remainder = pools, the entry balances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000_000_000 }),
        allocation,
        bases,
        (shu, alloc, members) => {
          expect(parseShuAllocation(alloc)).toEqual(alloc);
          const result = computeShu(2026, rupiah(shu), alloc, members.map((m) => basis(m.n, m.capital, m.patronage)));
          const fundTotal = result.funds.reduce((s, f) => s + f.amount, 0);
          expect(result.funds.every((f) => f.amount >= 0)).toBe(true);
          expect(fundTotal).toBe(shu > 0 ? shu : 0);
          const pools = (amountOf(result.funds, 'jasa_modal') ?? 0) + (amountOf(result.funds, 'jasa_anggota') ?? 0);
          const capital = result.members.reduce((s, m) => s + m.capital, 0);
          const patronage = result.members.reduce((s, m) => s + m.patronage, 0);
          expect(capital).toBeLessThanOrEqual(amountOf(result.funds, 'jasa_modal') ?? 0);
          expect(patronage).toBeLessThanOrEqual(amountOf(result.funds, 'jasa_anggota') ?? 0);
          expect(capital + patronage + result.remainder).toBe(pools);
          expect(result.remainder).toBeGreaterThanOrEqual(0);
          // Flooring loses less than a rupiah per member per pool; a pool nobody earned is left whole.
          const earners = (pick: (m: (typeof members)[number]) => number) => members.filter((m) => pick(m) > 0).length;
          const capitalEarners = earners((m) => m.capital);
          const patronageEarners = earners((m) => m.patronage);
          const leftover =
            (capitalEarners > 0 ? capitalEarners - 1 : (amountOf(result.funds, 'jasa_modal') ?? 0)) +
            (patronageEarners > 0 ? patronageEarners - 1 : (amountOf(result.funds, 'jasa_anggota') ?? 0));
          expect(result.remainder).toBeLessThanOrEqual(leftover);
          const ids = result.members.map((m) => m.memberId);
          expect(ids).toEqual([...ids].sort());

          const data = yearClosedData(result);
          expect(entryDataSchemas['year.closed'].safeParse(data).success).toBe(true);
          const credited =
            data.funds.reduce((s, f) => s + f.amount, 0) + data.members.reduce((s, m) => s + m.capital + m.patronage, 0);
          expect(credited).toBe(shu > 0 ? shu : 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
