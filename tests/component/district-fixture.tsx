/**
 * The district pages in jsdom. There is no server here, so the admin client runs over a scripted
 * fetch that answers like the real one (shapes from server/routes/admin-cooperatives.ts, import.ts
 * and the §8 report bodies) and records every request; tests/e2e/district-pages.test.ts drives the
 * same pages against the real server.
 */
import { render } from '@testing-library/react';
import { rupiah } from '../../src/domain/money.ts';
import { createAdminClient, type AdminClient } from '../../src/features/district/admin-client.ts';
import type { CooperativeSummary, DeviceView } from '../../src/features/district/api-schemas.ts';
import { AdminClientContext } from '../../src/features/district/client-context.ts';
import DistrictPage from '../../src/features/district/index.tsx';

export type Call = { readonly method: string; readonly path: string; readonly body: string | undefined; readonly credentials: RequestCredentials | undefined };
export type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: { code, message } }, headers);
}

/**
 * Routes are `"METHOD /path"` (below /api/v1, without the query string). A route may be a list of
 * handlers, used one after another (the last one repeats).
 */
export function scriptedServer(routes: Record<string, Handler | Handler[]>) {
  const calls: Call[] = [];
  const used = new Map<string, number>();
  const fetchImpl = (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const call: Call = { method, path, body, credentials: init?.credentials };
    calls.push(call);
    const key = `${method} ${url.pathname.replace(/^\/api\/v1/, '')}`;
    const route = routes[key];
    if (route === undefined) return Promise.resolve(apiError(404, 'not-found', `no route ${key}`));
    if (!Array.isArray(route)) return Promise.resolve(route(call));
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const handler = route[Math.min(index, route.length - 1)];
    return Promise.resolve(handler === undefined ? apiError(500, 'internal-error', 'x') : handler(call));
  };
  const client: AdminClient = createAdminClient(fetchImpl);
  const callsTo = (method: string, pathStart: string) => calls.filter((c) => c.method === method && c.path.startsWith(pathStart));
  return { client, calls, callsTo };
}

export const signedIn: Handler = () => json(200, { username: 'dinas', expiresAt: '2026-11-29T15:00:00.000Z' });
export const signedOut: Handler = () => apiError(401, 'admin-unauthorized', 'Silakan masuk sebagai petugas Dinas.');

export function renderDistrict(path: string, client: AdminClient) {
  window.history.replaceState(null, '', path);
  return render(
    <AdminClientContext value={client}>
      <DistrictPage />
    </AdminClientContext>,
  );
}

export const SERVER_TIME = '2026-11-29T03:00:00.000Z';

let serial = 0;
/** A cooperative summary as GET /admin/cooperatives answers it. */
type SummaryOverrides = Partial<Omit<CooperativeSummary, 'totals'>> & { readonly totals?: Partial<CooperativeSummary['totals']> };

export function summary(overrides: SummaryOverrides = {}): CooperativeSummary {
  serial += 1;
  const { totals, ...rest } = overrides;
  return {
    id: `0193a1c4-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    name: `Koperasi ${String(serial)}`,
    village: 'Sukamaju',
    district: 'Jember',
    createdAt: '2026-11-20T03:00:00.000Z',
    lastSyncAt: '2026-11-28T03:00:00.000Z',
    entries: 10,
    members: 5,
    pendingFlags: 0,
    rejectedEntries: 0,
    devices: 1,
    devicesTotal: 1,
    ...rest,
    totals: {
      asOf: '2026-11-29',
      savings: rupiah(0),
      savingsByKind: {
        pokok: rupiah(0),
        wajib: rupiah(0),
        sukarela: rupiah(0),
      },
      loansOutstanding: rupiah(0),
      loansCount: 0,
      overdueOutstanding: rupiah(0),
      nplBp: 0,
      ...totals,
    },
  };
}

export function device(overrides: Partial<DeviceView> = {}): DeviceView {
  return {
    id: '0193a1c4-aaaa-4000-8000-000000000001',
    name: 'HP Bu Siti',
    enrolledAt: '2026-11-20T04:00:00.000Z',
    lastSeenAt: '2026-11-28T05:30:00.000Z',
    revokedAt: null,
    status: 'active',
    ...overrides,
  };
}
