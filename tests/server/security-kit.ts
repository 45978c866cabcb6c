/**
 * Shared parts of the security suites (tests/server/security-*.test.ts):
 * - the route table, read from the real app as Fastify registers it (an `onRoute` hook), so a
 *   route added tomorrow is in every matrix and fuzz run without anyone listing it;
 * - who may call which route, as a rule over the path (CONTRACT §7), failing loudly for a route
 *   no rule covers;
 * - a snapshot of every stored row of every table, read straight from the database (not through
 *   the Store API, which could hide a write it did not mean to make).
 */
import Database from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { API_PREFIX, buildApp } from '../../server/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security-headers.ts';
import type { TestDevice } from '../support/entries.ts';
import type { TestStore } from '../support/stores.ts';

export interface RouteSpec {
  method: string;
  /** As registered, with `:param` placeholders, e.g. `/api/v1/admin/cooperatives/:id`. */
  url: string;
}

/** Every method + url the app registers, HEAD twins of GET routes included. */
export async function routeTable(store: TestStore): Promise<RouteSpec[]> {
  const app = buildApp({ store: store.store, staticDir: null, logger: false });
  const routes: RouteSpec[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method: String(method), url: route.url });
  });
  await app.ready();
  await app.close();
  return routes.sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}

/** Who the contract lets through (CONTRACT §7 "who"). */
export type Access = 'anyone' | 'admin' | 'device' | 'admin-or-own-device';

const PUBLIC_ROUTES = new Set([
  `${API_PREFIX}/health`,
  `${API_PREFIX}/admin/login`,
  // Logout needs no session: it ends the one presented, if any.
  `${API_PREFIX}/admin/logout`,
  // Enrollment: anyone holding a code.
  `${API_PREFIX}/devices`,
]);

export function accessOf(route: RouteSpec): Access {
  if (PUBLIC_ROUTES.has(route.url)) return 'anyone';
  if (route.url.startsWith(`${API_PREFIX}/admin/`)) return 'admin';
  if (route.url.startsWith(`${API_PREFIX}/sync/`)) return 'device';
  if (route.url.startsWith(`${API_PREFIX}/cooperatives/:id/`)) return 'admin-or-own-device';
  throw new Error(`No access rule for ${route.method} ${route.url}: add it to accessOf in tests/server/security-kit.ts`);
}

/** Path parameters of a route pattern, in order. */
export function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}

/** The concrete path of a route pattern; every parameter must be given (a new one fails loudly). */
export function fillPath(url: string, values: Readonly<Record<string, string>>): string {
  return url.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No test value for path parameter :${name} of ${url}`);
    return value;
  });
}

// ---- Stored rows ----

/**
 * Columns that a refused request may legitimately move: a correctly signed device request advances
 * that device's replay counter (and its last-seen time) before the route decides it has nothing
 * for it — that is the replay protection working, not data changing.
 */
const VOLATILE: Readonly<Record<string, readonly string[]>> = {
  devices: ['counter', 'last_seen_at'],
};

/** Table name → its rows (volatile columns removed), as sorted JSON text. */
export type Snapshot = Record<string, string[]>;

function normalise(table: string, rows: readonly Record<string, unknown>[]): string[] {
  const skip = new Set(VOLATILE[table] ?? []);
  return rows
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !skip.has(column)).sort(([a], [b]) => a.localeCompare(b)))))
    .sort();
}

export interface RowReader {
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

/**
 * Reads every table directly: SQLite through a second, read-only connection to the same file;
 * PostgreSQL as the cluster's superuser (the app role is bound by row-level security and would
 * see only what its scope allows).
 */
export async function openRowReader(store: TestStore): Promise<RowReader> {
  if (store.store.kind === 'sqlite') {
    const db = new Database(store.location, { readonly: true, fileMustExist: true });
    return {
      snapshot() {
        const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
        const result: Snapshot = {};
        for (const { name } of tables) {
          result[name] = normalise(name, db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).all());
        }
        return Promise.resolve(result);
      },
      close() {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = new URL(store.location).pathname;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    async snapshot() {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
      );
      // Every table in one round trip: the fuzz takes a snapshot after each request.
      const columns = tables.rows.map(({ table_name: name }) => `(SELECT coalesce(json_agg(t), '[]'::json) FROM "${name}" t) AS "${name}"`);
      const all = await client.query<Record<string, Record<string, unknown>[]>>(`SELECT ${columns.join(', ')}`);
      const row = all.rows[0] ?? {};
      const result: Snapshot = {};
      for (const { table_name: name } of tables.rows) result[name] = normalise(name, row[name] ?? []);
      return result;
    },
    async close() {
      await client.end();
    },
  };
}

/** Row counts per table, for messages and the figures in docs/reliability.md. */
export function rowCounts(snapshot: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}

// ---- Responses ----

export interface ResponseLike {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** The contract's error shape (CONTRACT §7), as JSON. */
export function expectErrorShape(response: ResponseLike, label: string): { code: string; message: string } {
  expect(String(response.headers['content-type']), label).toContain('application/json');
  const parsed = JSON.parse(response.body) as unknown;
  expect(parsed, label).toMatchObject({ error: { code: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/) as unknown, message: expect.any(String) as unknown } });
  const { error } = parsed as { error: { code: string; message: string } };
  expect(error.message.length, label).toBeGreaterThan(5);
  return error;
}

/** The headers of server/http/security-headers.ts, which every response must carry. */
export function expectSecurityHeaders(response: ResponseLike, label: string): void {
  expect(response.headers['content-security-policy'], label).toBe(CONTENT_SECURITY_POLICY);
  // What the policy must say, whatever else it says: no plugins, no framing, no inline code.
  const csp = String(response.headers['content-security-policy']);
  for (const directive of ["object-src 'none'", "frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"]) expect(csp, label).toContain(directive);
  expect(csp, label).not.toContain('unsafe-');
  expect(response.headers['x-content-type-options'], label).toBe('nosniff');
  expect(response.headers['referrer-policy'], label).toBe('no-referrer');
  expect(response.headers['x-frame-options'], label).toBe('DENY');
  expect(response.headers['cross-origin-opener-policy'], label).toBe('same-origin');
  expect(String(response.headers['permissions-policy']), label).toContain('camera=()');
}

// ---- Callers ----

/** Who knocks: an admin session, a signed device, or nobody at all. */
export type Caller = { kind: 'admin'; token: string } | { kind: 'device'; device: TestDevice } | { kind: 'nobody' };

export interface Knock {
  method: string;
  url: string;
  /** Bytes sent as they are (a device signs exactly these). */
  body?: Buffer;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/**
 * One request through the real app as `caller`. Device requests are signed over the bytes as sent
 * with the device's next counter; content-type defaults to JSON when there is a body.
 */
export async function knock(app: FastifyInstance, caller: Caller, request: Knock): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (caller.kind === 'admin') headers.authorization = `Bearer ${caller.token}`;
  if (caller.kind === 'device') Object.assign(headers, await caller.device.sign(request.method, request.url, request.body));
  Object.assign(headers, request.headers);
  return app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.body === undefined ? {} : { payload: request.body }),
    ...(request.remoteAddress === undefined ? {} : { remoteAddress: request.remoteAddress }),
  });
}
