/**
 * Phone enrollment with one-time codes, and device request authentication (CONTRACT §7): the
 * counter, the signature over method/path/counter/body-hash, revoked and unknown devices.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeviceKeys, TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string } };

describe.each(STORE_KINDS)('devices on %s', (kind) => {
  let h: Harness;
  let cooperativeId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    cooperativeId = await h.createCooperative('KSP Enroll');
  });
  afterAll(async () => {
    await h.close();
  });

  const enroll = async (code: string, remoteAddress = '192.168.1.10') => {
    const keys = await newDeviceKeys();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      payload: { code, name: 'HP Bendahara', publicKey: keys.publicJwk },
      remoteAddress,
    });
    return { response, keys };
  };

  it('enrolls a phone with a code: device id, cooperative, chart and server time', async () => {
    const code = await h.enrollmentCode(cooperativeId);
    // People type codes in lower case and without dashes.
    const { response } = await enroll(code.replace(/-/g, '').toLowerCase());
    expect(response.statusCode).toBe(201);
    const body = response.json<{
      deviceId: string;
      cooperative: { id: string; name: string; village: string; district: string };
      chart: { code: string; name: string; type: string }[];
      settings: Record<string, unknown>;
      serverTime: string;
    }>();
    expect(body.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.cooperative).toEqual({ id: cooperativeId, name: 'KSP Enroll', village: 'Sukamaju', district: 'Jember' });
    expect(body.chart).toHaveLength(29);
    expect(body.chart[0]).toEqual({ code: '1-101', name: 'Kas', type: 'asset' });
    expect(body.settings).toEqual({});
    expect(body.serverTime).toBe('2026-11-29T03:00:00.000Z');
  });

  it('uses a code once: the second phone gets 410 enrollment-code-used', async () => {
    const code = await h.enrollmentCode(cooperativeId);
    expect((await enroll(code)).response.statusCode).toBe(201);
    const second = await enroll(code, '192.168.1.11');
    expect(second.response.statusCode).toBe(410);
    expect(second.response.json<ErrorBody>().error.code).toBe('enrollment-code-used');
  });

  it('expires a code after 7 days (410 enrollment-code-expired)', async () => {
    const code = await h.enrollmentCode(cooperativeId);
    h.clock.advance(7 * 24 * 60 * 60 * 1000);
    const late = await enroll(code, '192.168.1.12');
    h.clock.set('2026-11-29T03:00:00.000Z');
    expect(late.response.statusCode).toBe(410);
    expect(late.response.json<ErrorBody>().error.code).toBe('enrollment-code-expired');
  });

  it('refuses a wrong code (400) and a key that is not a P-256 public JWK (400)', async () => {
    const wrong = await enroll('AAAA-BBBB-CCCC', '192.168.1.13');
    expect(wrong.response.statusCode).toBe(400);
    expect(wrong.response.json<ErrorBody>().error.code).toBe('enrollment-code-invalid');
    const code = await h.enrollmentCode(cooperativeId);
    const badKey = await h.app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      payload: { code, name: 'HP', publicKey: { kty: 'RSA', n: 'abc', e: 'AQAB' } },
      remoteAddress: '192.168.1.13',
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json<ErrorBody>().error.code).toBe('invalid-public-key');
    // The code survives a refused key.
    expect((await enroll(code, '192.168.1.13')).response.statusCode).toBe(201);
  });

  it('throttles code guessing per IP: after 5 wrong codes even a right one gets 429', async () => {
    const ip = '192.168.7.7';
    for (let i = 0; i < 5; i++) expect((await enroll(`TEBAK-${String(i)}`, ip)).response.statusCode).toBe(400);
    const code = await h.enrollmentCode(cooperativeId);
    const locked = await enroll(code, ip);
    expect(locked.response.statusCode).toBe(429);
    expect(locked.response.headers['retry-after']).toBe('60');
    h.clock.advance(61_000);
    expect((await enroll(code, ip)).response.statusCode).toBe(201);
    h.clock.set('2026-11-29T03:00:00.000Z');
  });

  describe('signed requests', () => {
    let device: TestDevice;
    beforeAll(async () => {
      device = await h.enroll(cooperativeId);
    });

    const pull = (options: { counter?: number; headers?: Record<string, string> } = {}) =>
      h.device(device, 'GET', '/api/v1/sync/pull?after=0', undefined, options);

    it('accepts a correctly signed request and refuses the same counter again (401 device-counter-stale)', async () => {
      expect((await pull()).statusCode).toBe(200);
      const replay = await pull({ counter: device.counter });
      expect(replay.statusCode).toBe(401);
      expect(replay.json<ErrorBody>().error.code).toBe('device-counter-stale');
      const lower = await pull({ counter: device.counter - 1 });
      expect(lower.json<ErrorBody>().error.code).toBe('device-counter-stale');
      // Counters may jump forward (a phone that lost requests in flight).
      device.counter += 1000;
      expect((await pull()).statusCode).toBe(200);
    });

    it('refuses a bad signature, and a request whose path or body was changed after signing', async () => {
      const forged = await pull({ headers: { 'x-device-signature': 'A'.repeat(86) } });
      expect(forged.statusCode).toBe(401);
      expect(forged.json<ErrorBody>().error.code).toBe('device-signature-invalid');

      const signed = await device.sign('GET', '/api/v1/sync/pull?after=0');
      const otherPath = await h.app.inject({ method: 'GET', url: '/api/v1/sync/pull?after=0&limit=1', headers: { ...signed } });
      expect(otherPath.json<ErrorBody>().error.code).toBe('device-signature-invalid');

      const body = Buffer.from(JSON.stringify({ entries: [] }));
      const headers = await device.sign('POST', '/api/v1/sync/push', body);
      const tampered = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: Buffer.from(JSON.stringify({ entries: [{}] })),
      });
      expect(tampered.statusCode).toBe(401);
      expect(tampered.json<ErrorBody>().error.code).toBe('device-signature-invalid');
      // A failed signature does not burn the counter: a later honest request with a higher counter works.
      expect((await pull()).statusCode).toBe(200);
    });

    it('signs gzip bodies over the compressed bytes as sent', async () => {
      const response = await h.device(device, 'POST', '/api/v1/sync/push', { entries: [] }, { gzip: true });
      expect(response.statusCode).toBe(200);
      const json = Buffer.from(JSON.stringify({ entries: [] }));
      const gz = gzipSync(json);
      // Signed over the uncompressed JSON but sent gzipped: refused.
      const headers = await device.sign('POST', '/api/v1/sync/push', json);
      const wrong = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        payload: gz,
      });
      expect(wrong.json<ErrorBody>().error.code).toBe('device-signature-invalid');
    });

    it('refuses missing headers and unknown devices with distinct codes', async () => {
      const bare = await h.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
      expect(bare.statusCode).toBe(401);
      expect(bare.json<ErrorBody>().error.code).toBe('device-auth-missing');
      const stranger = new TestDevice(cooperativeId, '99999999-9999-4999-8999-999999999999', await newDeviceKeys());
      const unknown = await h.device(stranger, 'GET', '/api/v1/sync/pull');
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json<ErrorBody>().error.code).toBe('device-unknown');
      // Someone else's key under this device's id.
      const impostor = new TestDevice(cooperativeId, device.deviceId, await newDeviceKeys());
      impostor.counter = device.counter + 10;
      expect((await h.device(impostor, 'GET', '/api/v1/sync/pull')).json<ErrorBody>().error.code).toBe('device-signature-invalid');
    });

    it('refuses a revoked device with 401 device-revoked, distinguishable by the phone', async () => {
      const doomed = await h.enroll(cooperativeId, 'HP hilang');
      expect((await h.device(doomed, 'GET', '/api/v1/sync/pull')).statusCode).toBe(200);
      expect((await h.admin('POST', `/api/v1/admin/devices/${doomed.deviceId}/revoke`)).statusCode).toBe(200);
      const refused = await h.device(doomed, 'GET', '/api/v1/sync/pull');
      expect(refused.statusCode).toBe(401);
      const body = refused.json<ErrorBody>();
      expect(body.error.code).toBe('device-revoked');
      expect(body.error.message).toContain('dicabut');
    });
  });
});

describe('device rate limit', () => {
  it('answers 429 rate-limited with Retry-After when one device floods the server', async () => {
    const h = await startHarness('sqlite', {
      rateLimits: { ipBurst: 1000, ipPerSecond: 1000, deviceBurst: 3, devicePerSecond: 1 },
    });
    try {
      const id = await h.createCooperative();
      const device = await h.enroll(id);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await h.device(device, 'GET', '/api/v1/sync/pull')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      h.clock.advance(1000);
      expect((await h.device(device, 'GET', '/api/v1/sync/pull')).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});
