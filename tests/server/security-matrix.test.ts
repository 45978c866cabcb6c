/**
 * The authorisation matrix (reliability research §5.4, §6.4 X1/X5/X11), generated from the route
 * table the app really registers: every route × {admin, device of A, device of B, revoked device
 * of A, nobody} × {A's resource, a resource that does not exist}. tenancy.test.ts checks chosen
 * routes by hand; this one cannot miss a route, because it never lists them.
 *
 * A refused cell must: answer 401/403/404 in the error shape, carry the security headers and
 * `no-store`, say nothing of A (no names, no ids beyond what the caller sent), answer exactly as
 * for a resource that does not exist, and leave every stored row of every table as it was.
 * An allowed cell must get past authorisation (not 401/403/404) and never 5xx.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deposit, ids, joined, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';
import {
  accessOf,
  expectErrorShape,
  expectSecurityHeaders,
  fillPath,
  knock,
  openRowReader,
  paramsOf,
  routeTable,
  rowCounts,
  type Caller,
  type RouteSpec,
  type RowReader,
  type Snapshot,
} from './security-kit.ts';

type CallerName = 'admin' | 'device-A' | 'device-B' | 'revoked-A' | 'nobody';
const CALLERS: readonly CallerName[] = ['admin', 'device-A', 'device-B', 'revoked-A', 'nobody'];

/** Words that exist only in cooperative A's data: none may reach a caller who is not A's. */
const SECRET = { cooperative: 'KSP Rahasia Alfa', member: 'Sulastri Rahasia', device: 'HP Rahasia Alfa' };

function allowed(route: RouteSpec, caller: CallerName): boolean {
  switch (accessOf(route)) {
    case 'anyone':
      return true;
    case 'admin':
      return caller === 'admin';
    case 'device':
      // Each device acts on its own cooperative; the cooperative comes from the credential.
      return caller === 'device-A' || caller === 'device-B';
    case 'admin-or-own-device':
      return caller === 'admin' || caller === 'device-A';
  }
}

describe.each(STORE_KINDS)('authorisation matrix on %s', (kind) => {
  let h: Harness;
  let rows: RowReader;
  let routes: RouteSpec[];
  let coopA: string;
  let phoneA: TestDevice;
  let phoneB: TestDevice;
  let revokedA: TestDevice;
  /** A device of A that only the admin cells touch (the revoke route). */
  let spareA: TestDevice;
  let before: Snapshot;

  const callerOf = (name: CallerName): Caller => {
    switch (name) {
      case 'admin':
        return { kind: 'admin', token: h.token };
      case 'device-A':
        return { kind: 'device', device: phoneA };
      case 'device-B':
        return { kind: 'device', device: phoneB };
      case 'revoked-A':
        return { kind: 'device', device: revokedA };
      case 'nobody':
        return { kind: 'nobody' };
    }
  };

  const paramsFor = (target: 'A' | 'missing'): Record<string, string> =>
    target === 'A'
      ? { id: coopA, deviceId: spareA.deviceId, report: 'members' }
      : { id: randomUUID(), deviceId: randomUUID(), report: 'members' };

  const query = (route: RouteSpec): string => (route.url.endsWith('/reports/:report') ? '?asOf=2026-11-29' : '');
  const bodyOf = (route: RouteSpec): Buffer | undefined => (route.method === 'POST' ? Buffer.from('{}') : undefined);

  beforeAll(async () => {
    h = await startHarness(kind);
    routes = await routeTable(h.store);
    coopA = await h.createCooperative(SECRET.cooperative);
    const coopB = await h.createCooperative('KSP Beta');
    phoneA = await h.enroll(coopA, SECRET.device);
    spareA = await h.enroll(coopA, 'HP cadangan');
    revokedA = await h.enroll(coopA, 'HP hilang');
    phoneB = await h.enroll(coopB, 'HP Beta');
    const member = ids.member();
    await h.push(phoneA, [await phoneA.entry(joined(member, 'A-001', SECRET.member)), await phoneA.entry(deposit(member, 'pokok', 100_000))]);
    const memberB = ids.member();
    await h.push(phoneB, [await phoneB.entry(joined(memberB, 'B-001', 'Bambang'))]);
    expect((await h.admin('POST', `/api/v1/admin/devices/${revokedA.deviceId}/revoke`)).statusCode).toBe(200);
    rows = await openRowReader(h.store);
    before = await rows.snapshot();
  });
  afterAll(async () => {
    await rows.close();
    await h.close();
  });

  it('reads the route table from the app, and every route has an access rule', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const route of routes) expect(() => accessOf(route), `${route.method} ${route.url}`).not.toThrow();
    expect(routes).toContainEqual({ method: 'POST', url: '/api/v1/sync/push' });
    // The row reader sees everything (PostgreSQL: past row-level security), or the snapshot would prove nothing.
    expect(rowCounts(before)).toMatchObject({ cooperatives: 2, devices: 4, entries: 3, enrollment_codes: 4 });
  });

  it('refuses every cell outside the contract, says nothing about A, answers like a missing resource, and changes no row', { timeout: 120_000 }, async () => {
    let cells = 0;
    for (const route of routes) {
      for (const name of CALLERS) {
        if (allowed(route, name)) continue;
        const label = `${name} → ${route.method} ${route.url}`;
        const answers = [];
        for (const target of ['A', 'missing'] as const) {
          const url = fillPath(route.url, paramsFor(target)) + query(route);
          const body = bodyOf(route);
          const response = await knock(h.app, callerOf(name), { method: route.method, url, ...(body === undefined ? {} : { body }) });
          cells += 1;
          expect([401, 403, 404], `${label} (${target}): ${response.body}`).toContain(response.statusCode);
          expectSecurityHeaders(response, label);
          expect(response.headers['cache-control'], label).toBe('no-store');
          if (route.method !== 'HEAD') expectErrorShape(response, label);
          for (const word of [...Object.values(SECRET), coopA, phoneA.deviceId, spareA.deviceId]) {
            // The caller's own request may echo its path; nothing else of A's may appear.
            if (url.includes(word)) continue;
            expect(response.body, `${label} leaks ${word}`).not.toContain(word);
          }
          answers.push({ status: response.statusCode, body: response.body });
        }
        // "Not yours" and "does not exist" must be indistinguishable (no enumeration of ids).
        if (paramsOf(route.url).length > 0) expect(answers[0], `${label}: A vs missing`).toEqual(answers[1]);
        expect(await rows.snapshot(), `${label} changed stored rows`).toEqual(before);
      }
    }
    // 20 routes today; the count grows with the table, it is never a fixed list.
    expect(cells).toBeGreaterThanOrEqual(100);
    console.info(`[security-matrix ${kind}] ${String(routes.length)} routes, ${String(cells)} refused cells checked`);
  });

  it("lets every allowed cell past authorisation, and never shows A's data to B", { timeout: 60_000 }, async () => {
    let cells = 0;
    for (const route of routes) {
      for (const name of CALLERS) {
        if (!allowed(route, name)) continue;
        const label = `${name} → ${route.method} ${route.url}`;
        const url = fillPath(route.url, paramsFor('A')) + query(route);
        const body = bodyOf(route);
        // Logout would end the harness's own session: the admin cell uses a session of its own.
        const caller: Caller = name === 'admin' && route.url.endsWith('/logout') ? { kind: 'admin', token: await freshToken() } : callerOf(name);
        const response = await knock(h.app, caller, { method: route.method, url, ...(body === undefined ? {} : { body }) });
        cells += 1;
        expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(500);
        expect([401, 403, 404], `${label}: ${response.body}`).not.toContain(response.statusCode);
        expectSecurityHeaders(response, label);
        if (route.url.startsWith('/api/')) expect(response.headers['cache-control'], label).toBe('no-store');
        if (name === 'device-B' || name === 'nobody') {
          for (const word of Object.values(SECRET)) expect(response.body, `${label} leaks ${word}`).not.toContain(word);
        }
      }
    }
    expect(cells).toBeGreaterThanOrEqual(20);
    console.info(`[security-matrix ${kind}] ${String(cells)} allowed cells checked`);
  });

  async function freshToken(): Promise<string> {
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: 'dinas', password: 'rahasia-dinas-123' } });
    expect(login.statusCode).toBe(200);
    return login.json<{ token: string }>().token;
  }
});
