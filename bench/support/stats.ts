/**
 * Where the true median lies, from the runs alone: a distribution-free confidence interval made of
 * two order statistics (x₍k₎, x₍n−k+1₎ with the largest k whose binomial tail stays within the
 * level). `coverage` is the interval's exact coverage (≥ the level asked for), e.g. 96.5 % from the
 * 4th to the 12th of 15 runs. Nothing for fewer than 6 runs: no such interval reaches 95 %.
 */
export type MedianInterval = { readonly lo: number; readonly hi: number; readonly coverage: number };

/** Order statistics of repeated runs. Linear interpolation between closest ranks (R type 7). */
export type Summary = {
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** The median's 95 % interval (`medianInterval`), when there are enough runs for one. */
  readonly medianCi: MedianInterval | undefined;
};

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    medianCi: medianInterval(sorted),
  };
}

/** P(X ≤ j) for X ~ Binomial(n, ½), j = 0 … n. */
function binomialHalfCdf(n: number): number[] {
  const cdf: number[] = [];
  let term = 0.5 ** n; // C(n, 0) / 2ⁿ
  let sum = 0;
  for (let j = 0; j <= n; j++) {
    sum += term;
    cdf.push(sum);
    term = (term * (n - j)) / (j + 1);
  }
  return cdf;
}

/** `sorted` ascending; see MedianInterval. */
export function medianInterval(sorted: readonly number[], level = 0.95): MedianInterval | undefined {
  const n = sorted.length;
  const cdf = binomialHalfCdf(n);
  const tail = (1 - level) / 2;
  // The interval [x₍k₎, x₍n−k+1₎] misses the median with probability 2·P(X ≤ k − 1).
  let k = 0;
  while (k < n && (cdf[k] ?? 1) <= tail) k += 1;
  if (k === 0) return undefined;
  const lo = sorted[k - 1];
  const hi = sorted[n - k];
  if (lo === undefined || hi === undefined) return undefined;
  return { lo, hi, coverage: 1 - 2 * (cdf[k - 1] ?? 0) };
}

/**
 * A goal of the form "median ≤ limit", judged with the median's interval: met when the whole
 * interval is within the limit, missed when the whole interval is beyond it, and otherwise on the
 * line — the runs cannot tell. With too few runs for an interval, the median alone decides.
 */
export type Verdict = boolean | 'on the line';

export function medianWithin(summary: Summary, limit: number): Verdict {
  const ci = summary.medianCi;
  if (ci === undefined) return summary.median <= limit;
  if (ci.hi <= limit) return true;
  if (ci.lo > limit) return false;
  return 'on the line';
}

/** Ratios of paired runs (A_i ÷ B_i, each pair measured back to back): robust to a drifting machine load. */
export function pairedRatios(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((x, i) => x / (b[i] ?? Number.NaN)));
}

/** Every part of a goal at once: missed if any part is, met if all are, else on the line. */
export function allOf(...verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes(false)) return false;
  return verdicts.every((v) => v === true) ? true : 'on the line';
}
