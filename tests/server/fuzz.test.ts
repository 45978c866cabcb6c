/**
 * "The server never answers a bad request with 5xx" (CONTRACT §7), as a property: random JSON
 * (including NUL characters, which PostgreSQL refuses in text) thrown at every endpoint that takes
 * input, on both stores.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '__proto__', '../../etc/passwd', '9'.repeat(400), ''),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const entryLike = fc.record(
  {
    v: fc.oneof(fc.constant(1), fc.integer()),
    id: fc.oneof(fc.uuid({ version: 7 }), nasty),
    cooperativeId: fc.oneof(fc.uuid(), nasty),
    deviceId: fc.oneof(fc.uuid(), nasty),
    seq: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), nasty),
    prevHash: fc.oneof(fc.constant('0'.repeat(64)), nasty),
    hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), nasty),
    type: fc.oneof(fc.constantFrom('savings.deposited', 'entry.reversed', 'year.closed'), nasty),
    data: anyJson,
    lines: anyJson,
    sig: nasty,
  },
  { requiredKeys: [] },
);

/** Percent-encodes every UTF-8 byte (lone surrogates become U+FFFD, as on the wire). */
const pct = (text: string): string => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Raw query text, including broken percent escapes. */
const rawQuery = fc.oneof(fc.constantFrom('%', '%E0%A4%A', '%00', '%zz', '+', '&&&', '=', 'after'), fc.string({ maxLength: 10 }).map(pct));

describe.each(STORE_KINDS)('no 5xx for bad input on %s', (kind) => {
  let h: Harness;
  let coop: string;
  let phone: TestDevice;
  beforeAll(async () => {
    h = await startHarness(kind);
    coop = await h.createCooperative('KSP Acak');
    phone = await h.enroll(coop);
  });
  afterAll(async () => {
    await h.close();
  });

  const below500 = (status: number, body: string): void => {
    expect(status, body).toBeLessThan(500);
  };

  it('admin and enrollment bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, fc.record({ name: nasty, village: nasty, district: nasty, code: nasty, username: nasty, password: nasty })), async (body) => {
        for (const url of ['/api/v1/admin/cooperatives', '/api/v1/devices', '/api/v1/admin/login', `/api/v1/admin/cooperatives/${coop}/import`]) {
          const response = await h.admin('POST', url, body);
          below500(response.statusCode, response.body);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('pushes of random entries, which never land in the books', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(entryLike, anyJson), { maxLength: 6 }), async (entries) => {
        const response = await h.device(phone, 'POST', '/api/v1/sync/push', { entries });
        below500(response.statusCode, response.body);
      }),
      { numRuns: 40 },
    );
    const pulled = await h.device(phone, 'GET', '/api/v1/sync/pull');
    expect(pulled.json<{ entries: unknown[] }>().entries).toEqual([]);
  });

  it('paths and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, rawQuery, async (a, b, raw) => {
        const q = `?after=${pct(a)}&limit=${pct(b)}&${raw}`;
        const rawPull = await h.device(phone, 'GET', `/api/v1/sync/pull?after=${raw}`);
        below500(rawPull.statusCode, rawPull.body);
        const pull = await h.device(phone, 'GET', `/api/v1/sync/pull${q}`);
        below500(pull.statusCode, pull.body);
        const report = await h.admin('GET', `/api/v1/cooperatives/${pct(a)}/reports/${pct(b)}?asOf=${pct(a)}`);
        below500(report.statusCode, report.body);
        const mine = await h.admin('GET', `/api/v1/cooperatives/${coop}/reports/${pct(b)}?asOf=${pct(a)}`);
        below500(mine.statusCode, mine.body);
        const revoke = await h.admin('POST', `/api/v1/admin/devices/${pct(a)}/revoke`);
        below500(revoke.statusCode, revoke.body);
      }),
      { numRuns: 25 },
    );
  });
});
