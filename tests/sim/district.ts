/**
 * The simulation's district server: a child process (server-process.ts, bundled once per process by
 * server-bundle.ts) on a SQLite file that
 * outlives it. `crash()` is SIGKILL; `start()` again reopens the same file, as the office's machine
 * does after a power cut. The admin calls (cooperatives, enrollment codes, revocation, backup
 * import, reports) go straight to the server, not through any fault proxy: the office sits next to
 * its own server.
 *
 * `storedEntries()` reads the file itself (read-only, beside the running server: WAL allows it) so
 * the invariants see exactly what is durable, rejected entries included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../support/app-server.ts';
import type { FaultPoint } from '../../server/fault-point.ts';
import { serverBundle } from './server-bundle.ts';

const ADMIN = { username: 'dinas-sim', password: 'rahasia-simulasi-123' };

export type StoredEntry = {
  readonly cooperativeId: string;
  readonly id: string;
  readonly deviceId: string;
  readonly seq: number;
  readonly hash: string;
  readonly status: 'accepted' | 'accepted_flagged' | 'rejected';
  readonly reason: string | null;
  readonly serverSeq: number | null;
  readonly body: string;
};

export type Crash = { readonly point: FaultPoint; readonly nth: number };

type Running = { child: ChildProcess; url: string; exited: Promise<void> };

export class District {
  private running: Running | null = null;
  private token: string | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'lumbung-sim-'));
  readonly file = path.join(this.dir, 'lumbung.sqlite');
  /** The fault point the running process is armed with, if any. */
  armed: Crash | undefined;

  get url(): string {
    if (this.running === null) throw new Error('the district server is not running');
    return this.running.url;
  }

  get isRunning(): boolean {
    return this.running !== null && this.running.child.exitCode === null && this.running.child.signalCode === null;
  }

  /** Starts the server; with `crash`, it will SIGKILL itself at that fault point's n-th hit. */
  async start(crash?: Crash): Promise<string> {
    if (this.running !== null) await this.reap();
    const child = spawn(process.execPath, [await serverBundle()], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        LUMBUNG_SIM_DB: this.file,
        LUMBUNG_SIM_ADMIN_USER: ADMIN.username,
        LUMBUNG_SIM_ADMIN_PASSWORD: ADMIN.password,
        LUMBUNG_SIM_CRASH_AT: crash === undefined ? '' : `${crash.point}:${String(crash.nth)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      let line = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        line += chunk.toString();
        const match = /\{"port":(\d+)\}/.exec(line);
        if (match?.[1] !== undefined) resolve(Number(match[1]));
      });
      void exited.then(() => reject(new Error(`sim server exited before listening:\n${output}`)));
    });
    const url = `http://127.0.0.1:${String(port)}`;
    this.running = { child, url, exited };
    this.armed = crash;
    this.token = null;
    return url;
  }

  /** SIGKILL: no close, no flush — whatever was committed is what survives. */
  async crash(): Promise<void> {
    const running = this.running;
    if (running === null) return;
    running.child.kill('SIGKILL');
    await running.exited;
  }

  /** Notes a server that killed itself at its fault point, and forgets it. */
  async reap(): Promise<void> {
    const running = this.running;
    if (running === null) return;
    if (running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
    }
    await running.exited;
    this.running = null;
  }

  /** Whether the server died by itself since it started (an armed fault point fired). */
  diedByItself(): boolean {
    const running = this.running;
    return running !== null && (running.child.exitCode !== null || running.child.signalCode !== null);
  }

  private async admin(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<unknown> {
    if (this.token === null) {
      const login = await fetch(`${this.url}/api/v1/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      if (!login.ok) throw new Error(`admin login: ${String(login.status)} ${await login.text()}`);
      this.token = ((await login.json()) as { token: string }).token;
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.url}/api/v1${pathWithQuery}`, init);
    if (!response.ok) throw new Error(`admin ${method} ${pathWithQuery}: ${String(response.status)} ${await response.text()}`);
    return response.json();
  }

  async createCooperative(name: string): Promise<string> {
    const answer = (await this.admin('POST', '/admin/cooperatives', { name, village: 'Sukamaju', district: 'Jember' })) as {
      cooperative: { id: string };
    };
    return answer.cooperative.id;
  }

  async enrollmentCode(cooperativeId: string): Promise<string> {
    return ((await this.admin('POST', `/admin/cooperatives/${cooperativeId}/enrollment-codes`, {})) as { code: string }).code;
  }

  async revoke(deviceId: string): Promise<void> {
    await this.admin('POST', `/admin/devices/${deviceId}/revoke`, {});
  }

  /** The office imports a phone's backup file; returns the per-entry statuses. */
  async importBackup(cooperativeId: string, file: unknown): Promise<{ id: string | null; status: string }[]> {
    const answer = (await this.admin('POST', `/admin/cooperatives/${cooperativeId}/import`, file)) as {
      results: { id: string | null; status: string }[];
    };
    return answer.results;
  }

  /** A CONTRACT §8 report as the server computes it. */
  async report(cooperativeId: string, name: string, query: Record<string, string>): Promise<unknown> {
    const search = new URLSearchParams(query).toString();
    return this.admin('GET', `/cooperatives/${cooperativeId}/reports/${name}${search === '' ? '' : `?${search}`}`);
  }

  /** Every stored entry (accepted, flagged, rejected) straight from the SQLite file. */
  storedEntries(): StoredEntry[] {
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          'SELECT cooperative_id, id, device_id, seq, hash, status, reason, server_seq, body FROM entries ORDER BY cooperative_id, server_seq',
        )
        .all() as Record<string, unknown>[];
      return rows.map((r) => ({
        cooperativeId: String(r.cooperative_id),
        id: String(r.id),
        deviceId: String(r.device_id),
        seq: Number(r.seq),
        hash: String(r.hash),
        status: r.status as StoredEntry['status'],
        reason: typeof r.reason === 'string' ? r.reason : null,
        serverSeq: r.server_seq === null ? null : Number(r.server_seq),
        body: String(r.body),
      }));
    } finally {
      db.close();
    }
  }

  /** Enrolled devices with their public keys (JWK text) and cooperatives, from the file. */
  storedDevices(): { id: string; cooperativeId: string; publicKey: string; revoked: boolean }[] {
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT id, cooperative_id, public_key, revoked_at FROM devices').all() as Record<string, unknown>[];
      return rows.map((r) => ({
        id: String(r.id),
        cooperativeId: String(r.cooperative_id),
        publicKey: String(r.public_key),
        revoked: r.revoked_at !== null,
      }));
    } finally {
      db.close();
    }
  }

  async close(): Promise<void> {
    const running = this.running;
    if (running !== null && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGTERM');
      const timer = setTimeout(() => running.child.kill('SIGKILL'), 5_000);
      await running.exited;
      clearTimeout(timer);
    }
    this.running = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
