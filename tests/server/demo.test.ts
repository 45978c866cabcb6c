/**
 * `npm start -- --demo`: the demo cooperative is created through the real enrollment and push paths,
 * its reports balance and agree to the rupiah with the same drafts folded by the shared domain code
 * (what a phone computes), a phone can join it with the printed code, and a restart does not seed
 * it twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILE, DEMO_SEED, generateDemo } from '../../src/domain/demo/generate.ts';
import { signDemoChain } from '../../src/domain/demo/sign-chain.ts';
import { foldEntries } from '../../src/domain/ledger/index.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';
import { demoAnnouncement, seedDemoCooperative, type DemoSeeding } from '../../server/demo.ts';
import { newDeviceKeys, TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

/** Sixteen months up to the harness clock's 29/11/2026: the year 2025 is closed at its RAT. */
const SIZE = { members: 18, months: 16, loans: 9 } as const;
const UNTIL = '2026-11-29';

interface BalanceSheetBody {
  accounts: { code: string; balance: number }[];
  totals: { assets: number; liabilities: number; equity: number };
}

describe.each(STORE_KINDS)('demo cooperative seeding on %s', (kind) => {
  let h: Harness;
  let seeded: DemoSeeding;
  beforeAll(async () => {
    h = await startHarness(kind);
    seeded = await seedDemoCooperative(h.app, h.store.store, { now: h.clock.now(), size: SIZE });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('pushes every demo entry through the push path, all accepted, none flagged or rejected', () => {
    const expected = generateDemo({ seed: DEMO_SEED, until: UNTIL, ...SIZE }).drafts.length;
    expect(seeded).toMatchObject({ created: true, name: DEMO_PROFILE.name, until: UNTIL, pushed: expected, accepted: expected, flagged: 0, rejected: 0 });
    expect(seeded.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(demoAnnouncement(seeded)).toContain(`Kode pendaftaran HP untuk koperasi contoh: ${seeded.code}`);
  });

  it('has reports that balance and agree to the rupiah with the phone’s fold of the same drafts', async () => {
    const response = await h.admin('GET', `/api/v1/cooperatives/${seeded.cooperativeId}/reports/balance-sheet?asOf=${UNTIL}`);
    expect(response.statusCode).toBe(200);
    const sheet = response.json<BalanceSheetBody>();
    expect(sheet.totals.assets).toBe(sheet.totals.liabilities + sheet.totals.equity);
    expect(sheet.totals.assets).toBeGreaterThan(0);

    const keys = await generateDeviceKeyPair();
    const phoneSide = await signDemoChain(generateDemo({ seed: DEMO_SEED, until: UNTIL, ...SIZE }).drafts, {
      cooperativeId: seeded.cooperativeId,
      deviceId: crypto.randomUUID(),
      privateKey: keys.privateKey,
    });
    const local = runReport('balance-sheet', foldEntries(phoneSide), { asOf: UNTIL });
    if (!local.ok) throw new Error(local.error.code);
    expect(sheet.totals).toEqual(local.body.totals);
    expect(sheet.accounts.map((a) => [a.code, a.balance])).toEqual(local.body.accounts.map((a) => [a.code, a.balance]));

    const shu = await h.admin('GET', `/api/v1/cooperatives/${seeded.cooperativeId}/reports/shu?year=2025`);
    expect(shu.statusCode).toBe(200);
    expect(shu.json<{ shu: number }>().shu).toBeGreaterThan(0);
    const flags = await h.admin('GET', `/api/v1/cooperatives/${seeded.cooperativeId}/reports/flags`);
    expect(flags.json<{ flags: unknown[] }>().flags).toEqual([]);
    const members = await h.admin('GET', `/api/v1/cooperatives/${seeded.cooperativeId}/reports/members?asOf=${UNTIL}`);
    expect(members.json<{ members: unknown[] }>().members).toHaveLength(SIZE.members);
  });

  it('lets a phone join with the printed code and pull the demo books', async () => {
    const keys = await newDeviceKeys();
    const enrolled = await h.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: seeded.code, name: 'HP Bu Siti', publicKey: keys.publicJwk } });
    expect(enrolled.statusCode).toBe(201);
    const body = enrolled.json<{ deviceId: string; cooperative: { id: string; name: string } }>();
    expect(body.cooperative).toMatchObject({ id: seeded.cooperativeId, name: DEMO_PROFILE.name });
    const phone = new TestDevice(seeded.cooperativeId, body.deviceId, keys);
    const pulled = await h.device(phone, 'GET', '/api/v1/sync/pull?after=0&limit=50');
    expect(pulled.statusCode).toBe(200);
    const page = pulled.json<{ entries: { type: string; data: { key?: string } }[]; more: boolean }>();
    expect(page.entries).toHaveLength(50);
    expect(page.more).toBe(true);
    expect(page.entries[0]).toMatchObject({ type: 'settings.changed', data: { key: 'demo' } });
  });

  it('does not seed twice on a restart: same cooperative, a fresh code', async () => {
    const again = await seedDemoCooperative(h.app, h.store.store, { now: h.clock.now(), size: SIZE });
    expect(again).toMatchObject({ created: false, cooperativeId: seeded.cooperativeId, pushed: 0 });
    expect(again.code).not.toBe(seeded.code);
    const list = await h.admin('GET', '/api/v1/admin/cooperatives');
    const names = list.json<{ cooperatives: { name: string }[] }>().cooperatives.map((c) => c.name);
    expect(names.filter((name) => name === DEMO_PROFILE.name)).toHaveLength(1);
    expect(demoAnnouncement(again)).toContain('Koperasi contoh sudah ada');
  });
});
