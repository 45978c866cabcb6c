import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RUPIAH, rupiah } from '../../src/domain/money.ts';
import { formatRupiah, formatThousands } from '../../src/domain/money-format.ts';

describe('formatRupiah / formatThousands', () => {
  it.each([
    [0, 'Rp0'],
    [5, 'Rp5'],
    [999, 'Rp999'],
    [1_000, 'Rp1.000'],
    [20_000, 'Rp20.000'],
    [1_500_000, 'Rp1.500.000'],
    [123_456_789, 'Rp123.456.789'],
    [MAX_RUPIAH, 'Rp1.000.000.000.000.000'],
    [-1_500, '-Rp1.500'],
    [-999, '-Rp999'],
  ])('%d → %s', (n, text) => {
    expect(formatRupiah(rupiah(n))).toBe(text);
  });

  it('groups plain numbers and BigInts beyond 2^53', () => {
    expect(formatThousands(1234567)).toBe('1.234.567');
    expect(formatThousands(-1234)).toBe('-1.234');
    expect(formatThousands(-0)).toBe('0');
    expect(formatThousands(12345678901234567890n)).toBe('12.345.678.901.234.567.890');
    expect(() => formatThousands(1.5)).toThrow(RangeError);
    expect(() => formatThousands(Number.NaN)).toThrow(RangeError);
  });

  it('removing the dots gives back the digits, and every group but the first has three digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_RUPIAH, max: MAX_RUPIAH }), (n) => {
        const text = formatThousands(n);
        expect(Number(text.replaceAll('.', ''))).toBe(n);
        const groups = text.replace('-', '').split('.');
        expect(groups.slice(1).every((g) => g.length === 3)).toBe(true);
        expect(groups[0]?.length).toBeGreaterThanOrEqual(1);
        expect(groups[0]?.length).toBeLessThanOrEqual(3);
      }),
    );
  });
});
