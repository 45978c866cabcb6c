/**
 * `npm run sim -- --seeds N [--seed S] [--first F] [--small] [--no-write]`: the seeded simulation
 * (tests/sim). `--small` runs at the size of the fixed seeds inside `npm test`.
 * `--seed S` replays one seed (a failing seed prints exactly this command) and shows
 * its event log; `--seeds N` runs seeds F…F+N−1 (F defaults to 1000) and, unless `--no-write`,
 * writes the figures into the simulation section of docs/reliability.md. Exit code 1 when any
 * seed broke an invariant.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSeed, SIM_SIZE, TEST_SIZE, type SeedReport } from '../tests/sim/run-seed.ts';
import { describeFailure, summaryTable, totalsOf } from '../tests/sim/summary.ts';

// appendEntry logs its named kill points for the browser tests at debug level; not needed here.
console.debug = () => undefined;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(root, 'docs', 'reliability.md');
const BEGIN = '<!-- sim-figures:begin -->';
const END = '<!-- sim-figures:end -->';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function integer(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`sim: ${name} needs a whole number, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

function writeFigures(reports: readonly SeedReport[], size: typeof SIM_SIZE, first: number): void {
  const totals = totalsOf(reports);
  const block = [
    BEGIN,
    `Last \`npm run sim -- --seeds ${String(reports.length)}\` (seeds ${String(first)}–${String(first + reports.length - 1)}, up to ` +
      `${String(size.maxCooperatives)} cooperatives × ${String(size.maxDevices)} phones, ${String(size.days)} virtual days), ` +
      `${new Date().toISOString().slice(0, 10)}: ${totals.failedSeeds.length === 0 ? 'every invariant held' : `FAILED seeds ${totals.failedSeeds.join(', ')}`}.`,
    '',
    summaryTable(reports),
    END,
  ].join('\n');
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Reliability\n';
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start !== -1 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
  process.stdout.write(`figures written to ${path.relative(root, DOC)}\n`);
}

async function main(): Promise<void> {
  const size = process.argv.includes('--small') ? TEST_SIZE : SIM_SIZE;
  const single = option('--seed');
  if (single !== undefined) {
    const seed = integer('--seed', 0);
    const report = await runSeed(seed, size);
    process.stdout.write(`${report.log.join('\n')}\n\n${summaryTable([report])}\n`);
    const failure = describeFailure(report);
    if (failure !== null) {
      process.stderr.write(`${failure}\n`);
      process.exitCode = 1;
    }
    return;
  }
  const count = integer('--seeds', 20);
  const first = integer('--first', 1000);
  const reports: SeedReport[] = [];
  for (let seed = first; seed < first + count; seed++) {
    const started = Date.now();
    const report = await runSeed(seed, size);
    reports.push(report);
    const failure = describeFailure(report);
    process.stdout.write(
      `seed ${String(seed)}: ${String(report.cooperatives)} coop × ${String(report.devices)} phones, ${String(report.entriesConfirmed)} confirmed, ` +
        `${failure === null ? 'ok' : 'FAILED'} (${String(Math.round((Date.now() - started) / 100) / 10)} s)\n`,
    );
    if (failure !== null) process.stderr.write(`${failure}\n`);
  }
  process.stdout.write(`\n${summaryTable(reports)}\n`);
  if (!process.argv.includes('--no-write')) writeFigures(reports, size, first);
  if (totalsOf(reports).failedSeeds.length > 0) process.exitCode = 1;
}

await main();
