import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBp, divFloor, divRoundHalfUp, floorShare } from '../../src/domain/rounding.ts';
import { rupiah } from '../../src/domain/money.ts';

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

describe('divRoundHalfUp', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(5n, -2n)).toBe(-3n);
    expect(divRoundHalfUp(7n, 3n)).toBe(2n);
    expect(divRoundHalfUp(8n, 3n)).toBe(3n);
    expect(divRoundHalfUp(-8n, 3n)).toBe(-3n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('agrees with exact rational rounding (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.boolean(), (n, d0, neg) => {
        const d = neg ? -d0 : d0;
        const q = divRoundHalfUp(n, d);
        // |n/d − q| ≤ 1/2  ⇔  2|n − q·d| ≤ |d|
        const twiceError = 2n * abs(n - q * d);
        expect(twiceError <= abs(d)).toBe(true);
        // On an exact tie the result is the one farther from zero.
        if (twiceError === abs(d)) expect(abs(q) * abs(d) > abs(n)).toBe(true);
        // Symmetric: round(−x) = −round(x).
        expect(divRoundHalfUp(-n, d)).toBe(-q);
      }),
    );
  });
});

describe('divFloor', () => {
  it('floors toward minus infinity', () => {
    expect(divFloor(7n, 2n)).toBe(3n);
    expect(divFloor(-7n, 2n)).toBe(-4n);
    expect(divFloor(-6n, 2n)).toBe(-3n);
    expect(divFloor(7n, -2n)).toBe(-4n);
  });
});

describe('applyBp', () => {
  it('takes a basis-point share, half up', () => {
    expect(applyBp(rupiah(6_000_000), 150)).toBe(90_000);
    // 5 500 000 × 1,5 % = 82 500 exactly; 5 539 920 × 1,5 % = 83 098,8 → 83 099.
    expect(applyBp(rupiah(5_500_000), 150)).toBe(82_500);
    expect(applyBp(rupiah(5_539_920), 150)).toBe(83_099);
    // 1 × 5 000 bp = 0,5 → 1 (half up); 1 × 4 999 bp = 0,4999 → 0.
    expect(applyBp(rupiah(1), 5_000)).toBe(1);
    expect(applyBp(rupiah(1), 4_999)).toBe(0);
    expect(applyBp(rupiah(-1), 5_000)).toBe(-1);
  });

  it('is exact where a float product would lose digits', () => {
    // 999 999 999 999 999 × 3 333 / 10 000 = 333 299 999 999 999,6667 → …000 (the float product is 3,33e18 > 2^53).
    expect(applyBp(rupiah(999_999_999_999_999), 3_333)).toBe(333_300_000_000_000);
  });

  it('agrees with the exact rational (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
        const got = BigInt(applyBp(rupiah(a), bp));
        const exact = BigInt(a) * BigInt(bp);
        expect(2n * abs(exact - got * 10_000n) <= 10_000n).toBe(true);
      }),
    );
  });
});

describe('floorShare', () => {
  it('floors the share and gives 0 when nobody has a basis', () => {
    expect(floorShare(rupiah(12_000_000), 2_000_000n, 100_000_000n)).toBe(240_000);
    expect(floorShare(rupiah(246_913), 1n, 3n)).toBe(82_304);
    expect(floorShare(rupiah(1_000), 5n, 0n)).toBe(0);
    expect(() => floorShare(rupiah(1_000), 5n, -1n)).toThrow(RangeError);
  });

  it('gives the same share from safe integers as from BigInts, on both sides of 2^53 (property)', () => {
    // The products range from small to far past 2^53 (pool and whole up to Rp10^15), so both the
    // Number path and the BigInt fallback are taken.
    const magnitude = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 1_000_000_000_000_000 }));
    fc.assert(
      fc.property(magnitude, magnitude, magnitude, fc.boolean(), (pool, partSeed, whole0, negativePool) => {
        const whole = Math.min(whole0 + 1, 1_000_000_000_000_000);
        const part = partSeed % (whole + 1);
        const signedPool = rupiah(negativePool ? -pool : pool);
        const share = floorShare(signedPool, part, whole);
        expect(share).toBe(floorShare(signedPool, BigInt(part), BigInt(whole)));
        expect(Object.is(share, -0)).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });

  it('stays exact where a floating-point floor would not: products at and past 2^53', () => {
    // 2^53 − 1 = 9 007 199 254 740 991 = 6 361 × 69 431 × 20 394 401: the largest product done in Number arithmetic.
    expect(floorShare(rupiah(6_361 * 69_431), 20_394_401, 20_394_401)).toBe(6_361 * 69_431);
    // pool − pool / whole = 441 650 591 − 21,66 → 441 650 569.
    expect(floorShare(rupiah(6_361 * 69_431), 20_394_400, 20_394_401)).toBe(441_650_569);
    // Past 2^53 the double product would be rounded; the BigInt fallback keeps the floor exact.
    expect(floorShare(rupiah(900_719_925_474_099), 11, 11)).toBe(900_719_925_474_099);
    expect(floorShare(rupiah(1_000_000_000_000_000), 999_999_999_999_999, 1_000_000_000_000_000)).toBe(999_999_999_999_999);
    expect(floorShare(rupiah(999_999_999_999_999), 999_999_999_999_998, 999_999_999_999_999)).toBe(999_999_999_999_998);
    expect(floorShare(rupiah(1_000), 5, 0)).toBe(0);
    expect(() => floorShare(rupiah(1_000), 5, -1)).toThrow(RangeError);
    expect(() => floorShare(rupiah(1_000), 0.5, 2)).toThrow(RangeError);
  });

  it('is the exact floor (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (pool, whole, partSeed) => {
          const part = partSeed % (whole + 1n);
          const share = BigInt(floorShare(rupiah(pool), part, whole));
          expect(share * whole <= BigInt(pool) * part).toBe(true);
          expect((share + 1n) * whole > BigInt(pool) * part).toBe(true);
          expect(share <= BigInt(pool)).toBe(true);
        },
      ),
    );
  });
});
