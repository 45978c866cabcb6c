/**
 * The figures of a set of runs (issue 6: seeds × devices × cooperatives, faults injected by type,
 * entries confirmed, lost, duplicated, unbalanced, leaked) as Markdown tables, and the printout of
 * a failing seed: how to replay it, what broke, and the end of its event log.
 */
import { FAULT_KINDS } from '../support/fault-proxy.ts';
import { CLIENT_CRASH_POINTS } from './phone.ts';
import { SERVER_CRASHES, type SeedReport } from './run-seed.ts';

export type Totals = {
  seeds: number;
  failedSeeds: number[];
  cooperatives: number;
  devices: number;
  entriesConfirmed: number;
  committedUnseen: number;
  refusedByApp: number;
  storedAccepted: number;
  storedFlagged: number;
  storedRejected: number;
  syncRuns: number;
  revoked: number;
  skewedYears: number;
  offlineWeeks: number;
  faults: Record<string, number>;
  clientCrashes: Record<string, number>;
  serverCrashes: Record<string, number>;
  lost: number;
  duplicated: number;
  unbalanced: number;
  leaked: number;
  other: number;
};

export function totalsOf(reports: readonly SeedReport[]): Totals {
  const sum = (pick: (r: SeedReport) => number): number => reports.reduce((total, r) => total + pick(r), 0);
  const sumKeys = (keys: readonly string[], pick: (r: SeedReport) => Record<string, number>): Record<string, number> =>
    Object.fromEntries(keys.map((k) => [k, sum((r) => pick(r)[k] ?? 0)]));
  return {
    seeds: reports.length,
    failedSeeds: reports.filter((r) => r.violations.length > 0).map((r) => r.seed),
    cooperatives: sum((r) => r.cooperatives),
    devices: sum((r) => r.devices),
    entriesConfirmed: sum((r) => r.entriesConfirmed),
    committedUnseen: sum((r) => r.committedUnseen),
    refusedByApp: sum((r) => r.refusedByApp),
    storedAccepted: sum((r) => r.storedAccepted),
    storedFlagged: sum((r) => r.storedFlagged),
    storedRejected: sum((r) => r.storedRejected),
    syncRuns: sum((r) => r.syncRuns),
    revoked: sum((r) => r.revoked),
    skewedYears: sum((r) => r.skewedYears),
    offlineWeeks: sum((r) => r.offlineWeeks),
    faults: sumKeys([...FAULT_KINDS, 'offline'], (r) => r.faults),
    clientCrashes: sumKeys(CLIENT_CRASH_POINTS, (r) => r.clientCrashes),
    serverCrashes: sumKeys(SERVER_CRASHES, (r) => r.serverCrashes),
    lost: sum((r) => r.breaches.lost),
    duplicated: sum((r) => r.breaches.duplicated),
    unbalanced: sum((r) => r.breaches.unbalanced),
    leaked: sum((r) => r.breaches.leaked),
    other: sum((r) => r.breaches.other),
  };
}

const row = (cells: readonly (string | number)[]): string => `| ${cells.map(String).join(' | ')} |`;

function keyValueTable(title: string, values: Record<string, number>): string {
  const keys = Object.keys(values);
  return [row([title, ...keys]), row(['---', ...keys.map(() => '---:')]), row(['count', ...keys.map((k) => values[k] ?? 0)])].join('\n');
}

export function summaryTable(reports: readonly SeedReport[]): string {
  const t = totalsOf(reports);
  const seedList = reports.length <= 12 ? reports.map((r) => r.seed).join(', ') : `${String(reports[0]?.seed ?? '')}…${String(reports.at(-1)?.seed ?? '')}`;
  return [
    row(['seeds', 'cooperatives', 'devices', 'entries confirmed', 'committed, unseen', 'stored accepted / flagged / rejected', 'sync runs', 'lost', 'duplicated', 'unbalanced', 'leaked', 'other breaches']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    row([
      `${String(t.seeds)} (${seedList})`,
      t.cooperatives,
      t.devices,
      t.entriesConfirmed,
      t.committedUnseen,
      `${String(t.storedAccepted)} / ${String(t.storedFlagged)} / ${String(t.storedRejected)}`,
      t.syncRuns,
      t.lost,
      t.duplicated,
      t.unbalanced,
      t.leaked,
      t.other,
    ]),
    '',
    keyValueTable('faults injected', t.faults),
    '',
    keyValueTable('client crashes', t.clientCrashes),
    '',
    keyValueTable('server crashes', t.serverCrashes),
    '',
    row(['clocks years off', 'phones offline 1–3 weeks', 'devices revoked', 'saves refused by the app', 'failed seeds']),
    row(['---:', '---:', '---:', '---:', '---']),
    row([t.skewedYears, t.offlineWeeks, t.revoked, t.refusedByApp, t.failedSeeds.length === 0 ? 'none' : t.failedSeeds.join(', ')]),
  ].join('\n');
}

export function replayCommand(seed: number, small: boolean): string {
  return `npm run sim -- --seed ${String(seed)}${small ? ' --small' : ''}`;
}

/** Null for a clean run; otherwise what to paste into a bug report. */
export function describeFailure(report: SeedReport): string | null {
  if (report.violations.length === 0) return null;
  return [
    `SEED ${String(report.seed)} FAILED — replay with: ${replayCommand(report.seed, report.small)}`,
    `breaches: ${JSON.stringify(report.breaches)}`,
    ...report.violations.map((v) => `  ✗ ${v.invariant}: ${v.detail}`),
    'last events:',
    ...report.log.slice(-60).map((line) => `  ${line}`),
  ].join('\n');
}
