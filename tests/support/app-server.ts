// Starts the real district server exactly as `npm start` does (`node --import tsx server/main.ts`)
// on 127.0.0.1 and a free port, with a throwaway data directory, and waits until
// /api/v1/health answers. Browser tests talk to it like a phone would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type AppServer = {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly dataDir: string;
  readonly admin: { readonly username: string; readonly password: string };
  /** Everything the server printed so far (stdout and stderr), for assertions and failure reports. */
  readonly output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; removes the data directory. */
  readonly stop: (graceMs?: number) => Promise<void>;
};

export type AppServerOptions = {
  /** Extra environment (DATABASE_URL, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for /api/v1/health. */
  readonly startTimeoutMs?: number;
};

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lumbung-e2e-'));
  const admin = { username: 'dinas', password: 'rahasia-dinas-123' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LUMBUNG_DATA_DIR: dataDir,
      LUMBUNG_ADMIN_USER: admin.username,
      LUMBUNG_ADMIN_PASSWORD: admin.password,
      // The e2e global setup already built dist/; a second build here would race between files.
      LUMBUNG_SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://127.0.0.1:${String(port)}`;
  const stop = async (graceMs = 5_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited(child).then(() => false), delay(graceMs).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${String(child.exitCode)} before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy on ${url} in time:\n${output}`);
    }
    await delay(100);
  }
  return { url, dataDir, admin, output: () => output, stop };
}
