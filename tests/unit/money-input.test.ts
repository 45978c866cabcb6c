import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RUPIAH, rupiah } from '../../src/domain/money.ts';
import { formatRupiah, formatThousands } from '../../src/domain/money-format.ts';
import { parseRupiahInput, type MoneyInputError } from '../../src/domain/money-input.ts';

const value = (text: string): number | MoneyInputError => {
  const r = parseRupiahInput(text);
  return r.ok ? r.value : r.error;
};

describe('parseRupiahInput: what treasurers type', () => {
  it.each([
    ['1500000', 1_500_000],
    ['1.500.000', 1_500_000],
    ['Rp1.500.000', 1_500_000],
    ['Rp 1.500.000', 1_500_000],
    ['rp. 1.500.000', 1_500_000],
    ['IDR 1.500.000', 1_500_000],
    ['  Rp1.500.000,-  ', 1_500_000],
    ['1.500.000,00', 1_500_000],
    ['1,5jt', 1_500_000],
    ['1,5 juta', 1_500_000],
    ['1,5 JT', 1_500_000],
    ['2jt', 2_000_000],
    ['150rb', 150_000],
    ['150 ribu', 150_000],
    ['150k', 150_000],
    ['1,25rb', 1_250],
    ['2,75 juta', 2_750_000],
    ['1.250rb', 1_250_000],
    ['2 miliar', 2_000_000_000],
    ['1,000001jt', 1_000_001],
    ['7', 7],
    ['007', 7],
    ['1.000.000.000.000.000', MAX_RUPIAH],
  ])('%j → %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['Rp', 'not-a-number'],
    ['1 500', 'not-a-number'],
    ['1,jt', 'not-a-number'],
    [',5jt', 'not-a-number'],
    ['5 dolar', 'not-a-number'],
    ['1.5jt', 'use-decimal-comma'],
    ['1500.00', 'use-decimal-comma'],
    ['1.50.000', 'bad-grouping'],
    ['1.5000', 'bad-grouping'],
    ['1,500,000', 'bad-grouping'],
    ['12,5', 'fraction'],
    ['1,2345rb', 'fraction'],
    ['1.500,50', 'fraction'],
    ['-5000', 'negative'],
    ['Rp -5.000', 'negative'],
    ['-Rp5.000', 'negative'],
    ['0', 'zero'],
    ['0,00', 'zero'],
    ['-0', 'zero'],
    ['1.000.000.000.000.001', 'too-large'],
    ['1001 triliun', 'not-a-number'],
    ['1000001 miliar', 'too-large'],
    ['99999999999999999999999', 'too-large'],
    ['1,5m', 'not-a-number'],
  ])('%j is refused: %s', (text, error) => {
    expect(value(text)).toBe(error);
  });

  it('zero is accepted only where the caller allows it (adminFee, interest, fine)', () => {
    expect(parseRupiahInput('0', { allowZero: true })).toEqual({ ok: true, value: 0 });
    expect(parseRupiahInput('Rp0', { allowZero: true })).toEqual({ ok: true, value: 0 });
  });

  it('parses what formatRupiah and formatThousands print, for any positive amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_RUPIAH }), (n) => {
        expect(parseRupiahInput(formatRupiah(rupiah(n)))).toEqual({ ok: true, value: n });
        expect(parseRupiahInput(formatThousands(n))).toEqual({ ok: true, value: n });
        expect(parseRupiahInput(String(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 500 },
    );
  });

  it('reads "x,y jt" as x·10^6 + y scaled, with integer arithmetic only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999 }), (whole, sen) => {
        fc.pre(whole > 0 || sen > 0);
        const fraction = String(sen).padStart(6, '0');
        expect(value(`${String(whole)},${fraction}jt`)).toBe(whole * 1_000_000 + sen);
      }),
      { numRuns: 300 },
    );
  });
});
