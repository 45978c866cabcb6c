/**
 * How long a full fold of a busy cooperative's ledger takes: 100 000 entries over five years
 * (1 000 members with monthly wajib, sukarela in and out, 1 200 loans with monthly repayments, daily
 * sales and expenses, some reversals). Prints the median of 5 folds, and per-entry applyEntry with
 * touched tracking as the phone does it.
 *
 *   node --import tsx bench/ledger-fold.ts [--against <dir>/src/domain/ledger/index.ts]
 */
import { buildUnsignedEntry, type BuildEntryInput } from '../src/domain/entry/create.ts';
import { ZERO_HASH, type Entry, type JournalLine } from '../src/domain/entry/schema.ts';
import { applyEntry, emptyLedger, foldEntries } from '../src/domain/ledger/index.ts';
import { balanceSheet, membersReport, loansReport, shuReport } from '../src/domain/reports/index.ts';

const COOP = '3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10';
const DEVICE = '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
const uuid = (n: number, space: number): string => {
  const ms = hex(1_700_000_000_000 + n, 12);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(space, 3)}-8000-${hex(n, 12)}`;
};

let seq = 0;
const entries: Entry[] = [];
type Body = Pick<BuildEntryInput, 'type' | 'data'>;
function add(date: string, body: Body, original?: readonly JournalLine[]): Entry {
  seq += 1;
  const unsigned = buildUnsignedEntry({
    ...(body as BuildEntryInput),
    cooperativeId: COOP,
    deviceId: DEVICE,
    seq,
    prevHash: ZERO_HASH,
    recordedAt: `${date}T03:00:00.000Z`,
    date,
    actor: 'Bu Siti',
    id: uuid(seq, 0),
    ...(original === undefined ? {} : { original }),
  });
  const entry = { ...unsigned, hash: 'a'.repeat(64), sig: 'A'.repeat(86) } as Entry;
  entries.push(entry);
  return entry;
}

const day = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const MEMBERS = 1000;
const member = (k: number): string => uuid(k, 1);
for (let k = 0; k < MEMBERS; k++) {
  add('2022-01-03', { type: 'member.joined', data: { memberId: member(k), number: `A-${k}`, name: `Anggota ${k}`, joinedOn: '2022-01-03' } } as Body);
  add('2022-01-03', { type: 'savings.deposited', data: { memberId: member(k), kind: 'pokok', amount: 50_000, via: 'cash' } } as Body);
}
let loans = 0;
outer: for (let y = 2022; y <= 2026; y++) {
  for (let m = 1; m <= 12; m++) {
    for (let k = 0; k < MEMBERS; k++) {
      add(day(y, m, 1 + (k % 28)), { type: 'savings.deposited', data: { memberId: member(k), kind: 'wajib', amount: 20_000, via: 'cash' } } as Body);
      if (k % 2 === 0) add(day(y, m, 1 + (k % 28)), { type: 'savings.deposited', data: { memberId: member(k), kind: 'sukarela', amount: 100_000, via: 'bank' } } as Body);
      if (k % 25 === 0) add(day(y, m, 2 + (k % 27)), { type: 'savings.withdrawn', data: { memberId: member(k), kind: 'sukarela', amount: 50_000, via: 'cash' } } as Body);
    }
    if (loans < 1200) {
      for (let j = 0; j < 10; j++) {
        const id = uuid(loans, 2);
        add(day(y, m, 5), {
          type: 'loan.disbursed',
          data: { loanId: id, memberId: member(loans % MEMBERS), principal: 5_000_000, months: 12, rateBp: 150, method: 'flat', firstDue: day(y, m, 25), adminFee: 50_000, fineBpPerDay: 10, via: 'cash' },
        } as Body);
        loans += 1;
      }
    }
    for (let l = Math.max(0, loans - 120); l < loans; l++) {
      add(day(y, m, 25), { type: 'loan.repaid', data: { loanId: uuid(l, 2), memberId: member(l % MEMBERS), principal: 416_666, interest: 75_000, fine: 0, via: 'cash' } } as Body);
    }
    for (let d = 1; d <= 28; d++) {
      add(day(y, m, d), { type: 'cash.received', data: { account: '4-110', amount: 350_000 + d, via: 'qris', memo: 'Penjualan gerai', memberId: member(d) } } as Body);
      const wrong = add(day(y, m, d), { type: 'cash.paid', data: { account: '5-150', amount: 25_000, via: 'cash', memo: 'Operasional' } } as Body);
      if (d === 15) add(day(y, m, d), { type: 'entry.reversed', data: { entryId: wrong.id, reason: 'Salah catat' } }, wrong.lines);
    }
    if (entries.length >= 100_000) break outer;
  }
}
entries.length = Math.min(entries.length, 100_000);
console.log(`entries: ${entries.length}`);

// The fold's input as the folders hold it: the server parses each stored entry's JSON
// (server/entries/ledger-cache.ts), the phone reads structured clones from IndexedDB. Entries built
// here have ids and dates made of concatenated pieces, which V8 must flatten on first use — a cost
// no real fold pays — so the bench folds a JSON round trip of them.
const stored = JSON.parse(JSON.stringify(entries)) as Entry[];

// The machine may be busy (CI shares two cores): CPU time, unlike wall time, leaves out the time
// this process waited for a core; a reference loop shows how slow the machine is right now.
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const refCpu = process.cpuUsage();
const ref0 = performance.now();
for (let round = 0; round < 5; round++) {
  const refMap = new Map<string, number>();
  for (let i = 0; i < 100_000; i++) refMap.set(`k${i}|${round}`, i);
}
console.log(
  `reference: 5 × 100 000 Map.set of fresh string keys: CPU ${cpuMs(refCpu).toFixed(0)} ms ` +
    `(wall ${(performance.now() - ref0).toFixed(0)} ms)`,
);

// A baseline in the same run: the fold of another version of the domain (`--against
// <dir>/src/domain/ledger/index.ts`, e.g. a `git archive` of an older commit), folded alternately
// with this one on the same entries, so both see the same machine.
const againstPath = process.argv[process.argv.indexOf('--against') + 1];
type Folder = { foldEntries: typeof foldEntries; emptyLedger: typeof emptyLedger };
const against: Folder | null = process.argv.includes('--against') && againstPath !== undefined ? ((await import(againstPath)) as Folder) : null;

type Run = { wall: number; cpu: number };
function timeFold(folder: Folder): Run {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  state = folder.foldEntries(stored);
  return { wall: performance.now() - start, cpu: cpuMs(cpu0) };
}
const byCpu = (a: Run, b: Run): number => a.cpu - b.cpu;
const runs: Run[] = [];
const baseRuns: Run[] = [];
const ratios: number[] = [];
let state = emptyLedger();
for (let run = 0; run < 5; run++) {
  state = emptyLedger(); // the previous fold's ~100 MB is garbage, as after a real rebuild
  const mine = timeFold({ foldEntries, emptyLedger });
  runs.push(mine);
  if (against === null) continue;
  state = emptyLedger();
  const base = timeFold(against);
  baseRuns.push(base);
  ratios.push(mine.cpu / base.cpu);
}
runs.sort(byCpu);
const median = runs[2];
console.log(
  `foldEntries of ${stored.length}: median CPU ${median?.cpu.toFixed(0)} ms (wall ${median?.wall.toFixed(0)} ms); ` +
    `fastest CPU ${runs[0]?.cpu.toFixed(0)} ms`,
);
if (against !== null) {
  baseRuns.sort(byCpu);
  ratios.sort((a, b) => a - b);
  console.log(
    `  against ${againstPath}: median CPU ${baseRuns[2]?.cpu.toFixed(0)} ms (wall ${baseRuns[2]?.wall.toFixed(0)} ms); ` +
      `this ÷ that, CPU, median of 5 alternating pairs: ${ratios[2]?.toFixed(2)}×`,
  );
}

const live = emptyLedger();
let rows = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
for (const e of stored) {
  const { touched } = applyEntry(live, e);
  for (const keys of Object.values(touched)) rows += keys.length;
}
console.log(
  `applyEntry with touched: CPU ${cpuMs(cpuStart).toFixed(0)} ms (wall ${(performance.now() - start).toFixed(0)} ms), ` +
    `${(rows / entries.length).toFixed(1)} rows touched per entry`,
);

const asOf = '2026-06-30';
for (const [name, run] of [
  ['balance-sheet', () => balanceSheet(state, asOf)],
  ['members', () => membersReport(state, asOf)],
  ['loans', () => loansReport(state, asOf)],
  ['shu', () => shuReport(state, 2025)],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: fastest of 5 ${times[0]?.toFixed(1)} ms, median ${times[2]?.toFixed(1)} ms`);
}
