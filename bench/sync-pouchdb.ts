/**
 * The PouchDB peer of the sync benchmark: a PouchDB database (LevelDB adapter, on disk) holding the
 * same records as Lumbung's phone — the same signed entry JSON, with `_id` = the entry's id — syncs
 * once (`db.sync(remote)`: push and pull, PouchDB's defaults) with an express-pouchdb server over the
 * same throttle proxy. The local database is built once per size and copied for each run; each run
 * gets a new server directory with the remote database created beforehand (as Lumbung's server
 * already holds the cooperative), so every run replicates all N documents.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkThrottleProxy, type LinkProfile } from './support/throttle-proxy.ts';
import type { ServerProcess, SyncMeasure } from './sync-lumbung.ts';
import { loadPouchDB, type PouchDoc } from './sync-pouchdb-types.ts';

const SERVER_SCRIPT = fileURLToPath(new URL('./sync-pouchdb-server.ts', import.meta.url));
const REMOTE_DB = 'koperasi-sukamaju';

async function startPouchServer(dir: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(SERVER_SCRIPT, [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`PouchDB server exited (${String(code)})`)));
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

export type PouchFixture = { readonly count: number; readonly dir: string; readonly localDir: string };

/** Entries as PouchDB documents: the same JSON, the entry id as `_id`. */
export function asDocs(entries: readonly unknown[]): PouchDoc[] {
  return entries.map((entry) => {
    const { id, ...rest } = entry as { id: string } & Record<string, unknown>;
    return { _id: id, ...rest };
  });
}

export async function preparePouch(entries: readonly unknown[]): Promise<PouchFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-bench-pouch-'));
  const localDir = path.join(dir, 'local');
  mkdirSync(localDir);
  const { PouchDB } = loadPouchDB();
  const Local = PouchDB.defaults({ prefix: `${localDir}${path.sep}` });
  const db = new Local('phone');
  const docs = asDocs(entries);
  // The phone records one at a time; bulk here only saves preparation time (same stored docs).
  for (let i = 0; i < docs.length; i += 500) await db.bulkDocs(docs.slice(i, i + 500));
  await db.close();
  return { count: entries.length, dir, localDir };
}

let runs = 0;

export async function runPouchSync(fixture: PouchFixture, profile: LinkProfile, timeScale: number): Promise<SyncMeasure> {
  runs++;
  const runDir = path.join(fixture.dir, `run-${String(runs)}`);
  const serverDir = path.join(runDir, 'server');
  const localDir = path.join(runDir, 'local');
  mkdirSync(serverDir, { recursive: true });
  cpSync(fixture.localDir, localDir, { recursive: true });
  const server = await startPouchServer(serverDir);
  const created = await fetch(`${server.url}/${REMOTE_DB}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`creating the remote database: ${String(created.status)}`);
  const proxy = await forkThrottleProxy({ target: server.url, profile, timeScale });
  const { PouchDB } = loadPouchDB();
  const local = new (PouchDB.defaults({ prefix: `${localDir}${path.sep}` }))('phone');
  const remote = new PouchDB(`${proxy.url}/${REMOTE_DB}`, { skip_setup: true });
  try {
    const serverCpu0 = await server.cpuMicros();
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const result = await local.sync(remote);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const serverCpu = (await server.cpuMicros()) - serverCpu0;
    if (result.push.docs_written !== fixture.count) throw new Error(`PouchDB pushed ${String(result.push.docs_written)} of ${String(fixture.count)}`);
    return { wallMs, clientCpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs: serverCpu / 1000, proxy: await proxy.stats() };
  } finally {
    await local.close();
    await remote.close();
    await proxy.close();
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

export function disposePouch(fixture: PouchFixture): void {
  rmSync(fixture.dir, { recursive: true, force: true });
}
