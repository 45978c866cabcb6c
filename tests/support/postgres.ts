/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temp dir, listening on 127.0.0.1 only at
 * a free port with its socket in the temp dir, stopped and deleted afterwards. Uses the Debian
 * binaries (PATH or /usr/lib/postgresql/<version>/bin); never downloads anything.
 *
 * When the tests run as root, the cluster runs as the `postgres` OS user (PostgreSQL refuses
 * root). The app connects as `lumbung_app`, a role that is neither superuser nor BYPASSRLS, so
 * row-level security really applies in tests, as it would in production.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const APP_ROLE = 'lumbung_app';

export interface PostgresCluster {
  /** Superuser URL (database `postgres`), for creating databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

function findBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = path.join(root, version, 'bin');
      if (existsSync(path.join(dir, 'initdb'))) return dir;
    }
  }
  throw new Error('PostgreSQL not found: install the postgresql package (initdb and pg_ctl are needed).');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function numericIds(user: string): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', user])).stdout.trim());
  const gid = Number((await run('id', ['-g', user])).stdout.trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findBinDir();
  const base = mkdtempSync(path.join(tmpdir(), 'lumbung-pg-'));
  const dataDir = path.join(base, 'data');
  const socketDir = base;
  const logFile = path.join(base, 'postgres.log');
  const asRoot = userInfo().uid === 0;
  const exec = async (command: string, args: string[]): Promise<void> => {
    if (asRoot) await run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]);
    else await run(path.join(bin, command), args);
  };
  if (asRoot) {
    const { uid, gid } = await numericIds('postgres');
    chownSync(base, uid, gid);
  }
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const serverOptions = [
    `-p ${String(port)}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${socketDir}'`,
    // A test cluster: speed over crash safety.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
    '-c shared_buffers=32MB',
  ].join(' ');
  await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${String(port)}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
  } finally {
    await client.end();
  }
  return {
    adminUrl,
    port,
    async stop() {
      try {
        await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

let databaseCounter = 0;

/**
 * Creates a fresh database owned by the app role and returns the app role's URL for it.
 * The role owns its tables (it runs the migrations) and is still bound by FORCE ROW LEVEL SECURITY.
 */
export async function createDatabase(adminUrl: string, prefix = 'lumbung_test'): Promise<string> {
  databaseCounter += 1;
  const name = `${prefix}_${String(process.pid)}_${String(Date.now())}_${String(databaseCounter)}`.replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} OWNER ${APP_ROLE}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createDatabase (connections are closed first). */
export async function dropDatabase(adminUrl: string, appUrl: string): Promise<void> {
  const name = new URL(appUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
