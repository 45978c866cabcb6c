/**
 * Lumbung's side of the sync benchmark: the real `syncOnce` (push of the outbox, then pull until up
 * to date) from a fake-indexeddb phone holding N pending entries made by `appendEntry`, through the
 * throttle proxy, to the real server (`buildApp`, SQLite, production rate limits) in its own process.
 *
 * Preparation happens once per size: a server enrolls the phone, the phone records N entries, the
 * server stops (its SQLite file is the snapshot: cooperative, device, no entries) and the phone's
 * tables are copied. Each run then starts a server on a fresh copy of that file and a phone restored
 * from the copy, so every run pushes the same N entries to a server that has none of them.
 *
 * A district server runs for months and takes pushes from many cooperatives all day, so its code is
 * JIT-compiled and its thread pool started when a phone syncs. A fresh process is not: its first
 * push of 300 entries cost ~0.2 s of CPU, a third of it warm-up. So, unless `warmServer` is false,
 * each run's server first takes one push of 300 entries from another cooperative's phone (enrolled
 * in the snapshot too), straight to the server and untimed; then the timed sync starts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryDraft } from '../src/db/append-entry.ts';
import { enroll } from '../src/sync/enroll.ts';
import { syncOnce, type SyncOptions } from '../src/sync/sync-once.ts';
import { forkThrottleProxy, type LinkProfile, type ProxyStats } from './support/throttle-proxy.ts';
import { newPhoneDb, recordAll, restorePhone, snapshotPhone, treasurerRecords, type PhoneSnapshot } from './sync-lumbung-phone.ts';

const SERVER_SCRIPT = fileURLToPath(new URL('./sync-lumbung-server.ts', import.meta.url));
const ADMIN = { username: 'dinas-bench', password: 'rahasia-bench-sync-1' };
/** Entries of the other cooperative's push that warms each run's server (a week's worth). */
const WARM_UP_ENTRIES = 300;

export type ServerProcess = { readonly url: string; cpuMicros(): Promise<number>; stop(): Promise<void> };

export async function startServerProcess(file: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(SERVER_SCRIPT, [file, ADMIN.username, ADMIN.password], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited (${String(code)})`)));
    child.on('message', (message: { ready?: number; id?: number; value?: unknown }) => {
      if (message.ready !== undefined) resolve(message.ready);
      else if (message.id !== undefined) {
        waiting.get(message.id)?.(message.value);
        waiting.delete(message.id);
      }
    });
  });
  const call = (op: 'cpu' | 'stop'): Promise<unknown> =>
    new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      child.send({ id, op });
    });
  return {
    url: `http://127.0.0.1:${String(port)}`,
    cpuMicros: async () => (await call('cpu')) as number,
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call('stop');
      await exited;
    },
  };
}

async function adminPost(url: string, token: string | null, pathname: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${url}/api/v1${pathname}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${pathname}: ${String(response.status)} ${await response.text()}`);
  return response.json();
}

export type LumbungFixture = {
  readonly count: number;
  readonly dir: string;
  readonly serverFile: string;
  readonly phone: PhoneSnapshot;
  /** Another cooperative's phone with a week of pending entries: pushed untimed to warm the server. */
  readonly warmPhone: PhoneSnapshot;
  /** The entries as signed on the phone, in seq order (the PouchDB peer replicates the same JSON). */
  readonly entries: readonly unknown[];
};

/** A new cooperative on the server and a phone enrolled in it, with `drafts` recorded and pending. */
async function enrolledPhone(
  server: ServerProcess,
  token: string,
  village: string,
  drafts: readonly EntryDraft[],
): Promise<{ phone: PhoneSnapshot; entries: unknown[] }> {
  const { cooperative } = (await adminPost(server.url, token, '/admin/cooperatives', {
    name: `Koperasi Desa ${village}`,
    village,
    district: 'Jember',
  })) as { cooperative: { id: string } };
  const { code } = (await adminPost(server.url, token, `/admin/cooperatives/${cooperative.id}/enrollment-codes`, {})) as { code: string };
  const db = newPhoneDb();
  try {
    const enrolled = await enroll(db, { serverUrl: server.url, code, deviceName: 'HP bendahara', fetch: (input, init) => fetch(input, init) });
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.error}`);
    const entries = await recordAll(db, drafts);
    return { phone: await snapshotPhone(db), entries };
  } finally {
    db.close();
  }
}

export async function prepareLumbung(drafts: readonly EntryDraft[]): Promise<LumbungFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-bench-sync-'));
  const serverFile = path.join(dir, 'snapshot.sqlite');
  const server = await startServerProcess(serverFile);
  try {
    const { token } = (await adminPost(server.url, null, '/admin/login', ADMIN)) as { token: string };
    const { phone, entries } = await enrolledPhone(server, token, 'Sukamaju', drafts);
    const warm = await enrolledPhone(server, token, 'Sumberjati', treasurerRecords(WARM_UP_ENTRIES, 7));
    return { count: drafts.length, dir, serverFile, phone, warmPhone: warm.phone, entries };
  } finally {
    await server.stop();
  }
}

/** One push from another cooperative, straight to the server (no proxy, untimed). */
async function warmUp(fixture: LumbungFixture, server: ServerProcess): Promise<void> {
  const db = await restorePhone(fixture.warmPhone);
  try {
    const result = await syncOnce(db, { fetch: (input, init) => fetch(input, init), baseUrl: server.url, timeoutMs: 600_000 });
    if (result.status !== 'ok' || result.receipt.acked !== WARM_UP_ENTRIES) throw new Error(`warm-up push failed: ${JSON.stringify(result)}`);
  } finally {
    db.close();
  }
}

export type SyncMeasure = {
  readonly wallMs: number;
  /** CPU time of the phone process (the sync engine, fake-indexeddb, gzip, signing), ms. */
  readonly clientCpuMs: number;
  /** CPU time of the server process during the run, ms. */
  readonly serverCpuMs: number;
  readonly proxy: ProxyStats;
};

let runs = 0;

/** One timed `syncOnce` of the fixture's outbox through a fresh proxy to a fresh server. */
export async function runLumbungSync(
  fixture: LumbungFixture,
  profile: LinkProfile,
  timeScale: number,
  options: Pick<SyncOptions, 'batchLimits' | 'pullPageSize'> & { readonly warmServer?: boolean } = {},
): Promise<SyncMeasure> {
  const { warmServer = true, ...syncOptions } = options;
  runs++;
  const file = path.join(fixture.dir, `run-${String(runs)}.sqlite`);
  copyFileSync(fixture.serverFile, file);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(fixture.serverFile + suffix)) copyFileSync(fixture.serverFile + suffix, file + suffix);
  }
  const server = await startServerProcess(file);
  if (warmServer) await warmUp(fixture, server);
  const proxy = await forkThrottleProxy({ target: server.url, profile, timeScale });
  const db = await restorePhone(fixture.phone);
  try {
    const serverCpu0 = await server.cpuMicros();
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const result = await syncOnce(db, { fetch: (input, init) => fetch(input, init), baseUrl: proxy.url, timeoutMs: 600_000, ...syncOptions });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const serverCpu = (await server.cpuMicros()) - serverCpu0;
    if (result.status !== 'ok') throw new Error(`sync did not finish: ${JSON.stringify(result)}`);
    if (result.receipt.acked !== fixture.count) throw new Error(`acked ${String(result.receipt.acked)} of ${String(fixture.count)}`);
    return { wallMs, clientCpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs: serverCpu / 1000, proxy: await proxy.stats() };
  } finally {
    db.close();
    await proxy.close();
    await server.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

export function disposeLumbung(fixture: LumbungFixture): void {
  rmSync(fixture.dir, { recursive: true, force: true });
}
