/**
 * District admin: login (cookie and bearer), throttling, logout, cooperatives and their overview,
 * enrollment codes and device revocation — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/stores.ts';
import { ADMIN, startHarness, type Harness } from './harness.ts';

interface CooperativeSummary {
  id: string;
  name: string;
  village: string;
  district: string;
  lastSyncAt: string | null;
  members: number;
  pendingFlags: number;
  devices: number;
  totals: { savings: number; loansOutstanding: number; nplBp: number };
}

describe.each(STORE_KINDS)('admin API on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  const login = (body: unknown, remoteAddress = '10.0.0.1') =>
    h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: body as Record<string, unknown>, remoteAddress });

  it('logs in with a session cookie (HttpOnly, SameSite=Strict, Path=/api/v1) and a bearer token', async () => {
    const response = await login(ADMIN);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; expiresAt: string }>();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe('2026-11-29T15:00:00.000Z');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain(`lumbung_admin=${body.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1');
    // Plain http (the office LAN): no Secure flag, or the browser would drop the cookie.
    expect(cookie).not.toContain('Secure');

    const byCookie = await h.app.inject({ method: 'GET', url: '/api/v1/admin/me', headers: { cookie: `lumbung_admin=${body.token}` } });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toMatchObject({ username: 'dinas' });
    const byBearer = await h.app.inject({ method: 'GET', url: '/api/v1/admin/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(byBearer.statusCode).toBe(200);
  });

  it('marks the cookie Secure when the request came over https (behind a trusted proxy)', async () => {
    const { buildApp } = await import('../../server/app.ts');
    const app = buildApp({ store: h.store.store, staticDir: null, clock: h.clock, trustProxy: true });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      payload: ADMIN,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(response.headers['set-cookie'])).toContain('; Secure');
    await app.close();
  });

  it('refuses a wrong password with 401 and no cookie, and admin routes without a session', async () => {
    const wrong = await login({ username: 'dinas', password: 'salah-sekali' }, '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect((wrong.json<{ error: { code: string } }>()).error.code).toBe('invalid-credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const noSession = await h.app.inject({ method: 'GET', url: '/api/v1/admin/cooperatives' });
    expect(noSession.statusCode).toBe(401);
    expect((noSession.json<{ error: { code: string } }>()).error.code).toBe('admin-unauthorized');
    const forged = await h.app.inject({ method: 'GET', url: '/api/v1/admin/cooperatives', headers: { authorization: 'Bearer ' + 'A'.repeat(43) } });
    expect(forged.statusCode).toBe(401);
  });

  it('throttles password guessing per username: after 5 failures even the right password waits (429 + Retry-After)', async () => {
    // A success clears the username's count (the earlier test left one failure).
    expect((await login(ADMIN, '10.1.0.98')).statusCode).toBe(200);
    const victim = { username: 'Dinas', password: 'tebakan-0' };
    for (let i = 0; i < 5; i++) {
      const response = await login({ ...victim, password: `tebakan-${String(i)}` }, `10.1.0.${String(i)}`);
      expect(response.statusCode).toBe(401);
    }
    const locked = await login(ADMIN, '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect((locked.json<{ error: { code: string } }>()).error.code).toBe('too-many-attempts');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBe(30);
    h.clock.advance(31_000);
    expect((await login(ADMIN, '10.1.0.99')).statusCode).toBe(200);
  });

  it('throttles per IP across usernames, with a lock that doubles', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 5; i++) expect((await login({ username: `orang${String(i)}`, password: 'salah-salah' }, ip)).statusCode).toBe(401);
    const first = await login(ADMIN, ip);
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('30');
    h.clock.advance(30_000);
    expect((await login({ username: 'lagi', password: 'salah-salah' }, ip)).statusCode).toBe(401);
    const second = await login(ADMIN, ip);
    expect(second.headers['retry-after']).toBe('60');
  });

  it('logs out: the token stops working and the cookie is cleared', async () => {
    const session = (await login(ADMIN, '10.3.0.1')).json<{ token: string }>();
    const logout = await h.app.inject({ method: 'POST', url: '/api/v1/admin/logout', headers: { authorization: `Bearer ${session.token}` } });
    expect(logout.statusCode).toBe(200);
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/admin/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('expires sessions after 12 hours', async () => {
    const session = (await login(ADMIN, '10.4.0.1')).json<{ token: string }>();
    h.clock.advance(12 * 60 * 60 * 1000 + 1);
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/admin/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(me.statusCode).toBe(401);
    h.clock.set('2026-11-29T03:00:00.000Z');
  });

  it('creates, lists and shows cooperatives with an overview', async () => {
    const created = await h.admin('POST', '/api/v1/admin/cooperatives', { name: 'KSP Maju Bersama', village: 'Sukamaju', district: 'Jember' });
    expect(created.statusCode).toBe(201);
    const { cooperative } = created.json<{ cooperative: CooperativeSummary }>();
    expect(cooperative.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(cooperative).toMatchObject({ name: 'KSP Maju Bersama', village: 'Sukamaju', district: 'Jember', members: 0, devices: 0, lastSyncAt: null });
    expect(cooperative.totals).toMatchObject({ savings: 0, loansOutstanding: 0, nplBp: 0 });

    const bad = await h.admin('POST', '/api/v1/admin/cooperatives', { name: '', village: 'x' });
    expect(bad.statusCode).toBe(400);

    const list = await h.admin('GET', '/api/v1/admin/cooperatives');
    expect(list.statusCode).toBe(200);
    const names = (list.json<{ cooperatives: CooperativeSummary[] }>()).cooperatives.map((c) => c.name);
    expect(names).toContain('KSP Maju Bersama');

    const one = await h.admin('GET', `/api/v1/admin/cooperatives/${cooperative.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ cooperative: { id: cooperative.id }, devices: [] });

    const missing = await h.admin('GET', '/api/v1/admin/cooperatives/99999999-9999-4999-8999-999999999999');
    expect(missing.statusCode).toBe(404);
    expect((missing.json<{ error: { code: string } }>()).error.code).toBe('cooperative-not-found');
  });

  it('makes enrollment codes of 12 unambiguous characters, valid for 7 days', async () => {
    const id = await h.createCooperative('KSP Kode');
    const response = await h.admin('POST', `/api/v1/admin/cooperatives/${id}/enrollment-codes`);
    expect(response.statusCode).toBe(201);
    const { code, expiresAt } = response.json<{ code: string; expiresAt: string }>();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(expiresAt).toBe('2026-12-06T03:00:00.000Z');
    const other = (await h.admin('POST', `/api/v1/admin/cooperatives/${id}/enrollment-codes`)).json<{ code: string }>();
    expect(other.code).not.toBe(code);
  });

  it('revokes a device; its cooperative shows it revoked', async () => {
    const id = await h.createCooperative('KSP Cabut');
    const device = await h.enroll(id);
    const revoke = await h.admin('POST', `/api/v1/admin/devices/${device.deviceId}/revoke`);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ device: { id: device.deviceId, status: 'revoked', cooperativeId: id } });
    const detail = (await h.admin('GET', `/api/v1/admin/cooperatives/${id}`)).json<{
      cooperative: CooperativeSummary;
      devices: { id: string; status: string }[];
    }>();
    expect(detail.devices).toEqual([expect.objectContaining({ id: device.deviceId, status: 'revoked' })]);
    expect(detail.cooperative.devices).toBe(0);
    const unknown = await h.admin('POST', '/api/v1/admin/devices/99999999-9999-4999-8999-999999999999/revoke');
    expect(unknown.statusCode).toBe(404);
  });
});
