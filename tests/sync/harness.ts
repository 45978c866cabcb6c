/**
 * The sync tests' world: the real district server (H4's `buildApp`) in-process on 127.0.0.1 and a
 * free port, over a real SQLite file or a real PostgreSQL database; phones are separate
 * fake-indexeddb databases driven through the real local store (src/db) and the real sync engine.
 * Node's own `fetch` carries every request; tests wrap it to lose answers, crash or play a
 * captive portal, and to look at what was sent.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { ManualClock } from '../../server/clock.ts';
import { ensureFirstAdmin } from '../../server/auth/bootstrap-admin.ts';
import type { Store } from '../../server/storage/store.ts';
import { openTestStore, type StoreKind, type TestStore } from '../support/stores.ts';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import { LumbungDb } from '../../src/db/database.ts';
import type { Entry, SavingsKind } from '../../src/domain/entry/schema.ts';
import type { LoanId, MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import type { FetchLike } from '../../src/sync/transport.ts';

const ADMIN = { username: 'dinas', password: 'rahasia-dinas-sync-1' };
const GENEROUS = { ipBurst: 100_000, ipPerSecond: 100_000, deviceBurst: 100_000, devicePerSecond: 100_000 };

export type District = {
  readonly url: string;
  readonly clock: ManualClock;
  readonly store: TestStore;
  createCooperative(name: string): Promise<string>;
  enrollmentCode(cooperativeId: string): Promise<string>;
  revoke(deviceId: string): Promise<void>;
  /** Every accepted entry of a cooperative as the server holds it, in server order. */
  accepted(cooperativeId: string): Promise<Entry[]>;
  close(): Promise<void>;
};

/** The real app on `store`, listening on 127.0.0.1 and a free port, with a logged-in district admin. */
export type ServedDistrict = {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly clock: ManualClock;
  /** A POST as the district admin; throws on anything but 2xx. */
  readonly admin: (path: string, body: unknown) => Promise<unknown>;
};

export async function serveDistrict(store: Store): Promise<ServedDistrict> {
  const clock = new ManualClock(new Date());
  await ensureFirstAdmin(store, ADMIN, clock.now());
  const app: FastifyInstance = buildApp({ store, staticDir: null, clock, logger: false, rateLimits: GENEROUS });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not listen on a port');
  const url = `http://127.0.0.1:${String(address.port)}`;

  const login = await fetch(`${url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const admin = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`admin ${path}: ${String(response.status)} ${await response.text()}`);
    return response.json();
  };
  return { url, app, clock, admin };
}

export async function startDistrict(kind: StoreKind): Promise<District> {
  const store = await openTestStore(kind);
  const { url, app, clock, admin } = await serveDistrict(store.store);

  return {
    url,
    clock,
    store,
    async createCooperative(name) {
      const answer = (await admin('/admin/cooperatives', { name, village: 'Sukamaju', district: 'Jember' })) as {
        cooperative: { id: string };
      };
      return answer.cooperative.id;
    },
    async enrollmentCode(cooperativeId) {
      const answer = (await admin(`/admin/cooperatives/${cooperativeId}/enrollment-codes`, {})) as { code: string };
      return answer.code;
    },
    async revoke(deviceId) {
      await admin(`/admin/devices/${deviceId}/revoke`, {});
    },
    async accepted(cooperativeId) {
      const rows = await store.store.acceptedAfter(cooperativeId, 0, 100_000);
      return rows.map((r) => JSON.parse(r.body) as Entry);
    },
    async close() {
      await app.close();
      await store.destroy();
    },
  };
}

let phones = 0;
/** A new phone: its own IndexedDB database (fake-indexeddb). */
export function newPhone(label = 'phone'): LumbungDb {
  phones++;
  return new LumbungDb(`${label}-${String(phones)}-${crypto.randomUUID()}`);
}

// ---- What the treasurer records (real numbers) ----

const ACTOR = 'Bu Siti';

export const joinDraft = (memberId: MemberId, number: string, name: string): EntryDraft => ({
  type: 'member.joined',
  data: { memberId, number, name, joinedOn: '2026-11-02' },
  date: '2026-11-02',
  actor: ACTOR,
});

export const depositDraft = (memberId: MemberId, kind: SavingsKind, amount: number): EntryDraft => ({
  type: 'savings.deposited',
  data: { memberId, kind, amount: rupiah(amount), via: 'cash' },
  date: '2026-11-03',
  actor: ACTOR,
});

export const loanDraft = (loanId: LoanId, memberId: MemberId, principal: number): EntryDraft => ({
  type: 'loan.disbursed',
  data: {
    loanId,
    memberId,
    principal: rupiah(principal),
    months: 10,
    rateBp: 150,
    method: 'flat',
    firstDue: '2026-12-05',
    adminFee: rupiah(10_000),
    fineBpPerDay: 10,
    via: 'cash',
  },
  date: '2026-11-05',
  actor: ACTOR,
});

export const repayDraft = (loanId: LoanId, memberId: MemberId, principal: number, interest: number): EntryDraft => ({
  type: 'loan.repaid',
  data: { loanId, memberId, principal: rupiah(principal), interest: rupiah(interest), fine: rupiah(0), via: 'cash' },
  date: '2026-12-05',
  actor: ACTOR,
});

export async function record(db: LumbungDb, draft: EntryDraft): Promise<Entry> {
  const result = await appendEntry(db, draft, { locks: null });
  if (!result.ok) throw new Error(`save failed: ${result.error}`);
  return result.value.entry;
}

// ---- Watching and disturbing the wire ----

export type SentRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent (gzip included) and decoded to JSON. */
  readonly raw: Uint8Array | null;
  readonly json: unknown;
  status: number | null;
};

function headersOf(init: RequestInit): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (out[key] = value));
  return out;
}

function decodeBody(raw: Uint8Array | null, headers: Record<string, string>): unknown {
  if (raw === null) return null;
  const bytes = headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : Buffer.from(raw);
  return JSON.parse(bytes.toString('utf8')) as unknown;
}

export type Wire = {
  readonly fetch: FetchLike;
  readonly sent: SentRequest[];
  /** Ids of the entries in every push body sent, in order. */
  pushedIds(): string[];
};

/**
 * `fetch` with a hook that may replace what happens: return a Response to answer in the server's
 * place, throw to simulate a lost request/answer, or call `real()` to reach the server.
 */
export type Interceptor = (request: SentRequest, real: () => Promise<Response>) => Promise<Response>;

export function wire(intercept?: Interceptor): Wire {
  const sent: SentRequest[] = [];
  const wrapped: FetchLike = async (input, init) => {
    const headers = headersOf(init);
    const raw = init.body instanceof Uint8Array ? init.body : null;
    const request: SentRequest = {
      method: init.method ?? 'GET',
      path: new URL(input).pathname + new URL(input).search,
      headers,
      raw,
      json: decodeBody(raw, headers),
      status: null,
    };
    sent.push(request);
    const real = async (): Promise<Response> => {
      const response = await fetch(input, init);
      request.status = response.status;
      return response;
    };
    return intercept === undefined ? real() : intercept(request, real);
  };
  return {
    fetch: wrapped,
    sent,
    pushedIds: () =>
      sent
        .filter((r) => r.path === '/api/v1/sync/push')
        .flatMap((r) => ((r.json as { entries: { id: string }[] }).entries).map((e) => e.id)),
  };
}

/** A Node-native fetch, unwrapped. */
export const realFetch: FetchLike = (input, init) => fetch(input, init);
