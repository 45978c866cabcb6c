/**
 * Server ingest of signed entries, on SQLite and on PostgreSQL: entries per second through the real
 * push path (`POST /api/v1/sync/push` via Fastify's inject: device signature, gunzip, JSON, every
 * entry's schema, hash, ECDSA signature and chain, the ledger fold, the durable commit) against raw
 * inserts of the same rows with no verification (`insertEntries` in the same per-cooperative
 * transactions). Four cooperatives, one phone each, batches of 500 in seq order.
 *
 *   node --import tsx bench/ingest-push.bench.ts [--runs 5] [--entries 10000] [--only sqlite|postgres] [--out bench/out/results/ingest-push.md] [--profile file.cpuprofile]
 *
 * `--profile` writes a V8 CPU profile of the first run's verified pushes alone (not the setup that
 * signs the entries, not the raw inserts), for Chrome DevTools or any .cpuprofile reader.
 *
 * The figures are per wall second and per CPU second of this process (the PostgreSQL server's own
 * processes are not in the CPU figure): the machine is shared, and wall time includes waiting for a core.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { ensureFirstAdmin } from '../server/auth/bootstrap-admin.ts';
import { PostgresStore } from '../server/storage/postgres/postgres-store.ts';
import { SqliteStore } from '../server/storage/sqlite/sqlite-store.ts';
import type { Store, StoredEntryRow } from '../server/storage/store.ts';
import type { Entry } from '../src/domain/entry/schema.ts';
import { createDatabase, dropDatabase, startPostgres, type PostgresCluster } from '../tests/support/postgres.ts';
import { deposit, disburse, ids, joined, newDeviceKeys, repay, TestDevice, withdraw } from '../tests/support/entries.ts';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const RUNS = Number(argValue('--runs') ?? 5);
const ENTRIES = Number(argValue('--entries') ?? 10_000);
const ONLY = argValue('--only');
const OUT = argValue('--out') ?? path.join('bench', 'out', 'results', 'ingest-push.md');
const PROFILE = argValue('--profile');
const COOPERATIVES = 4;
const BATCH = 500;
const ADMIN = { username: 'dinas-bench', password: 'rahasia-bench-ingest-1' };
const GENEROUS = { ipBurst: 1_000_000, ipPerSecond: 1_000_000, deviceBurst: 1_000_000, devicePerSecond: 1_000_000 };

type StoreKind = 'sqlite' | 'postgres';
type OpenedStore = { store: Store; destroy(): Promise<void> };

async function openStore(kind: StoreKind, cluster: PostgresCluster | null): Promise<OpenedStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-bench-ingest-'));
    const store = new SqliteStore({ file: path.join(dir, 'lumbung.sqlite') });
    return {
      store,
      async destroy() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (cluster === null) throw new Error('no PostgreSQL cluster');
  const url = await createDatabase(cluster.adminUrl, 'lumbung_bench');
  const store = await PostgresStore.open({ url });
  return {
    store,
    async destroy() {
      await store.close();
      await dropDatabase(cluster.adminUrl, url);
    },
  };
}

async function inject(app: FastifyInstance, method: 'POST', url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await app.inject({ method, url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  if (response.statusCode >= 300) throw new Error(`${url}: ${String(response.statusCode)} ${response.body}`);
  return response.json();
}

/** A phone's busy history: members, loans, then savings, repayments and withdrawals. */
async function history(device: TestDevice, count: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  const members = Array.from({ length: Math.max(10, Math.floor(count / 20)) }, () => ids.member());
  const loans: { loan: ReturnType<typeof ids.loan>; member: (typeof members)[number] }[] = [];
  for (const [i, member] of members.entries()) {
    if (entries.length >= count) return entries;
    entries.push(await device.entry(joined(member, `A-${String(i + 1).padStart(4, '0')}`, `Anggota ${String(i + 1)}`)));
  }
  for (let i = 0; entries.length < count; i++) {
    const member = members[i % members.length] ?? members[0];
    if (member === undefined) break;
    const slot = i % 10;
    if (slot === 0 && loans.length < members.length / 3) {
      const loan = ids.loan();
      loans.push({ loan, member });
      entries.push(await device.entry(disburse(loan, member, 1_000_000 + (i % 7) * 250_000)));
    } else if (slot < 3 && loans.length > 0) {
      const held = loans[i % loans.length];
      if (held !== undefined) entries.push(await device.entry(repay(held.loan, held.member, 100_000, 15_000)));
    } else if (slot < 4) {
      entries.push(await device.entry(withdraw(member, 'sukarela', 25_000)));
    } else {
      entries.push(await device.entry(deposit(member, slot < 8 ? 'wajib' : 'sukarela', slot < 8 ? 20_000 : 50_000 + (i % 5) * 25_000)));
    }
  }
  return entries;
}

type Push = { phone: number; entries: Entry[]; body: Buffer; headers: Record<string, string> };

/** A cooperative and an enrolled phone on a fresh store; returns the phone as the server knows it. */
async function enrollPhones(app: FastifyInstance): Promise<TestDevice[]> {
  const { token } = (await inject(app, 'POST', '/api/v1/admin/login', ADMIN)) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const devices: TestDevice[] = [];
  for (let c = 0; c < COOPERATIVES; c++) {
    const { cooperative } = (await inject(app, 'POST', '/api/v1/admin/cooperatives', { name: `Koperasi ${String(c + 1)}`, village: 'Sukamaju', district: 'Jember' }, auth)) as {
      cooperative: { id: string };
    };
    const { code } = (await inject(app, 'POST', `/api/v1/admin/cooperatives/${cooperative.id}/enrollment-codes`, {}, auth)) as { code: string };
    const keys = await newDeviceKeys();
    const { deviceId } = (await inject(app, 'POST', '/api/v1/devices', { code, name: `HP ${String(c + 1)}`, publicKey: keys.publicJwk })) as { deviceId: string };
    devices.push(new TestDevice(cooperative.id, deviceId, keys));
  }
  return devices;
}

/** Signed, gzipped push requests, cooperatives taking turns (as phones of a district would). */
async function pushesFor(devices: readonly TestDevice[], perDevice: number): Promise<Push[]> {
  const batches: Push[][] = [];
  for (const [phone, device] of devices.entries()) {
    const entries = await history(device, perDevice);
    const mine: Push[] = [];
    for (let i = 0; i < entries.length; i += BATCH) {
      const slice = entries.slice(i, i + BATCH);
      const body = gzipSync(JSON.stringify({ entries: slice }));
      const headers = { ...(await device.sign('POST', '/api/v1/sync/push', body)), 'content-encoding': 'gzip' };
      mine.push({ phone, entries: slice, body, headers });
    }
    batches.push(mine);
  }
  const pushes: Push[] = [];
  for (let round = 0; batches.some((b) => b.length > round); round++) {
    for (const mine of batches) {
      const push = mine[round];
      if (push !== undefined) pushes.push(push);
    }
  }
  return pushes;
}

/** Wall time, CPU time of the whole process, and CPU time of the main (JavaScript) thread alone. */
type Measure = { wallMs: number; cpuMs: number; mainCpuMs: number };

/** This thread's CPU time from /proc (Linux; clock ticks of 10 ms, fine over thousands of entries). */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${String(process.pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `file`. */
async function profiled(file: string, work: () => Promise<void>): Promise<void> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
  } finally {
    session.disconnect();
  }
}

async function timed(work: () => Promise<void>): Promise<Measure> {
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: mainThreadCpuMs() - main0 };
}

/**
 * Entries per second on two free cores: the main thread is serial (schema, chain, fold, commit),
 * the rest (signature verifications on the thread pool) runs beside it, so the rate is bounded by
 * the main thread's CPU per entry and by all CPU per entry shared over two cores.
 */
const twoCoreRate = (count: number, m: Measure): number => Math.min((count / m.mainCpuMs) * 1000, (count / m.cpuMs) * 2000);

/** One run of each kind on fresh stores with the same cooperatives' ids and keys. */
async function runOnce(kind: StoreKind, cluster: PostgresCluster | null, profile: string | undefined): Promise<{ verified: Measure; raw: Measure }> {
  // Verified: the real push path.
  const verifiedStore = await openStore(kind, cluster);
  let pushes: Push[];
  let verified: Measure;
  try {
    await ensureFirstAdmin(verifiedStore.store, ADMIN, new Date());
    const app = buildApp({ store: verifiedStore.store, staticDir: null, logger: false, rateLimits: GENEROUS });
    await app.ready();
    const devices = await enrollPhones(app);
    pushes = await pushesFor(devices, Math.ceil(ENTRIES / COOPERATIVES));
    const pushAll = async (): Promise<void> => {
      for (const push of pushes) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { 'content-type': 'application/json', ...push.headers }, payload: push.body });
        if (response.statusCode !== 200) throw new Error(`push: ${String(response.statusCode)} ${response.body}`);
        const { results } = response.json<{ results: { status: string }[] }>();
        if (results.length !== push.entries.length || results.some((r) => r.status !== 'accepted' && r.status !== 'accepted_flagged')) {
          throw new Error(`push not accepted whole: ${JSON.stringify(results.find((r) => r.status !== 'accepted'))}`);
        }
      }
    };
    verified = await timed(profile === undefined ? pushAll : () => profiled(profile, pushAll));
    await app.close();
  } finally {
    await verifiedStore.destroy();
  }

  // Raw: the same rows, the same transactions, no checks at all (phones enrolled alike, for the
  // foreign keys; the row's device id is the new enrollment's).
  const rawStore = await openStore(kind, cluster);
  let raw: Measure;
  try {
    const store = rawStore.store;
    await ensureFirstAdmin(store, ADMIN, new Date());
    const app = buildApp({ store, staticDir: null, logger: false, rateLimits: GENEROUS });
    await app.ready();
    const devices = await enrollPhones(app);
    await app.close();
    const now = new Date().toISOString();
    const seqs = devices.map(() => 0);
    raw = await timed(async () => {
      for (const push of pushes) {
        const device = devices[push.phone];
        if (device === undefined) throw new Error('no such phone');
        let seq = seqs[push.phone] ?? 0;
        await store.withCooperativeLock(device.cooperativeId, async (tx) => {
          const rows: StoredEntryRow[] = push.entries.map((entry) => ({
            cooperativeId: device.cooperativeId,
            id: entry.id,
            deviceId: device.deviceId,
            seq: entry.seq,
            hash: entry.hash,
            status: 'accepted',
            reason: null,
            serverSeq: ++seq,
            // The same columns as a checked push stores (the mark's value is not what is timed).
            chainMark: entry.hash.slice(0, 12),
            body: JSON.stringify(entry),
            receivedAt: now,
          }));
          await tx.insertEntries(rows);
          await tx.finish(seq, now);
        });
        seqs[push.phone] = seq;
      }
    });
  } finally {
    await rawStore.destroy();
  }
  return { verified, raw };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? 0) + (sorted[Math.ceil(mid)] ?? 0)) / 2;
}
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
}
const rate = (count: number, ms: number): number => (count / ms) * 1000;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const started = performance.now();
  const kinds: StoreKind[] = ONLY === 'sqlite' || ONLY === 'postgres' ? [ONLY] : ['sqlite', 'postgres'];
  const cluster = kinds.includes('postgres') ? await startPostgres() : null;
  const count = Math.ceil(ENTRIES / COOPERATIVES) * COOPERATIVES;
  const lines = [
    '| work | profile | Lumbung (median, IQR) | baseline (median) | ratio | goal | met |',
    '|---|---|---|---|---|---|---|',
  ];
  const cpuLines = [
    '| store | path | main-thread CPU / entry | all CPU / entry | on 2 free cores (projected) | wall ÷ all CPU |',
    '|---|---|---|---|---|---|',
  ];
  try {
    for (const kind of kinds) {
      const runs: { verified: Measure; raw: Measure }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await runOnce(kind, cluster, i === 0 && PROFILE !== undefined ? `${PROFILE.replace(/\.cpuprofile$/, '')}-${kind}.cpuprofile` : undefined);
        runs.push(run);
        console.log(
          `  ${kind} run ${String(i + 1)}: verified ${fmt(rate(count, run.verified.wallMs))}/s (2 free cores: ${fmt(twoCoreRate(count, run.verified))}/s; main ${String(run.verified.mainCpuMs)} ms, all ${run.verified.cpuMs.toFixed(0)} ms), raw ${fmt(rate(count, run.raw.wallMs))}/s`,
        );
      }
      const verified = runs.map((r) => rate(count, r.verified.wallMs));
      const raw = runs.map((r) => rate(count, r.raw.wallMs));
      const ratio = median(verified) / median(raw);
      const goal = kind === 'sqlite' ? '≥ 10 000 /s' : '—';
      const met = kind === 'sqlite' ? (median(verified) >= 10_000 ? 'yes' : 'no') : '—';
      lines.push(
        `| server ingest, ${fmt(count)} signed entries, every signature and chain verified | ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${fmt(median(verified))} entries/s (IQR ${fmt(quantile(verified, 0.75) - quantile(verified, 0.25))}) | raw inserts ${fmt(median(raw))} entries/s | ${ratio.toFixed(2)}× raw | ${goal} | ${met} |`,
      );
      for (const [label, pick] of [
        ['push (verified)', (r: { verified: Measure; raw: Measure }) => r.verified],
        ['raw inserts', (r: { verified: Measure; raw: Measure }) => r.raw],
      ] as const) {
        const measures = runs.map(pick);
        cpuLines.push(
          `| ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${label} | ${median(measures.map((m) => (m.mainCpuMs * 1000) / count)).toFixed(0)} µs | ${median(measures.map((m) => (m.cpuMs * 1000) / count)).toFixed(0)} µs | ${fmt(median(measures.map((m) => twoCoreRate(count, m))))} entries/s | ${median(measures.map((m) => m.wallMs / m.cpuMs)).toFixed(2)} |`,
        );
      }
    }
  } finally {
    await cluster?.stop();
  }
  const text = `${lines.join('\n')}\n\n${cpuLines.join('\n')}\n\nRuns per figure: ${String(RUNS)}; bench time ${((performance.now() - started) / 1000).toFixed(0)} s.\n`;
  console.log(`\n${text}`);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
}

await main();
