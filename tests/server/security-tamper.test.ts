/**
 * Tampered entries and replayed requests (reliability research §6.4 X6, §6.3 N12).
 *
 * Tampering: a real signed entry, then every field of it changed after signing — by a network
 * attacker (hash and signature left as they were), by one who recomputes the hash (the algorithm
 * is public), and by one who re-signs with another enrolled device's key. Each is refused with the
 * reason the contract's check order gives, and none reaches the books.
 *
 * Replay: for every route a device may call (taken from the route table, not listed), a genuine
 * signed request is captured and sent again byte for byte: 401 device-counter-stale, nothing
 * stored. The same captured headers on another path or with a raised counter: 401
 * device-signature-invalid. After revocation: 401 device-revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { entryHash, entrySigningBytes } from '../../src/domain/hashing.ts';
import { signBytes } from '../../src/domain/signing.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { deposit, ids, joined, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';
import { accessOf, fillPath, knock, openRowReader, routeTable, type RowReader } from './security-kit.ts';

type Mutable = Record<string, unknown>;

interface Tamper {
  field: string;
  change: (entry: Mutable, context: { otherCooperative: string; otherDevice: string }) => void;
  /** Hash and signature left as signed: what the server must answer. */
  expected: { status: string; reason?: string };
  /** Whether the change still parses, so a recomputed hash gets as far as the signature. */
  contentField: boolean;
}

const TAMPERS: readonly Tamper[] = [
  { field: 'v', change: (e) => (e.v = 2), expected: { status: 'rejected', reason: 'schema-invalid' }, contentField: false },
  { field: 'id', change: (e) => (e.id = uuidv7()), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  { field: 'cooperativeId', change: (e, c) => (e.cooperativeId = c.otherCooperative), expected: { status: 'rejected', reason: 'cooperative-mismatch' }, contentField: false },
  { field: 'deviceId', change: (e, c) => (e.deviceId = c.otherDevice), expected: { status: 'rejected', reason: 'device-mismatch' }, contentField: false },
  // Moving an entry forward in the chain leaves a hole: the server asks for seq 1 first.
  { field: 'seq', change: (e) => (e.seq = 2), expected: { status: 'gap' }, contentField: false },
  { field: 'prevHash', change: (e) => (e.prevHash = 'f'.repeat(64)), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  { field: 'recordedAt', change: (e) => (e.recordedAt = '2026-01-01T00:00:00.000Z'), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  { field: 'date', change: (e) => (e.date = '2025-12-31'), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  { field: 'actor', change: (e) => (e.actor = 'Pak Maling'), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  { field: 'type', change: (e) => (e.type = 'savings.withdrawn'), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: true },
  {
    field: 'data.amount',
    change: (e) => ((e.data as Mutable).amount = 5_000_000),
    expected: { status: 'rejected', reason: 'hash-mismatch' },
    contentField: true,
  },
  {
    field: 'data.memberId',
    change: (e) => ((e.data as Mutable).memberId = ids.member()),
    expected: { status: 'rejected', reason: 'hash-mismatch' },
    contentField: true,
  },
  {
    field: 'lines',
    change: (e) => {
      for (const line of e.lines as Mutable[]) {
        if (line.debit !== 0) line.debit = 5_000_000;
        if (line.credit !== 0) line.credit = 5_000_000;
      }
    },
    expected: { status: 'rejected', reason: 'hash-mismatch' },
    contentField: true,
  },
  { field: 'hash', change: (e) => (e.hash = 'a'.repeat(64)), expected: { status: 'rejected', reason: 'hash-mismatch' }, contentField: false },
  { field: 'sig', change: (e) => (e.sig = `${String(e.sig).slice(0, -4)}AAAA`), expected: { status: 'rejected', reason: 'signature-invalid' }, contentField: false },
  { field: '+status', change: (e) => (e.status = 'accepted'), expected: { status: 'rejected', reason: 'schema-invalid' }, contentField: false },
  { field: '-sig', change: (e) => delete e.sig, expected: { status: 'rejected', reason: 'schema-invalid' }, contentField: false },
];

const clone = (entry: Entry): Mutable => JSON.parse(JSON.stringify(entry)) as Mutable;

/** The error code of a refusal; HEAD answers carry no body, so only their status can speak. */
function refusal(response: LightMyRequestResponse, method: string): string {
  if (method === 'HEAD') return `status ${String(response.statusCode)}`;
  return response.json<{ error: { code: string } }>().error.code;
}

describe.each(STORE_KINDS)('tampered entries and replayed requests on %s', (kind) => {
  let h: Harness;
  let rows: RowReader;
  let coop: string;
  let other: TestDevice;
  let otherCoop: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    coop = await h.createCooperative('KSP Jujur');
    otherCoop = await h.createCooperative('KSP Lain');
    other = await h.enroll(coop, 'HP Lain');
    rows = await openRowReader(h.store);
  });
  afterAll(async () => {
    await rows.close();
    await h.close();
  });

  /** A fresh phone (each tamper needs an empty chain) and its genuine first entry: a 250 000 deposit. */
  async function phoneWithEntry(): Promise<{ phone: TestDevice; genuine: Entry }> {
    const phone = await h.enroll(coop);
    const genuine = await phone.entry(deposit(ids.member(), 'pokok', 250_000));
    return { phone, genuine };
  }

  async function pushOne(phone: TestDevice, raw: unknown): Promise<{ status: string; reason?: string }> {
    const answer = await h.push(phone, [raw]);
    const result = answer.results[0];
    if (result === undefined) throw new Error('no result');
    return result.reason === undefined ? { status: result.status } : { status: result.status, reason: result.reason };
  }

  async function cashInBooks(): Promise<number> {
    const report = await h.admin('GET', `/api/v1/cooperatives/${coop}/reports/balance-sheet?asOf=2026-12-31`);
    expect(report.statusCode).toBe(200);
    const cash = report.json<{ accounts: { code: string; balance: number }[] }>().accounts.find((a) => a.code === '1-101');
    return cash?.balance ?? 0;
  }

  it('refuses every field changed after signing with the reason the check order gives, and books nothing', { timeout: 60_000 }, async () => {
    for (const tamper of TAMPERS) {
      const { phone, genuine } = await phoneWithEntry();
      const forged = clone(genuine);
      tamper.change(forged, { otherCooperative: otherCoop, otherDevice: other.deviceId });
      expect(await pushOne(phone, forged), tamper.field).toEqual(tamper.expected);
    }
    expect(await cashInBooks()).toBe(0);
  });

  it('refuses the same changes with a correctly recomputed hash: the signature still fails', { timeout: 60_000 }, async () => {
    for (const tamper of TAMPERS.filter((t) => t.contentField)) {
      const { phone, genuine } = await phoneWithEntry();
      const forged = clone(genuine);
      tamper.change(forged, { otherCooperative: otherCoop, otherDevice: other.deviceId });
      forged.hash = await entryHash(forged);
      expect(await pushOne(phone, forged), tamper.field).toEqual({ status: 'rejected', reason: 'signature-invalid' });
    }
    expect(await cashInBooks()).toBe(0);
  });

  it("refuses an entry re-signed with another enrolled device's key while claiming this device", async () => {
    const { phone, genuine } = await phoneWithEntry();
    const forged = clone(genuine);
    (forged.data as Mutable).amount = 9_000_000;
    for (const line of forged.lines as Mutable[]) {
      if (line.debit !== 0) line.debit = 9_000_000;
      if (line.credit !== 0) line.credit = 9_000_000;
    }
    forged.hash = await entryHash(forged);
    forged.sig = await signBytes(other.keys.pair.privateKey, entrySigningBytes(forged));
    expect(await pushOne(phone, forged)).toEqual({ status: 'rejected', reason: 'signature-invalid' });
    // The genuine key signing a link to a history that never existed: the chain catches it.
    const honest = await h.enroll(coop, 'HP Jujur');
    const first = await honest.entry(joined(ids.member(), 'J-1', 'Bu Jujur'));
    expect(await pushOne(honest, first)).toEqual({ status: 'accepted' });
    const fork = await honest.entryAt(2, 'e'.repeat(64), deposit(ids.member(), 'wajib', 20_000));
    expect(await pushOne(honest, fork)).toEqual({ status: 'rejected', reason: 'chain-broken' });
    expect(await cashInBooks()).toBe(0);
  });

  it('refuses every device route replayed byte for byte (401 device-counter-stale), and the replay stores nothing', { timeout: 60_000 }, async () => {
    const routes = (await routeTable(h.store)).filter((r) => ['device', 'admin-or-own-device'].includes(accessOf(r)));
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const phone = await h.enroll(coop, 'HP Disadap');
    const member = ids.member();
    const bodies = [await phone.entry(joined(member, 'R-1', 'Bu Rekam')), await phone.entry(deposit(member, 'sukarela', 75_000))];
    let replays = 0;
    for (const route of routes) {
      const url = fillPath(route.url, { id: coop, report: 'members' }) + (route.url.endsWith(':report') ? '?asOf=2026-11-29' : '');
      const body = route.method === 'POST' ? Buffer.from(JSON.stringify({ entries: bodies })) : undefined;
      const headers = { ...(await phone.sign(route.method, url, body)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const send = (extra: Record<string, string> = {}, path = url): Promise<LightMyRequestResponse> =>
        h.app.inject({ method: route.method, url: path, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body }) });
      const first = await send();
      expect(first.statusCode, `${route.method} ${route.url}: ${first.body}`).toBeLessThan(300);
      const before = await rows.snapshot();

      const replay = await send();
      replays += 1;
      expect(replay.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') expect(refusal(replay, route.method)).toBe('device-counter-stale');
      // A captured signature lifted onto another path, or onto a higher counter, is not a signature.
      const elsewhere = await send({}, route.method !== 'POST' ? `${url}${url.includes('?') ? '&' : '?'}limit=1` : '/api/v1/sync/push?x=1');
      expect(elsewhere.statusCode, `${route.method} ${route.url} elsewhere: ${elsewhere.body}`).toBe(401);
      if (route.method !== 'HEAD') expect(refusal(elsewhere, route.method), `${route.url} elsewhere`).toBe('device-signature-invalid');
      const bumped = await send({ 'x-device-counter': String(phone.counter + 1000) });
      expect(bumped.statusCode, `${route.url} bumped`).toBe(401);
      if (route.method !== 'HEAD') expect(refusal(bumped, route.method), `${route.url} bumped`).toBe('device-signature-invalid');
      replays += 2;
      expect(await rows.snapshot(), `${route.method} ${route.url} replay changed rows`).toEqual(before);
    }
    // The pushed entries are in the books once, not once per replay.
    const pulled = await h.device(phone, 'GET', '/api/v1/sync/pull?after=0');
    expect(pulled.json<{ entries: Entry[] }>().entries.filter((e) => e.deviceId === phone.deviceId)).toHaveLength(2);

    // After revocation, even a fresh, correctly signed request is refused.
    expect((await h.admin('POST', `/api/v1/admin/devices/${phone.deviceId}/revoke`)).statusCode).toBe(200);
    for (const route of routes) {
      const url = fillPath(route.url, { id: coop, report: 'members' });
      const response = await knock(h.app, { kind: 'device', device: phone }, { method: route.method, url, ...(route.method === 'POST' ? { body: Buffer.from('{"entries":[]}') } : {}) });
      replays += 1;
      expect(response.statusCode).toBe(401);
      if (route.method !== 'HEAD') expect(refusal(response, route.method)).toBe('device-revoked');
    }
    console.info(`[security-tamper ${kind}] ${String(TAMPERS.length)} field tampers, ${String(replays)} replayed or lifted requests over ${String(routes.length)} device routes`);
  });
});
