// The benchmarks judge "median ≤ goal" with the median's distribution-free interval
// (bench/support/stats.ts); these are its order statistics and exact coverages.
import { describe, expect, it } from 'vitest';
import { allOf, medianInterval, medianWithin, summarize } from '../../bench/support/stats.ts';

const runs = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('medianInterval', () => {
  it('takes the 4th and 12th of 15 runs, covering 96.5 %', () => {
    const ci = medianInterval(runs(15));
    expect(ci).toEqual({ lo: 4, hi: 12, coverage: 1 - (2 * 576) / 32_768 });
    expect(ci?.coverage).toBeCloseTo(0.9648, 4);
  });

  it('takes the 6th and 15th of 20 runs', () => {
    // P(X ≤ 5) = 21 700 / 2²⁰ ≈ 0.0207 ≤ 0.025 < P(X ≤ 6) ≈ 0.0577
    const ci = medianInterval(runs(20));
    expect([ci?.lo, ci?.hi]).toEqual([6, 15]);
    expect(ci?.coverage).toBeCloseTo(1 - (2 * 21_700) / 2 ** 20, 10);
  });

  it('gives the extremes of 6 runs, and nothing for 5: no interval of 5 reaches 95 %', () => {
    expect(medianInterval(runs(6))).toEqual({ lo: 1, hi: 6, coverage: 1 - 2 / 64 });
    expect(medianInterval(runs(5))).toBeUndefined();
    expect(medianInterval([])).toBeUndefined();
  });

  it('is what summarize attaches, on the runs sorted', () => {
    const summary = summarize([9, 1, 8, 2, 7, 3, 6, 4, 5, 15, 14, 13, 12, 11, 10]);
    expect(summary.median).toBe(8);
    expect(summary.medianCi).toEqual(medianInterval(runs(15)));
  });
});

describe('medianWithin', () => {
  it('is met only when the whole interval is within the limit, missed only when all of it is beyond', () => {
    const ratios = summarize([1.31, 1.35, 1.38, 1.4, 1.41, 1.42, 1.43, 1.43, 1.44, 1.45, 1.47, 1.49, 1.52, 1.6, 1.7]);
    // interval: the 4th and 12th, 1.40–1.49
    expect(medianWithin(ratios, 1.5)).toBe(true);
    expect(medianWithin(ratios, 1.45)).toBe('on the line');
    expect(medianWithin(ratios, 1.39)).toBe(false);
  });

  it('falls back to the median alone with too few runs for an interval', () => {
    expect(medianWithin(summarize([1, 2, 3, 4, 5]), 3)).toBe(true);
    expect(medianWithin(summarize([1, 2, 3, 4, 5]), 2.9)).toBe(false);
  });

  it('joins parts: any missed part misses, all met is met, else on the line', () => {
    expect(allOf(true, true)).toBe(true);
    expect(allOf(true, 'on the line')).toBe('on the line');
    expect(allOf('on the line', false)).toBe(false);
  });
});
