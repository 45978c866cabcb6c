import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RUPIAH } from '../../src/domain/money.ts';
import { terbilang, terbilangAngka } from '../../src/domain/terbilang.ts';

/**
 * An independent reader for Indonesian number words (a different algorithm from the writer): every
 * number must read back to itself, which pins the words down without a hand-written table for each.
 */
function readWords(text: string): bigint {
  const DIGITS: Record<string, bigint> = {
    satu: 1n, dua: 2n, tiga: 3n, empat: 4n, lima: 5n, enam: 6n, tujuh: 7n, delapan: 8n, sembilan: 9n,
  };
  const SCALES: Record<string, bigint> = { ribu: 1_000n, juta: 1_000_000n, miliar: 1_000_000_000n };
  let total = 0n;
  let group = 0n;
  let digit = 0n;
  const tokens = text.split(' ');
  const negative = tokens[0] === 'minus';
  for (const token of negative ? tokens.slice(1) : tokens) {
    const d = DIGITS[token];
    const scale = SCALES[token];
    if (d !== undefined) digit = d;
    else if (token === 'sepuluh') group += 10n;
    else if (token === 'sebelas') group += 11n;
    else if (token === 'seratus') group += 100n;
    else if (token === 'seribu') group += 1_000n;
    else if (token === 'belas') [group, digit] = [group + 10n + digit, 0n];
    else if (token === 'puluh') [group, digit] = [group + 10n * digit, 0n];
    else if (token === 'ratus') [group, digit] = [group + 100n * digit, 0n];
    else if (scale !== undefined) [total, group, digit] = [total + (group + digit) * scale, 0n, 0n];
    else if (token === 'triliun') [total, group, digit] = [(total + group + digit) * 1_000_000_000_000n, 0n, 0n];
    else if (token === 'nol') return 0n;
    else throw new Error(`unknown word ${token}`);
  }
  const n = total + group + digit;
  return negative ? -n : n;
}

describe('terbilang', () => {
  it.each([
    [0, 'nol rupiah'],
    [1, 'satu rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [19, 'sembilan belas rupiah'],
    [20, 'dua puluh rupiah'],
    [21, 'dua puluh satu rupiah'],
    [100, 'seratus rupiah'],
    [101, 'seratus satu rupiah'],
    [110, 'seratus sepuluh rupiah'],
    [111, 'seratus sebelas rupiah'],
    [250, 'dua ratus lima puluh rupiah'],
    [1_000, 'seribu rupiah'],
    [1_001, 'seribu satu rupiah'],
    [1_100, 'seribu seratus rupiah'],
    [1_111, 'seribu seratus sebelas rupiah'],
    [2_000, 'dua ribu rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [20_000, 'dua puluh ribu rupiah'],
    [101_000, 'seratus satu ribu rupiah'],
    [121_000, 'seratus dua puluh satu ribu rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [1_001_000, 'satu juta seribu rupiah'],
    [1_500_000, 'satu juta lima ratus ribu rupiah'],
    [2_750_500, 'dua juta tujuh ratus lima puluh ribu lima ratus rupiah'],
    [1_000_000_000, 'satu miliar rupiah'],
    [1_000_000_000_000, 'satu triliun rupiah'],
    [2_000_000_001_000, 'dua triliun seribu rupiah'],
    [MAX_RUPIAH, 'seribu triliun rupiah'],
    [-1_500, 'minus seribu lima ratus rupiah'],
  ])('%d → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('spells the largest safe integer and BigInts', () => {
    expect(readWords(terbilangAngka(Number.MAX_SAFE_INTEGER))).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    expect(terbilangAngka(5_000_000_000_000_000n)).toBe('lima ribu triliun');
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });

  it('reads back to the same number, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_RUPIAH, max: MAX_RUPIAH }), (n) => {
        expect(readWords(terbilangAngka(n))).toBe(BigInt(n));
      }),
      { numRuns: 1_000 },
    );
  });

  it('never says "satu ratus", "satu puluh", "satu belas" or a bare "satu ribu"', () => {
    const small = fc.integer({ min: 1, max: 2_000_000 });
    const any = fc.integer({ min: 1, max: MAX_RUPIAH });
    fc.assert(
      fc.property(fc.oneof(small, any), (n) => {
        const words = terbilangAngka(n);
        expect(words).not.toMatch(/\bsatu (ratus|puluh|belas)\b/);
        expect(words).not.toMatch(/\bnol\b/);
        expect(words).not.toMatch(/\bsejuta\b/);
        // "satu ribu" is right only inside a larger group: "seratus satu ribu", "dua puluh satu ribu".
        for (const m of words.matchAll(/(\S+) satu ribu/g)) expect(['ratus', 'puluh', 'seratus']).toContain(m[1]);
        expect(words.startsWith('satu ribu')).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});
