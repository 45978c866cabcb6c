/**
 * `npm start` as an operator meets it: server/main.ts spawned for real. Startup failures are one
 * line on stderr and exit code 1; SIGTERM finishes the request in flight and exits 0; data and the
 * first admin survive a restart, and a generated admin password is printed only once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Run {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LUMBUNG_SKIP_BUILD: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exit };
}

async function waitForHealth(port: number, run: Run): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (run.child.exitCode !== null) throw new Error(`server exited: ${run.output().stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${String(port)}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become healthy');
}

function expectOneLineFailure(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lumbung: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('server/main.ts', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'lumbung-main-'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('exits 1 with one line when the data directory cannot be written', async () => {
    // A file where a directory should be: unwritable for root too.
    const blocker = path.join(scratch, 'bukan-folder');
    writeFileSync(blocker, 'x');
    const run = start({ PORT: String(await freePort()), LUMBUNG_DATA_DIR: path.join(blocker, 'data') });
    expect(await run.exit).toBe(1);
    expectOneLineFailure(run.output().stderr, /LUMBUNG_DATA_DIR/);
  });

  it('exits 1 with one line for a DATABASE_URL that is not postgres:// or that does not answer', async () => {
    const wrongScheme = start({ PORT: String(await freePort()), LUMBUNG_DATA_DIR: path.join(scratch, 'd1'), DATABASE_URL: 'mysql://root@localhost/db' });
    expect(await wrongScheme.exit).toBe(1);
    expectOneLineFailure(wrongScheme.output().stderr, /DATABASE_URL/);

    const closed = await freePort();
    const refused = start({
      PORT: String(await freePort()),
      LUMBUNG_DATA_DIR: path.join(scratch, 'd2'),
      DATABASE_URL: `postgres://lumbung@127.0.0.1:${String(closed)}/lumbung`,
    });
    expect(await refused.exit).toBe(1);
    expectOneLineFailure(refused.output().stderr, /DATABASE_URL/);
  });

  it('exits 1 with one line when the port is taken', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const run = start({ PORT: String(port), LUMBUNG_DATA_DIR: path.join(scratch, 'd3') });
      expect(await run.exit).toBe(1);
      expectOneLineFailure(run.output().stderr, new RegExp(`Port ${String(port)} sudah dipakai`));
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('prints a generated admin once, finishes the request in flight on SIGTERM, and keeps its data', { timeout: 120_000 }, async () => {
    const dataDir = path.join(scratch, 'persist');
    const port = await freePort();
    const first = start({ PORT: String(port), LUMBUNG_DATA_DIR: dataDir });
    await waitForHealth(port, first);
    const printed = /kata sandi:\s+(\S+)/.exec(first.output().stdout);
    expect(printed, first.output().stdout).not.toBeNull();
    const password = printed?.[1] ?? '';
    expect(first.output().stdout).toContain(`http://127.0.0.1:${String(port)}/dinas`);

    // A login whose body is still arriving when SIGTERM comes.
    const body = JSON.stringify({ username: 'admin', password });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/admin/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        first.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const finished = await answer;
    expect(finished.status).toBe(200);
    const { token } = JSON.parse(finished.text) as { token: string };
    expect(await first.exit).toBe(0);

    const second = start({ PORT: String(port), LUMBUNG_DATA_DIR: dataDir });
    await waitForHealth(port, second);
    expect(second.output().stdout).not.toContain('kata sandi');
    // The session made during shutdown was committed.
    const me = await fetch(`http://127.0.0.1:${String(port)}/api/v1/admin/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });
});
