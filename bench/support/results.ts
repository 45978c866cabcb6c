/**
 * Where a benchmark's figures go: printed as markdown rows as they come, and written to
 * bench/out/results/<bench>.json (the raw runs too) for docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GOAL_CPU_RATE } from './cpu-rate.ts';
import { BENCH_OUT } from './paths.ts';
import type { Summary, Verdict } from './stats.ts';

export type Row = {
  readonly work: string;
  readonly profile: string;
  readonly unit: 'ms' | 'KB' | 'MB';
  readonly lumbung: Summary;
  readonly baseline?: Summary | undefined;
  /** Median of the paired ratios, when runs were interleaved with the baseline. */
  readonly ratio?: Summary | undefined;
  readonly goal: string;
  /** `'on the line'`: the median's interval straddles the goal (stats.ts `medianWithin`). */
  readonly met?: Verdict | undefined;
  readonly note?: string | undefined;
  readonly raw?: Readonly<Record<string, readonly number[]>> | undefined;
};

const fmt = (value: number, unit: Row['unit']): string => (unit === 'ms' ? value.toFixed(0) : value.toFixed(1));

/** " (96.5 % CI 1.31–1.58)" after a ratio of enough pairs; nothing otherwise. */
function ratioInterval(ratio: Summary): string {
  const ci = ratio.medianCi;
  return ci === undefined ? '' : ` (${(ci.coverage * 100).toFixed(1)} % CI ${ci.lo.toFixed(2)}–${ci.hi.toFixed(2)})`;
}

export function formatRow(row: Row): string {
  const l = row.lumbung;
  const lumbung = `${fmt(l.median, row.unit)} ${row.unit} (${fmt(l.q1, row.unit)}–${fmt(l.q3, row.unit)})`;
  const baseline = row.baseline === undefined ? '—' : `${fmt(row.baseline.median, row.unit)} ${row.unit}`;
  const ratio = row.ratio === undefined ? '—' : `${row.ratio.median.toFixed(2)}×${ratioInterval(row.ratio)}`;
  const met = row.met === undefined ? '—' : row.met === 'on the line' ? 'on the line' : row.met ? 'yes' : '**no**';
  return `| ${row.work} | ${row.profile} | ${lumbung} | ${baseline} | ${ratio} | ${row.goal} | ${met} |`;
}

export const TABLE_HEAD = '| work | profile | Lumbung (median, IQR) | baseline (median) | ratio | goal | met |\n|---|---|---|---|---|---|---|';

/**
 * A row measured at a CPU rate other than the goals' (cpu-rate.ts): the goal is kept as a note of
 * what it is at ×4, and nothing is said to be met or missed.
 */
function atRate(row: Row, cpuRate: number): Row {
  if (cpuRate === GOAL_CPU_RATE || row.met === undefined) return row;
  return { ...row, goal: `(at ×${String(GOAL_CPU_RATE)}: ${row.goal})`, met: undefined };
}

export class Results {
  private readonly rows: Row[] = [];
  private readonly file: string;
  private readonly cpuRate: number;
  /** `cpuRate`: the throttling the browser benchmarks ran at; other rates than the goals' get their own file. */
  constructor(
    private readonly bench: string,
    options: { readonly cpuRate?: number } = {},
  ) {
    this.cpuRate = options.cpuRate ?? GOAL_CPU_RATE;
    this.file = this.cpuRate === GOAL_CPU_RATE ? bench : `${bench}-cpu${String(this.cpuRate)}`;
    console.log(`\n## ${this.file}\n\n${TABLE_HEAD}`);
  }

  add(measured: Row): void {
    const row = atRate(measured, this.cpuRate);
    this.rows.push(row);
    console.log(formatRow(row) + (row.note === undefined ? '' : `  <!-- ${row.note} -->`));
  }

  /** Extra facts that are not table rows (sizes per route, machine load). */
  info: Record<string, unknown> = {};

  save(): void {
    const dir = path.join(BENCH_OUT, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${this.file}.json`), JSON.stringify({ bench: this.bench, cpuRate: this.cpuRate, at: new Date().toISOString(), rows: this.rows, info: this.info }, null, 2));
  }
}
