/**
 * The server suite's world: the real Fastify app (buildApp) over a real store, driven in-process
 * through `app.inject` (real routing, parsing, hooks and error handling; no socket needed), with a
 * manual clock. Helpers log in an admin, create cooperatives and enroll real P-256 devices.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { buildApp, type AppOptions, type RateLimits } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../server/auth/bootstrap-admin.ts';
import { ManualClock } from '../../server/clock.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { newDeviceKeys, TestDevice } from '../support/entries.ts';
import { openTestStore, type StoreKind, type TestStore } from '../support/stores.ts';

export const ADMIN = { username: 'dinas', password: 'rahasia-dinas-123' };
export const GENEROUS_LIMITS: RateLimits = { ipBurst: 100_000, ipPerSecond: 100_000, deviceBurst: 100_000, devicePerSecond: 100_000 };

type Method = 'GET' | 'POST';

export interface Harness {
  app: FastifyInstance;
  clock: ManualClock;
  store: TestStore;
  token: string;
  admin(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  createCooperative(name?: string): Promise<string>;
  enrollmentCode(cooperativeId: string): Promise<string>;
  enroll(cooperativeId: string, name?: string): Promise<TestDevice>;
  /** A signed device request; `body` objects are sent as JSON, Buffers as they are. */
  device(
    device: TestDevice,
    method: Method,
    url: string,
    body?: unknown,
    options?: { gzip?: boolean; headers?: Record<string, string>; counter?: number },
  ): Promise<LightMyRequestResponse>;
  push(device: TestDevice, entries: readonly Entry[] | readonly unknown[]): Promise<PushAnswer>;
  close(): Promise<void>;
}

export interface PushResultBody {
  id: string | null;
  status: string;
  serverSeq?: number;
  reason?: string;
  expectedSeq?: number;
  flags?: string[];
}

export interface PushAnswer {
  results: PushResultBody[];
  serverTime: string;
}

export async function startHarness(
  kind: StoreKind,
  options: Partial<Pick<AppOptions, 'staticDir' | 'rateLimits'>> = {},
): Promise<Harness> {
  const store = await openTestStore(kind);
  const clock = new ManualClock('2026-11-29T03:00:00.000Z');
  await ensureFirstAdmin(store.store, ADMIN, clock.now());
  const app = buildApp({
    store: store.store,
    staticDir: options.staticDir ?? null,
    clock,
    logger: false,
    rateLimits: options.rateLimits ?? GENEROUS_LIMITS,
  });
  await app.ready();

  const login = await app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: ADMIN });
  expect(login.statusCode).toBe(200);
  const token = (login.json<{ token: string }>()).token;

  const harness: Harness = {
    app,
    clock,
    store,
    token,
    admin(method, url, body) {
      return app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async createCooperative(name = 'KSP Sukamaju') {
      const response = await harness.admin('POST', '/api/v1/admin/cooperatives', { name, village: 'Sukamaju', district: 'Jember' });
      expect(response.statusCode).toBe(201);
      return (response.json<{ cooperative: { id: string } }>()).cooperative.id;
    },
    async enrollmentCode(cooperativeId) {
      const response = await harness.admin('POST', `/api/v1/admin/cooperatives/${cooperativeId}/enrollment-codes`);
      expect(response.statusCode).toBe(201);
      return (response.json<{ code: string }>()).code;
    },
    async enroll(cooperativeId, name = 'HP Bu Siti') {
      const code = await harness.enrollmentCode(cooperativeId);
      const keys = await newDeviceKeys();
      const response = await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code, name, publicKey: keys.publicJwk } });
      expect(response.statusCode).toBe(201);
      return new TestDevice(cooperativeId, (response.json<{ deviceId: string }>()).deviceId, keys);
    },
    async device(device, method, url, body, options = {}) {
      let bytes: Buffer | undefined;
      if (body !== undefined) bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), 'utf8');
      if (bytes !== undefined && options.gzip === true) bytes = gzipSync(bytes);
      const signed = await device.sign(method, url, bytes, options.counter);
      return app.inject({
        method,
        url,
        headers: {
          ...signed,
          ...(bytes === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.gzip === true ? { 'content-encoding': 'gzip' } : {}),
          ...options.headers,
        },
        ...(bytes === undefined ? {} : { payload: bytes }),
      });
    },
    async push(device, entries) {
      const response = await harness.device(device, 'POST', '/api/v1/sync/push', { entries });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    async close() {
      await app.close();
      await store.destroy();
    },
  };
  return harness;
}
