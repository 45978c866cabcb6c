/** Order statistics of repeated runs. Linear interpolation between closest ranks (R type 7). */
export type Summary = { readonly n: number; readonly median: number; readonly q1: number; readonly q3: number; readonly p95: number; readonly min: number; readonly max: number };

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
  };
}

/** Ratios of paired runs (A_i ÷ B_i, each pair measured back to back): robust to a drifting machine load. */
export function pairedRatios(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((x, i) => x / (b[i] ?? Number.NaN)));
}
