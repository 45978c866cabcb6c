/**
 * Sync of a week (300 entries) and of a year (10 000 entries) over "2G" and "Slow 4G", through the
 * throttle proxy (bench/support/throttle-proxy.ts): Lumbung's real `syncOnce` to the real server vs
 * PouchDB syncing the same entry JSON with express-pouchdb; and the floor, bytes ÷ bandwidth +
 * round trips × RTT, from the bytes Lumbung's run put on the wire.
 *
 *   node --import tsx bench/sync-link.bench.ts [--runs 5] [--only week|year] [--profile 2G|"Slow 4G"]
 *     [--no-pouchdb] [--lumbung-scale k] [--cold-server] [--out bench/out/results/sync-link.md]
 *
 * `--no-pouchdb` measures Lumbung alone (the floor needs only Lumbung's bytes; PouchDB's year runs are
 * most of the bench's half hour); `--lumbung-scale 1` runs Lumbung's link at full speed (no time-scale
 * estimate: a pipelined push overlaps CPU with the link, which a k-times faster link hides less).
 *
 * Each run's server is warmed first by an untimed push of 300 entries from another cooperative, as
 * a district server that has run all day is (bench/sync-lumbung.ts); `--cold-server` skips that.
 *
 * Time scale: a year over 2G is minutes per run (PouchDB: about half an hour), so some scenarios run
 * the link k times faster and report wall + (k − 1) × (time the link model held a request): the
 * full-speed estimate. The week over 2G is run both ways (k = 1 and k = 10) to show the estimate
 * agrees with a real run. CPU time of the phone and server processes is reported beside wall time:
 * this machine is shared, and wall time includes waiting for a core.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { floorMs, LINK_PROFILES, type LinkProfile } from './support/throttle-proxy.ts';
import { disposeLumbung, prepareLumbung, runLumbungSync, type SyncMeasure } from './sync-lumbung.ts';
import { treasurerRecords } from './sync-lumbung-phone.ts';
import { disposePouch, preparePouch, runPouchSync } from './sync-pouchdb.ts';

type Size = { readonly name: 'week' | 'year'; readonly count: number; readonly days: number };
const SIZES: readonly Size[] = [
  { name: 'week', count: 300, days: 7 },
  { name: 'year', count: 10_000, days: 365 },
];
type ProfileName = keyof typeof LINK_PROFILES;
const PROFILE_NAMES: readonly ProfileName[] = ['2G', 'Slow 4G'];

/** Time scales, chosen so one run's network part takes a few seconds at most. */
const SCALE: Record<'lumbung' | 'pouchdb', Record<Size['name'], Record<ProfileName, number>>> = {
  lumbung: { week: { '2G': 1, 'Slow 4G': 1 }, year: { '2G': 40, 'Slow 4G': 10 } },
  pouchdb: { week: { '2G': 10, 'Slow 4G': 4 }, year: { '2G': 200, 'Slow 4G': 40 } },
};

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const RUNS = Number(argValue('--runs') ?? 5);
const ONLY = argValue('--only');
const WARM_SERVER = !process.argv.includes('--cold-server');
const WITH_POUCHDB = !process.argv.includes('--no-pouchdb');
const ONLY_PROFILE = argValue('--profile');
const LUMBUNG_SCALE = argValue('--lumbung-scale');
if (ONLY_PROFILE !== undefined && !PROFILE_NAMES.some((n) => n === ONLY_PROFILE)) throw new Error(`--profile: one of ${PROFILE_NAMES.join(', ')}`);
const OUT = argValue('--out') ?? path.join('bench', 'out', 'results', 'sync-link.md');

type Run = SyncMeasure & { readonly scale: number; readonly estimateMs: number };

const estimate = (m: SyncMeasure, scale: number): Run => ({ ...m, scale, estimateMs: m.wallMs + (scale - 1) * m.proxy.networkMs });

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
}
const median = (values: readonly number[]): number => quantile(values, 0.5);
const iqr = (values: readonly number[]): number => quantile(values, 0.75) - quantile(values, 0.25);
const secs = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

type Scenario = {
  size: Size;
  profile: LinkProfile;
  lumbung: Run[];
  pouch: Run[];
  /** Week over 2G only: the same Lumbung runs at k = 10, to check the time-scale estimate. */
  lumbungScaled: Run[];
};

async function measureSize(size: Size): Promise<Scenario[]> {
  const prepStart = performance.now();
  const lumbung = await prepareLumbung(treasurerRecords(size.count, size.days));
  const pouch = WITH_POUCHDB ? await preparePouch(lumbung.entries) : null;
  console.log(`# ${size.name}: ${String(size.count)} entries prepared in ${secs(performance.now() - prepStart)}`);
  const scenarios: Scenario[] = [];
  try {
    for (const name of PROFILE_NAMES) {
      if (ONLY_PROFILE !== undefined && ONLY_PROFILE !== name) continue;
      const profile = LINK_PROFILES[name];
      const scenario: Scenario = { size, profile, lumbung: [], pouch: [], lumbungScaled: [] };
      const kL = LUMBUNG_SCALE === undefined ? SCALE.lumbung[size.name][name] : Number(LUMBUNG_SCALE);
      const kP = SCALE.pouchdb[size.name][name];
      const calibrate = size.name === 'week' && name === '2G';
      // Interleaved A/B so a burst of load on the machine hits both sides alike.
      for (let i = 0; i < RUNS; i++) {
        scenario.lumbung.push(estimate(await runLumbungSync(lumbung, profile, kL, { warmServer: WARM_SERVER }), kL));
        if (pouch !== null) scenario.pouch.push(estimate(await runPouchSync(pouch, profile, kP), kP));
        if (calibrate) scenario.lumbungScaled.push(estimate(await runLumbungSync(lumbung, profile, 10, { warmServer: WARM_SERVER }), 10));
        const l = scenario.lumbung.at(-1);
        const p = scenario.pouch.at(-1);
        if (l !== undefined) {
          const floor = floorMs(l.proxy, profile);
          const pouchText = p === undefined ? '' : `, PouchDB ${secs(p.estimateMs)}`;
          console.log(
            `  ${size.name} ${name} run ${String(i + 1)} (load ${loadavg()[0]?.toFixed(1) ?? '?'}): Lumbung ${secs(l.estimateMs)} (${(l.estimateMs / floor).toFixed(2)}× floor ${secs(floor)}, ${String(l.proxy.requests)} requests; cpu ${secs(l.clientCpuMs)} + ${secs(l.serverCpuMs)})${pouchText}`,
          );
        }
      }
      scenarios.push(scenario);
    }
  } finally {
    disposeLumbung(lumbung);
    if (pouch !== null) disposePouch(pouch);
  }
  return scenarios;
}

function report(scenarios: readonly Scenario[]): string {
  const lines: string[] = [];
  lines.push('| work | profile | Lumbung (median, IQR) | baseline (median) | ratio | goal | met |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const s of scenarios) {
    const work = `sync of a ${s.size.name} (${s.size.count.toLocaleString('en-US')} entries)`;
    const l = s.lumbung.map((r) => r.estimateMs);
    const p = s.pouch.map((r) => r.estimateMs);
    const floors = s.lumbung.map((r) => floorMs(r.proxy, s.profile));
    const speedup = median(p) / median(l);
    const overFloor = median(l) / median(floors);
    if (p.length > 0) lines.push(`| ${work}, vs PouchDB | ${s.profile.name} | ${secs(median(l))} (IQR ${secs(iqr(l))}) | ${secs(median(p))} | ${speedup.toFixed(1)}× faster | ≥ 5× | ${speedup >= 5 ? 'yes' : 'no'} |`);
    lines.push(`| ${work}, vs the floor | ${s.profile.name} | ${secs(median(l))} (IQR ${secs(iqr(l))}) | ${secs(median(floors))} | ${overFloor.toFixed(2)}× the floor | ≤ 1.3× | ${overFloor <= 1.3 ? 'yes' : 'no'} |`);
  }
  lines.push('');
  lines.push(
    'The same runs with CPU time in place of waiting for a core (link time at full speed + phone CPU + server CPU): what an idle phone and server would see. Wall time above includes the waits of this shared machine.',
  );
  lines.push('');
  lines.push('| work | profile | Lumbung, link + CPU (median) | PouchDB, link + CPU (median) | ratio | floor | Lumbung ÷ floor |');
  lines.push('|---|---|---|---|---|---|---|');
  const idle = (r: Run): number => r.proxy.networkMs * r.scale + r.clientCpuMs + r.serverCpuMs;
  for (const s of scenarios) {
    const l = median(s.lumbung.map(idle));
    const p = s.pouch.length > 0 ? median(s.pouch.map(idle)) : null;
    const floor = median(s.lumbung.map((r) => floorMs(r.proxy, s.profile)));
    lines.push(`| sync of a ${s.size.name} | ${s.profile.name} | ${secs(l)} | ${p === null ? '—' : secs(p)} | ${p === null ? '—' : `${(p / l).toFixed(1)}×`} | ${secs(floor)} | ${(l / floor).toFixed(2)}× |`);
  }
  lines.push('');
  lines.push('What went over the wire and what it cost (medians; "up"/"down" count request and status lines, headers and bodies as the proxy paced them):');
  lines.push('');
  lines.push('| run | profile | time scale k | requests | bytes up / entry | bytes down / entry | phone CPU | server CPU | wall − link time |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const s of scenarios) {
    const rows: [string, Run[]][] = [
      [`Lumbung, ${s.size.name}`, s.lumbung],
      [`PouchDB, ${s.size.name}`, s.pouch],
    ];
    if (s.lumbungScaled.length > 0) rows.push([`Lumbung, ${s.size.name} (calibration)`, s.lumbungScaled]);
    for (const [label, runs] of rows) {
      const first = runs[0];
      if (first === undefined) continue;
      const count = s.size.count;
      lines.push(
        `| ${label} | ${s.profile.name} | ${String(first.scale)} | ${String(median(runs.map((r) => r.proxy.requests)))} | ${median(runs.map((r) => r.proxy.bytesUp / count)).toFixed(0)} | ${median(runs.map((r) => r.proxy.bytesDown / count)).toFixed(0)} | ${secs(median(runs.map((r) => r.clientCpuMs)))} | ${secs(median(runs.map((r) => r.serverCpuMs)))} | ${secs(median(runs.map((r) => r.wallMs - r.proxy.networkMs)))} |`,
      );
    }
  }
  const calibration = scenarios.find((s) => s.lumbungScaled.length > 0);
  if (calibration !== undefined) {
    const real = median(calibration.lumbung.map((r) => r.estimateMs));
    const scaled = median(calibration.lumbungScaled.map((r) => r.estimateMs));
    lines.push('');
    lines.push(
      `Time-scale check (week, 2G, Lumbung): measured at k = 1 ${secs(real)}, estimated from k = 10 ${secs(scaled)} (${(((scaled - real) / real) * 100).toFixed(1)} %).`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const scenarios: Scenario[] = [];
  for (const size of SIZES) {
    if (ONLY !== undefined && ONLY !== size.name) continue;
    scenarios.push(...(await measureSize(size)));
  }
  const serverNote = WARM_SERVER ? 'each run’s server warmed by an untimed push of 300 entries from another cooperative' : 'cold server per run (--cold-server)';
  const text = `${report(scenarios)}\n\nRuns per figure: ${String(RUNS)} (interleaved Lumbung/PouchDB; ${serverNote}); bench time ${secs(performance.now() - started)}.\n`;
  console.log(`\n${text}`);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  writeFileSync(OUT.replace(/\.md$/, '.json'), JSON.stringify(scenarios, null, 2));
}

await main();
