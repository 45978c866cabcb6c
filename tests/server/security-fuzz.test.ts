/**
 * A bounded fuzz of every route in the route table (reliability research §6.4 X2/X8), with a fixed
 * seed so a failure replays exactly. fuzz.test.ts throws random JSON at chosen endpoints; this one
 * walks the registered routes (a new route is fuzzed without anyone adding it) and attacks the
 * request itself: malformed JSON, wrong types, `__proto__`/`constructor` keys (escaped too),
 * invalid UTF-8, 10 000-deep nesting, wrong or absent content types and encodings, broken gzip,
 * hostile path parameters and query strings; then fixed heavy cases: 10 MB bodies and gzip bombs.
 *
 * Every answer: below 500, the security headers, the contract's error shape for a refusal, and —
 * the part a status code cannot show — a refused request leaves every stored row of every table
 * exactly as it was (read straight from the database after each request).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { ADMIN, startHarness, type Harness } from './harness.ts';
import {
  expectErrorShape,
  expectSecurityHeaders,
  fillPath,
  knock,
  openRowReader,
  routeTable,
  type Caller,
  type RouteSpec,
  type RowReader,
  type Snapshot,
} from './security-kit.ts';

const SEED = 20261129;
const RUNS_PER_ROUTE = 40;

type CallerName = 'admin' | 'device' | 'nobody';

interface BodyCase {
  kind: string;
  bytes: Buffer | undefined;
  /** undefined: application/json; null: no content-type header at all. */
  contentType: string | null | undefined;
  encoding: string | undefined;
}

interface Hostile {
  caller: CallerName;
  params: Record<string, string>;
  query: string;
  body: BodyCase;
}

// ---- Generators ----

const FIELD_NAMES = ['entries', 'name', 'village', 'district', 'code', 'publicKey', 'username', 'password', 'format', 'version', 'exportedAt', 'cooperativeId', 'deviceId'];

const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\u202e', '<script>alert(1)</script>', '../../etc/passwd', '%00', '9'.repeat(400), '', ' ', 'null', '__proto__'),
);
const nastyNumberText = fc.constantFrom('1e400', '-0', '9007199254740993', '0.1', '-1', 'NaN', 'Infinity', '1e-400', '0x10');

/** Valid JSON, wrong types: known field names with values of every other kind. */
const wrongTypes = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyText), { maxKeys: 6 }).map((value) => JSON.stringify(value)),
  fc.tuple(fc.constantFrom(...FIELD_NAMES), nastyNumberText).map(([key, number]) => `{"${key}":${number}}`),
  fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ id: '__proto__', seq: -1 })), { maxLength: 5 }).map((entries) => JSON.stringify({ entries })),
);

const malformed = fc.oneof(
  fc.tuple(wrongTypes, fc.nat()).map(([text, cut]) => text.slice(0, text.length > 1 ? cut % (text.length - 1) : 0) || '{'),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '[', '{"a":}', 'nul', '{"a":1,}', "{'a':1}", 'NaN', '\ufeff{}', '{"a":1}{"b":2}', '"\\ud800"', '{"a":"\\x41"}', ']', '0'.repeat(5000)),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '\\u005f_proto__', '\\u005f\\u005fproto\\u005f\\u005f', 'constr\\u0075ctor'];
const protoKeys = fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...FIELD_NAMES)).map(([key, depth, outer]) => {
  const inner = key.includes('constr') ? `{"${key}":{"prototype":{"isAdmin":true}}}` : `{"${key}":{"isAdmin":true}}`;
  return `{"${outer}":`.repeat(depth) + inner + '}'.repeat(depth);
});

const BAD_UTF8: readonly number[][] = [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe0, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80]];
const invalidUtf8 = fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...BAD_UTF8), fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...BAD_UTF8)).map(([k1, b1, k2, b2]) =>
  Buffer.concat([Buffer.from(`{"${k1}":"x`), Buffer.from(b1), Buffer.from(`y","${k2}":"`), Buffer.from(b2), Buffer.from('"}')]),
);

function deepText(depth: number, shape: 'array' | 'object', wrap: string): string {
  const inner = shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  switch (wrap) {
    case 'entries':
      return `{"entries":[${inner}]}`;
    case 'backup':
      return `{"format":"lumbung-backup","version":1,"exportedAt":"2026-11-29T00:00:00.000Z","cooperativeId":"x","deviceId":"x","entries":[${inner}]}`;
    case 'name':
      return `{"name":${inner},"username":${inner}}`;
    default:
      return inner;
  }
}
const deep = fc
  .tuple(fc.integer({ min: 500, max: 10_000 }), fc.constantFrom('array' as const, 'object' as const), fc.constantFrom('plain', 'entries', 'backup', 'name'))
  .map(([depth, shape, wrap]) => deepText(depth, shape, wrap));

const bodyCase: fc.Arbitrary<BodyCase> = fc
  .tuple(
    fc.oneof(
      fc.constant<[string, Buffer | undefined]>(['none', undefined]),
      wrongTypes.map((t): [string, Buffer] => ['wrong-types', Buffer.from(t)]),
      malformed.map((t): [string, Buffer] => ['malformed', Buffer.from(t)]),
      protoKeys.map((t): [string, Buffer] => ['proto-keys', Buffer.from(t)]),
      invalidUtf8.map((b): [string, Buffer] => ['invalid-utf8', b]),
      deep.map((t): [string, Buffer] => ['deep', Buffer.from(t)]),
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(null, 'text/plain', 'application/json; charset=utf-16le', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/octet-stream', 'APPLICATION/JSON', 'application/json, text/html', 'application/jsonx') },
    ),
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'gzip-truncated', 'deflate', 'br', 'gzip, gzip', 'identity', 'GZIP', 'x'.repeat(300)) }),
  )
  .map(([[kind, bytes], contentType, encoding]) => described({ kind, bytes, contentType, encoding }));

/** A short, replayable description in fast-check's reports instead of every byte of a 10 000-deep body. */
function described(body: BodyCase): BodyCase {
  const head = body.bytes === undefined ? '' : JSON.stringify(body.bytes.subarray(0, 80).toString('latin1'));
  const text = `${body.kind}(${String(body.bytes?.length ?? 0)} bytes ${head}…, type ${String(body.contentType)}, encoding ${String(body.encoding)})`;
  return Object.assign(body, { [fc.toStringMethod]: () => text });
}

const pct = (text: string): string => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const hostileParam = fc.oneof(nastyText.map(pct), fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2e%2e', '00000000-0000-0000-0000-000000000000', 'balance-sheet', 'flags', 'a'.repeat(2000)));
const hostileQuery = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('after', 'limit', 'asOf', 'from', 'to', 'year', 'loanId', 'via', '__proto__', 'constructor[prototype][x]'), nastyText).map(([k, v]) => `?${k}=${pct(v)}`),
  fc.constantFrom('?%', '?after=%zz', '?asOf=2026-11-29&asOf=2026-11-30', '?limit=1e3', '?after[]=1', '?' + '&a=1'.repeat(500)),
);

// ---- Heavy fixed cases ----

const MB = 1024 * 1024;
let heavy: BodyCase[] | null = null;
/** Built once per file (the bomb takes a moment to compress), shared by both stores. */
function heavyCases(): BodyCase[] {
  heavy ??= buildHeavyCases();
  return heavy;
}
function buildHeavyCases(): BodyCase[] {
  const tenMbJson = Buffer.from(JSON.stringify({ entries: [], name: 'a'.repeat(10 * MB) }));
  // 80 MiB inflated: over every route's inflated limit (the largest, import, is 64 MiB); ~80 KB on the wire.
  const bomb = gzipSync(Buffer.concat([Buffer.from('{"entries":['), Buffer.alloc(80 * MB, 0x20), Buffer.from(']}')]), { level: 9 });
  return [
    { kind: '10mb-json', bytes: tenMbJson, contentType: undefined, encoding: undefined },
    { kind: '10mb-brackets', bytes: Buffer.alloc(10 * MB, 0x5b), contentType: undefined, encoding: undefined },
    { kind: 'deep-array-10000', bytes: Buffer.from(deepText(10_000, 'array', 'plain')), contentType: undefined, encoding: undefined },
    { kind: 'deep-object-10000', bytes: Buffer.from(deepText(10_000, 'object', 'entries')), contentType: undefined, encoding: undefined },
    { kind: 'gzip-bomb', bytes: bomb, contentType: undefined, encoding: 'gzip-raw' },
  ];
}

function encoded(body: BodyCase): { bytes: Buffer | undefined; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let bytes = body.bytes;
  if (bytes !== undefined) {
    if (body.contentType !== null) headers['content-type'] = body.contentType ?? 'application/json';
    switch (body.encoding) {
      case undefined:
        break;
      case 'gzip-raw':
        headers['content-encoding'] = 'gzip';
        break;
      case 'gzip':
      case 'GZIP':
        bytes = gzipSync(bytes);
        headers['content-encoding'] = body.encoding;
        break;
      case 'gzip-truncated':
        bytes = gzipSync(bytes).subarray(0, Math.max(1, Math.floor(gzipSync(bytes).length / 2)));
        headers['content-encoding'] = 'gzip';
        break;
      default:
        headers['content-encoding'] = body.encoding;
    }
  }
  return { bytes, headers };
}

describe.each(STORE_KINDS)('fuzz of every route on %s', (kind) => {
  let h: Harness;
  let rows: RowReader;
  let routes: RouteSpec[];
  let coop: string;
  let phone: TestDevice;
  let spare: TestDevice;
  let token: string;
  let baseline: Snapshot;
  const stats = { sent: 0, refused: 0, accepted: 0, serverErrors: 0 };

  beforeAll(async () => {
    h = await startHarness(kind);
    routes = await routeTable(h.store);
    coop = await h.createCooperative('KSP Uji Acak');
    phone = await h.enroll(coop, 'HP Uji');
    spare = await h.enroll(coop, 'HP Cadangan');
    token = h.token;
    rows = await openRowReader(h.store);
    baseline = await rows.snapshot();
  });
  afterAll(async () => {
    console.info(`[security-fuzz ${kind}] ${String(stats.sent)} requests: ${String(stats.refused)} refused, ${String(stats.accepted)} accepted, ${String(stats.serverErrors)} answered 5xx`);
    await rows.close();
    await h.close();
  });

  const callerOf = (name: CallerName): Caller =>
    name === 'admin' ? { kind: 'admin', token } : name === 'device' ? { kind: 'device', device: phone } : { kind: 'nobody' };

  /** Sends one hostile request and checks everything a hostile request must leave intact. */
  async function attack(method: string, path: string, caller: CallerName, body: BodyCase, label: string): Promise<void> {
    const { bytes, headers } = encoded(body);
    const response = await knock(h.app, callerOf(caller), { method, url: path, ...(bytes === undefined ? {} : { body: bytes }), headers });
    stats.sent += 1;
    const where = `${label} [${caller}, ${body.kind}, ${String(body.contentType)}, ${String(body.encoding)}] ${path.slice(0, 200)}`;
    if (response.statusCode >= 500) stats.serverErrors += 1;
    expect(response.statusCode, `${where}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    expectSecurityHeaders(response, where);
    const after = await rows.snapshot();
    if (response.statusCode >= 400) {
      stats.refused += 1;
      if (method !== 'HEAD') expectErrorShape(response, where);
      expect(after, `${where} was refused but changed stored rows`).toEqual(baseline);
    } else {
      // A request the contract allows (an admin making an enrollment code with any body, a valid
      // name with U+FFFD in it) may write; it becomes the new baseline.
      stats.accepted += 1;
      baseline = after;
      if (caller === 'admin' && (await h.app.inject({ method: 'GET', url: '/api/v1/admin/me', headers: { authorization: `Bearer ${token}` } })).statusCode === 401) {
        // The fuzz logged its own session out: log in again (a new session row, so a new baseline).
        token = (await h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: ADMIN, remoteAddress: '10.255.0.1' })).json<{ token: string }>().token;
        baseline = await rows.snapshot();
      }
    }
  }

  // Bounded by count, not time; the timeouts only leave room for a busy two-core machine.
  it(`sends ${String(RUNS_PER_ROUTE)} hostile requests to every registered route, from a fixed seed`, { timeout: 180_000 }, async () => {
    const hostile: fc.Arbitrary<Hostile> = fc.record({
      caller: fc.constantFrom<CallerName>('admin', 'device', 'nobody'),
      params: fc.record({
        id: fc.oneof(fc.constant(coop), hostileParam),
        deviceId: fc.oneof(fc.constant(spare.deviceId), hostileParam),
        report: fc.oneof(fc.constantFrom('members', 'balance-sheet', 'loans', 'shu', 'flags', 'cash-book', 'loan-schedule', 'income-statement'), hostileParam),
      }),
      query: hostileQuery,
      body: bodyCase,
    });
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(hostile, async (request) => {
          await attack(route.method, fillPath(route.url, request.params) + request.query, request.caller, request.body, `${route.method} ${route.url}`);
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    expect(stats.sent).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    expect(stats.serverErrors).toBe(0);
  });

  it('sends 10 MB bodies, 10 000-deep nesting and gzip bombs to every route (POST: as admin and device)', { timeout: 180_000 }, async () => {
    const cases = heavyCases();
    for (const route of routes) {
      const path = fillPath(route.url, { id: coop, deviceId: spare.deviceId, report: 'members' });
      // Admin and device reach every body parser and check; GET and HEAD never read a body, so one
      // caller shows the bytes are ignored safely. (Anonymous small bodies are in the random runs.)
      const callers = route.method === 'POST' ? (['admin', 'device'] as const) : (['nobody'] as const);
      for (const body of cases) {
        for (const caller of callers) await attack(route.method, path, caller, body, `${route.method} ${route.url}`);
      }
    }
    expect(stats.serverErrors).toBe(0);
  });

  it('answers methods no route has (PUT, DELETE, PATCH, OPTIONS) with 404 in the error shape, and grants no CORS', { timeout: 60_000 }, async () => {
    const urls = [...new Set(routes.map((r) => r.url))];
    for (const url of urls) {
      const path = fillPath(url, { id: coop, deviceId: spare.deviceId, report: 'members' });
      const registered = new Set(routes.filter((r) => r.url === url).map((r) => r.method));
      for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => !registered.has(m))) {
        const response = await h.app.inject({
          method: method as 'PUT',
          url: path,
          headers: { origin: 'https://jahat.example', 'access-control-request-method': 'POST', authorization: `Bearer ${token}` },
        });
        stats.sent += 1;
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expectErrorShape(response, `${method} ${url}`);
        expectSecurityHeaders(response, `${method} ${url}`);
        expect(response.headers['access-control-allow-origin'], `${method} ${url}`).toBeUndefined();
      }
      // A simple cross-site GET is answered (the browser will not show it to the other site) without CORS grants.
      const cross = await h.app.inject({ method: 'GET', url: path, headers: { origin: 'https://jahat.example' } });
      stats.sent += 1;
      expect(cross.headers['access-control-allow-origin'], url).toBeUndefined();
      expect(cross.headers['access-control-allow-credentials'], url).toBeUndefined();
    }
    expect(await rows.snapshot()).toEqual(baseline);
  });

  it('refuses __proto__ and constructor keys however they are spelled, and a refused one changes nothing', async () => {
    for (const text of [
      '{"username":"dinas","password":"x","\\u005f_proto__":{"isAdmin":true}}',
      '{"username":"dinas","password":"x","__pro\\u0074o__":{"isAdmin":true}}',
      '{"name":"a","village":"b","district":"c","constr\\u0075ctor":{"prototype":{"isAdmin":true}}}',
      '{"entries":[{"__proto__":{"status":"accepted"}}]}',
    ]) {
      for (const url of ['/api/v1/admin/login', '/api/v1/admin/cooperatives', '/api/v1/sync/push']) {
        const caller: CallerName = url.includes('sync') ? 'device' : 'admin';
        const response = await knock(h.app, callerOf(caller), { method: 'POST', url, body: Buffer.from(text) });
        stats.sent += 1;
        expect(response.statusCode, `${url} ${text}`).toBe(400);
        expect(expectErrorShape(response, text).code).toBe('forbidden-json-key');
      }
    }
    // Escapes elsewhere are ordinary JSON: a name written with \u escapes is still a name.
    const escaped = await knock(h.app, callerOf('admin'), { method: 'POST', url: '/api/v1/admin/cooperatives', body: Buffer.from('{"name":"KSP \\u0053ejahtera","village":"Desa","district":"Kab"}') });
    expect(escaped.statusCode).toBe(201);
    expect(escaped.json<{ cooperative: { name: string } }>().cooperative.name).toBe('KSP Sejahtera');
  });
});
