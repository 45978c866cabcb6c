/**
 * Several stateless server processes behind a proxy share one PostgreSQL database (DESIGN.md "at
 * scale"). Two app instances with their own store pools and ledger caches stand in for two
 * processes: concurrent pushes to one cooperative still get unique, gap-free serverSeq in commit
 * order, and each instance's cached ledger catches up with what the other accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { PostgresStore } from '../../server/storage/postgres/postgres-store.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { deposit, ids, joined } from '../support/entries.ts';
import { GENEROUS_LIMITS, startHarness, type Harness, type PushAnswer } from './harness.ts';

describe('two server processes on one PostgreSQL', () => {
  let h: Harness;
  let secondStore: PostgresStore;
  let second: FastifyInstance;
  beforeAll(async () => {
    h = await startHarness('postgres');
    secondStore = await PostgresStore.open({ url: h.store.location, maxConnections: 4 });
    second = buildApp({ store: secondStore, staticDir: null, clock: h.clock, logger: false, rateLimits: GENEROUS_LIMITS });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await secondStore.close();
    await h.close();
  });

  it('interleaves pushes through both processes without losing or repeating a serverSeq', async () => {
    const coop = await h.createCooperative('KSP Dua Proses');
    const a = await h.enroll(coop, 'HP A');
    const b = await h.enroll(coop, 'HP B');
    const member = ids.member();
    // Warm both caches before the race, so each holds a ledger that the other then moves past.
    await h.push(a, [await a.entry(joined(member, 'P-001', 'Putri'))]);
    const warm = await second.inject({ method: 'GET', url: `/api/v1/cooperatives/${coop}/reports/members?asOf=2026-11-29`, headers: { authorization: `Bearer ${h.token}` } });
    expect(warm.statusCode).toBe(200);

    const pushVia = async (app: FastifyInstance, entries: Entry[], device: typeof a): Promise<PushAnswer> => {
      const body = Buffer.from(JSON.stringify({ entries }));
      const headers = await device.sign('POST', '/api/v1/sync/push', body);
      const response = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-type': 'application/json' }, payload: body });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushAnswer>();
    };
    // Each phone pushes its batches one after another (as a phone does); the two phones, each
    // through its own process, race each other.
    const run = async (app: FastifyInstance, device: typeof a, body: () => Promise<Entry>): Promise<PushAnswer[]> => {
      const answers: PushAnswer[] = [];
      for (let round = 0; round < 4; round++) answers.push(await pushVia(app, [await body()], device));
      return answers;
    };
    const answers = (
      await Promise.all([
        run(h.app, a, () => a.entry(deposit(member, 'wajib', 10_000))),
        run(second, b, () => b.entry(deposit(member, 'sukarela', 1_000))),
      ])
    ).flat();
    const seqs = answers.flatMap((answer) => answer.results.map((r) => r.serverSeq ?? 0)).sort((x, y) => x - y);
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);

    // Each process's report sees every entry, whichever process accepted it.
    for (const app of [h.app, second]) {
      const report = await app.inject({ method: 'GET', url: `/api/v1/cooperatives/${coop}/reports/members?asOf=2026-11-29`, headers: { authorization: `Bearer ${h.token}` } });
      expect(report.json()).toMatchObject({ members: [{ savings: { pokok: 0, wajib: 40_000, sukarela: 4_000 } }] });
    }
  });
});
