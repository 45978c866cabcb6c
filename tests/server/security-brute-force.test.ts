/**
 * Guessing, bounded (reliability research §6.4 X9): a whole day of an attacker who guesses as fast
 * as the server lets them, on a manual clock that jumps by each Retry-After. The figure that
 * matters is how many guesses the server actually checks in 24 hours; everything else is a 429
 * with Retry-After that costs the attacker nothing but time and the server nothing at all.
 * admin.test.ts and devices.test.ts show the first lock; this shows the day, the bypass attempts
 * (spoofed X-Forwarded-For, rotating usernames or addresses) and that refused guesses store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, DEFAULT_RATE_LIMITS } from '../../server/app.ts';
import { ENROLLMENT_CODE_LENGTH } from '../../server/routes/admin-cooperatives.ts';
import { UNAMBIGUOUS_ALPHABET } from '../../server/auth/password.ts';
import { newDeviceKeys } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { ADMIN, startHarness, type Harness } from './harness.ts';
import { expectErrorShape, openRowReader, type RowReader } from './security-kit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Day {
  checked: number;
  throttled: number;
}

/**
 * Guesses for one virtual day. `guess(i)` sends attempt i; a 429 must carry Retry-After, and the
 * clock then jumps by exactly that much (the attacker never waits less).
 */
async function oneDay(h: Harness, guess: (i: number) => Promise<LightMyRequestResponse>, wrongStatus: number): Promise<Day> {
  const end = h.clock.now().getTime() + DAY_MS;
  const day: Day = { checked: 0, throttled: 0 };
  for (let i = 0; h.clock.now().getTime() < end; i++) {
    const response = await guess(i);
    if (response.statusCode === 429) {
      day.throttled += 1;
      expect(expectErrorShape(response, 'throttled').code).toBe('too-many-attempts');
      const seconds = Number(response.headers['retry-after']);
      expect(Number.isInteger(seconds) && seconds >= 1, String(response.headers['retry-after'])).toBe(true);
      h.clock.advance(seconds * 1000);
    } else {
      expect(response.statusCode, response.body).toBe(wrongStatus);
      day.checked += 1;
    }
  }
  return day;
}

/** The day may end just as a lock runs out: one more wrong guess makes sure the key is locked now. */
async function lockNow(guess: () => Promise<LightMyRequestResponse>): Promise<void> {
  for (let i = 0; i < 2; i++) if ((await guess()).statusCode === 429) return;
}

describe.each(STORE_KINDS)('brute force on %s', (kind) => {
  let h: Harness;
  let rows: RowReader;
  let coop: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    coop = await h.createCooperative('KSP Tahan Tebak');
    rows = await openRowReader(h.store);
  });
  afterAll(async () => {
    await rows.close();
    await h.close();
  });

  it('checks at most a few dozen enrollment-code guesses per address per day, whatever X-Forwarded-For says', { timeout: 120_000 }, async () => {
    h.clock.set('2026-12-01T00:00:00.000Z');
    // The harness's session is long expired at this date: a fresh one makes the code.
    const session = await h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: ADMIN, remoteAddress: '192.0.2.200' });
    const made = await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/cooperatives/${coop}/enrollment-codes`,
      headers: { authorization: `Bearer ${session.json<{ token: string }>().token}` },
    });
    expect(made.statusCode).toBe(201);
    const code = made.json<{ code: string }>().code;
    const keys = await newDeviceKeys();
    const before = await rows.snapshot();
    const enroll = (guess: string, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: guess, name: 'HP Penebak', publicKey: keys.publicJwk }, remoteAddress: '203.0.113.7', headers });
    const day = await oneDay(h, (i) => enroll(`TEBAK-${String(i).padStart(4, '0')}-XXXX`, { 'x-forwarded-for': `198.51.100.${String(i % 250)}` }), 400);
    console.info(`[security-brute-force ${kind}] enrollment codes: ${String(day.checked)} guesses checked in 24 h, ${String(day.throttled)} refused with 429`);
    expect(day.checked).toBeGreaterThanOrEqual(5);
    expect(day.checked).toBeLessThanOrEqual(40);
    // The code space makes that pointless: 32^12 codes, one valid, for 7 days.
    expect(UNAMBIGUOUS_ALPHABET.length ** ENROLLMENT_CODE_LENGTH).toBeGreaterThan(1e18);

    // While locked even the right code is refused unchecked, and stays unused.
    await lockNow(() => enroll('TEBAK-LAGI-XXXX'));
    const locked = await enroll(code);
    expect(locked.statusCode).toBe(429);
    expect(await rows.snapshot()).toEqual(before);
    h.clock.advance(Number(locked.headers['retry-after']) * 1000);
    expect((await enroll(code)).statusCode).toBe(201);
  });

  it('checks at most a few dozen password guesses per username per day, from however many addresses', { timeout: 120_000 }, async () => {
    h.clock.set('2026-12-05T00:00:00.000Z');
    const before = await rows.snapshot();
    const login = (password: string, ip: string) => h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: ADMIN.username, password }, remoteAddress: ip });
    // A botnet: every guess from a new address, so only the per-username lock can stop it.
    const day = await oneDay(h, (i) => login(`tebakan-${String(i)}`, `10.${String(Math.floor(i / 250) % 250)}.${String(i % 250)}.1`), 401);
    console.info(`[security-brute-force ${kind}] admin password, one username from rotating addresses: ${String(day.checked)} guesses checked in 24 h, ${String(day.throttled)} refused with 429`);
    expect(day.checked).toBeGreaterThanOrEqual(5);
    expect(day.checked).toBeLessThanOrEqual(40);
    // No session was made by any of it, and the real password waits too while the name is locked.
    expect(await rows.snapshot()).toEqual(before);
    await lockNow(() => login('tebakan-lagi', '10.250.250.1'));
    const locked = await login(ADMIN.password, '192.0.2.1');
    expect(locked.statusCode).toBe(429);
    h.clock.advance(Number(locked.headers['retry-after']) * 1000);
    expect((await login(ADMIN.password, '192.0.2.1')).statusCode).toBe(200);
  });

  it('checks at most a few dozen guesses per address per day across usernames', { timeout: 120_000 }, async () => {
    h.clock.set('2026-12-10T00:00:00.000Z');
    const login = (i: number) =>
      h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: `petugas${String(i)}`, password: 'rahasia123' }, remoteAddress: '203.0.113.99', headers: { 'x-forwarded-for': `10.0.0.${String(i % 250)}` } });
    const day = await oneDay(h, login, 401);
    console.info(`[security-brute-force ${kind}] admin login, one address across usernames: ${String(day.checked)} guesses checked in 24 h`);
    expect(day.checked).toBeLessThanOrEqual(40);
  });
});

describe('request flood from one address (default limits)', () => {
  it('answers 429 rate-limited with Retry-After once the burst is spent, other addresses unaffected', { timeout: 60_000 }, async () => {
    const h = await startHarness('sqlite');
    const app = buildApp({ store: h.store.store, staticDir: null, clock: h.clock, logger: false });
    try {
      let first429: LightMyRequestResponse | null = null;
      let sent = 0;
      while (first429 === null && sent < DEFAULT_RATE_LIMITS.ipBurst + 50) {
        const response = await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.50' });
        sent += 1;
        if (response.statusCode === 429) first429 = response;
      }
      expect(first429).not.toBeNull();
      expect(sent).toBe(DEFAULT_RATE_LIMITS.ipBurst + 1);
      if (first429 === null) return;
      expect(expectErrorShape(first429, 'flood').code).toBe('rate-limited');
      expect(Number(first429.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.51' })).statusCode).toBe(200);
      h.clock.advance(Number(first429.headers['retry-after']) * 1000);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.50' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await h.close();
    }
  });
});
