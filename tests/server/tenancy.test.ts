/**
 * Cooperative A can never read or write B (reliability research §5.4): every admin route refuses
 * anonymous callers and device credentials; every device route works only on the device's own
 * cooperative, and another cooperative's data answers exactly like data that does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { deposit, ids, joined, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(STORE_KINDS)('tenancy on %s', (kind) => {
  let h: Harness;
  let coopA: string;
  let coopB: string;
  let phoneA: TestDevice;
  let phoneB: TestDevice;
  let entriesB: Entry[];
  beforeAll(async () => {
    h = await startHarness(kind);
    coopA = await h.createCooperative('KSP A');
    coopB = await h.createCooperative('KSP B');
    phoneA = await h.enroll(coopA);
    phoneB = await h.enroll(coopB);
    const m = ids.member();
    entriesB = [await phoneB.entry(joined(m, 'B-1', 'Bambang')), await phoneB.entry(deposit(m, 'pokok', 250_000))];
    await h.push(phoneB, entriesB);
    const a = ids.member();
    await h.push(phoneA, [await phoneA.entry(joined(a, 'A-1', 'Agus'))]);
  });
  afterAll(async () => {
    await h.close();
  });

  const adminRoutes = (): [('GET' | 'POST'), string][] => [
    ['GET', '/api/v1/admin/me'],
    ['GET', '/api/v1/admin/cooperatives'],
    ['POST', '/api/v1/admin/cooperatives'],
    ['GET', `/api/v1/admin/cooperatives/${coopB}`],
    ['POST', `/api/v1/admin/cooperatives/${coopB}/enrollment-codes`],
    ['POST', `/api/v1/admin/devices/${phoneB.deviceId}/revoke`],
    ['POST', `/api/v1/admin/cooperatives/${coopB}/import`],
    ['GET', `/api/v1/cooperatives/${coopB}/reports/members?asOf=2026-11-29`],
  ];

  it('refuses every admin route to anonymous callers and to a signed device', async () => {
    for (const [method, url] of adminRoutes()) {
      const body = method === 'POST' ? { name: 'x', village: 'x', district: 'x' } : undefined;
      const anonymous = await h.app.inject({ method, url, ...(body === undefined ? {} : { payload: body }) });
      expect([401, 404], `${method} ${url} anonymous`).toContain(anonymous.statusCode);
      expect(anonymous.body).not.toContain('Bambang');
      const asDevice = await h.device(phoneA, method, url, body);
      expect([401, 404], `${method} ${url} as device`).toContain(asDevice.statusCode);
      expect(asDevice.body).not.toContain('Bambang');
    }
    // Nothing was changed by those attempts.
    const detail = await h.admin('GET', `/api/v1/admin/cooperatives/${coopB}`);
    expect(detail.json()).toMatchObject({ devices: [{ id: phoneB.deviceId, status: 'active' }] });
    const list = await h.admin('GET', '/api/v1/admin/cooperatives');
    expect(list.json<{ cooperatives: unknown[] }>().cooperatives).toHaveLength(2);
  });

  it("answers a device asking for another cooperative's reports exactly like a missing one", async () => {
    for (const report of ['balance-sheet?asOf=2026-11-29', 'members?asOf=2026-11-29', 'flags', 'nope']) {
      const other = await h.device(phoneA, 'GET', `/api/v1/cooperatives/${coopB}/reports/${report}`);
      const missing = await h.device(phoneA, 'GET', `/api/v1/cooperatives/00000000-0000-4000-8000-000000000000/reports/${report}`);
      expect(other.statusCode, report).toBe(404);
      expect(other.body, report).toBe(missing.body);
    }
  });

  it("never pulls another cooperative's entries, and cannot push into it", async () => {
    const pulled = (await h.device(phoneA, 'GET', '/api/v1/sync/pull?after=0')).json<{ entries: Entry[] }>();
    expect(pulled.entries.every((e) => e.cooperativeId === coopA)).toBe(true);
    expect(pulled.entries).toHaveLength(1);
    // B's own signed entries replayed by A's phone: refused, B's books unchanged.
    const replay = await h.push(phoneA, entriesB);
    expect(replay.results.map((r) => r.reason)).toEqual(['cooperative-mismatch', 'cooperative-mismatch']);
    const bBooks = (await h.device(phoneB, 'GET', '/api/v1/sync/pull?after=0')).json<{ entries: Entry[] }>();
    expect(bBooks.entries.map((e) => e.id)).toEqual(entriesB.map((e) => e.id));
  });
});
