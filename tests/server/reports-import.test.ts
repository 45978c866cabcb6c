/**
 * Reports over HTTP (CONTRACT §8) for admins and devices, with the tenancy rule that another
 * cooperative's device learns nothing; and importing a phone's backup file, idempotently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { rupiah } from '../../src/domain/money.ts';
import { deposit, disburse, ids, joined, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

type ErrorBody = { error: { code: string } };

interface BalanceSheetBody {
  asOf: string;
  accounts: { code: string; name: string; type: string; balance: number }[];
  totals: { assets: number; liabilities: number; equity: number };
}

describe.each(STORE_KINDS)('reports and import on %s', (kind) => {
  let h: Harness;
  let coop: string;
  let phone: TestDevice;
  let stranger: TestDevice;
  let loanId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    coop = await h.createCooperative('KSP Laporan');
    phone = await h.enroll(coop);
    stranger = await h.enroll(await h.createCooperative('KSP Lain'));
    const sri = ids.member();
    const loan = ids.loan();
    loanId = loan;
    const { results } = await h.push(phone, [
      await phone.entry(joined(sri, 'L-001', 'Sri Wahyuni')),
      await phone.entry(deposit(sri, 'pokok', 100_000)),
      await phone.entry(deposit(sri, 'wajib', 20_000)),
      await phone.entry({ type: 'cash.received', data: { account: '3-120', amount: rupiah(1_000_000), via: 'cash', memo: 'Hibah desa' } }),
      await phone.entry(disburse(loan, sri, 500_000, { adminFee: 5_000, months: 5, rateBp: 200 })),
    ]);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
  });
  afterAll(async () => {
    await h.close();
  });

  const reportUrl = (cooperativeId: string, report: string, query = '') => `/api/v1/cooperatives/${cooperativeId}/reports/${report}${query}`;

  it('gives an admin the balance sheet, to the rupiah', async () => {
    const response = await h.admin('GET', reportUrl(coop, 'balance-sheet', '?asOf=2026-11-29'));
    expect(response.statusCode).toBe(200);
    const body = response.json<BalanceSheetBody>();
    const balance = (code: string) => body.accounts.find((a) => a.code === code)?.balance;
    // Cash: 100 000 + 20 000 + 1 000 000 − (500 000 − 5 000) = 625 000.
    expect(balance('1-101')).toBe(625_000);
    expect(balance('1-110')).toBe(500_000);
    expect(balance('3-101')).toBe(100_000);
    expect(balance('3-102')).toBe(20_000);
    expect(balance('3-120')).toBe(1_000_000);
    // The admin fee is this year's SHU so far.
    expect(balance('3-130')).toBe(5_000);
    expect(body.totals).toEqual({ assets: 1_125_000, liabilities: 0, equity: 1_125_000 });
  });

  it('gives a device of the cooperative the same report, and the loan schedule', async () => {
    const admin = (await h.admin('GET', reportUrl(coop, 'members', '?asOf=2026-11-29'))).json<unknown>();
    const device = await h.device(phone, 'GET', reportUrl(coop, 'members', '?asOf=2026-11-29'));
    expect(device.statusCode).toBe(200);
    expect(device.json()).toEqual(admin);
    expect(device.json()).toMatchObject({
      members: [{ number: 'L-001', name: 'Sri Wahyuni', savings: { pokok: 100_000, wajib: 20_000, sukarela: 0 }, loanOutstanding: 500_000 }],
    });
    const schedule = await h.device(phone, 'GET', reportUrl(coop, 'loan-schedule', `?loanId=${loanId}`));
    expect(schedule.statusCode).toBe(200);
    const installments = schedule.json<{ installments: { principal: number; interest: number }[] }>().installments;
    expect(installments).toHaveLength(5);
    // Flat 2 % of 500 000 = 10 000 interest; 100 000 principal each.
    expect(installments[0]).toMatchObject({ principal: 100_000, interest: 10_000 });
  });

  it("answers another cooperative's device with 404, exactly as for a cooperative that does not exist", async () => {
    const foreign = await h.device(stranger, 'GET', reportUrl(coop, 'balance-sheet', '?asOf=2026-11-29'));
    expect(foreign.statusCode).toBe(404);
    const nowhere = await h.admin('GET', reportUrl('99999999-9999-4999-8999-999999999999', 'balance-sheet', '?asOf=2026-11-29'));
    expect(nowhere.statusCode).toBe(404);
    expect(foreign.json()).toEqual(nowhere.json());
  });

  it('answers unknown reports with 404, bad queries with 400, and no credential with 401', async () => {
    const unknown = await h.admin('GET', reportUrl(coop, 'neraca-rahasia'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('report-unknown');
    const badDate = await h.admin('GET', reportUrl(coop, 'balance-sheet', '?asOf=2026-02-30'));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<ErrorBody>().error.code).toBe('query-invalid');
    const extra = await h.admin('GET', reportUrl(coop, 'flags', '?x=1'));
    expect(extra.statusCode).toBe(400);
    const noLoan = await h.admin('GET', reportUrl(coop, 'loan-schedule', `?loanId=${ids.loan()}`));
    expect(noLoan.statusCode).toBe(404);
    expect(noLoan.json<ErrorBody>().error.code).toBe('loan-not-found');
    const anonymous = await h.app.inject({ method: 'GET', url: reportUrl(coop, 'flags') });
    expect(anonymous.statusCode).toBe(401);
  });

  describe('backup import', () => {
    const backup = (cooperativeId: string, deviceId: string, entries: readonly unknown[]) => ({
      format: 'lumbung-backup',
      version: 1,
      exportedAt: '2026-11-28T10:00:00.000Z',
      cooperativeId,
      deviceId,
      entries,
    });

    it('pushes the entries as if by their devices, and importing again changes nothing', async () => {
      const importCoop = await h.createCooperative('KSP Impor');
      const a = await h.enroll(importCoop, 'HP rusak');
      const b = await h.enroll(importCoop, 'HP ketua');
      const tono = ids.member();
      const fromA: Entry[] = [];
      fromA.push(await a.entry(joined(tono, 'I-001', 'Tono')));
      fromA.push(await a.entry(deposit(tono, 'pokok', 100_000)));
      fromA.push(await a.entry(deposit(tono, 'wajib', 20_000)));
      const fromB = [await b.entry(deposit(tono, 'sukarela', 7_500))];
      // Only A's first entry ever reached the server over sync.
      await h.push(a, fromA.slice(0, 1));
      // The file lists entries in any order; the server sorts each device's by seq.
      const file = backup(importCoop, a.deviceId, [fromB[0], fromA[2], fromA[0], fromA[1]]);

      const first = await h.admin('POST', `/api/v1/admin/cooperatives/${importCoop}/import`, file);
      expect(first.statusCode).toBe(200);
      const answer = first.json<{ counts: Record<string, number>; results: { id: string; status: string }[] }>();
      expect(answer.counts).toMatchObject({ accepted: 3, duplicate: 1, rejected: 0, notProcessed: 0 });
      expect(answer.results.map((r) => [r.id, r.status])).toEqual([
        [fromB[0]?.id, 'accepted'],
        [fromA[2]?.id, 'accepted'],
        [fromA[0]?.id, 'duplicate'],
        [fromA[1]?.id, 'accepted'],
      ]);

      const again = await h.admin('POST', `/api/v1/admin/cooperatives/${importCoop}/import`, file);
      expect(again.json<{ counts: Record<string, number> }>().counts).toMatchObject({ accepted: 0, duplicate: 4 });

      const pulled = (await h.device(b, 'GET', '/api/v1/sync/pull')).json<{ entries: Entry[] }>();
      expect(pulled.entries).toHaveLength(4);
      const members = (await h.admin('GET', `/api/v1/cooperatives/${importCoop}/reports/members?asOf=2026-11-29`)).json<{
        members: { savings: { pokok: number; wajib: number; sukarela: number } }[];
      }>();
      expect(members.members[0]?.savings).toEqual({ pokok: 100_000, wajib: 20_000, sukarela: 7_500 });
    });

    it('stops a device at a hole in its chain: gap, then not-processed; other devices go on', async () => {
      const holeCoop = await h.createCooperative('KSP Lubang');
      const a = await h.enroll(holeCoop);
      const b = await h.enroll(holeCoop);
      const m = ids.member();
      const a1 = await a.entry(joined(m, 'J-001', 'Joko'));
      await a.entry(deposit(m, 'pokok', 100_000)); // seq 2, missing from the file
      const a3 = await a.entry(deposit(m, 'wajib', 20_000));
      const a4 = await a.entry(deposit(m, 'wajib', 20_000));
      const b1 = await b.entry(deposit(m, 'sukarela', 5_000));
      const response = await h.admin('POST', `/api/v1/admin/cooperatives/${holeCoop}/import`, backup(holeCoop, a.deviceId, [a1, a3, a4, b1]));
      expect(response.statusCode).toBe(200);
      const answer = response.json<{ counts: Record<string, number>; results: { status: string; expectedSeq?: number }[] }>();
      expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'gap', 'not-processed', 'accepted']);
      expect(answer.results[1]?.expectedSeq).toBe(2);
      expect(answer.counts).toMatchObject({ accepted: 2, gap: 1, notProcessed: 1 });
    });

    it('refuses a backup of another cooperative as a whole: 400 wrong-cooperative, nothing stored', async () => {
      const target = await h.createCooperative('KSP Sasaran');
      const sourceCoop = await h.createCooperative('KSP Asal');
      const source = await h.enroll(sourceCoop);
      const targetPhone = await h.enroll(target);
      const rani = ids.member();
      const entries = [await source.entry(joined(rani, 'W-001', 'Rani'))];
      const response = await h.admin('POST', `/api/v1/admin/cooperatives/${target}/import`, backup(sourceCoop, source.deviceId, entries));
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('wrong-cooperative');
      // Relabelled as the target's file, its entries still name the source: refused too.
      const relabelled = await h.admin('POST', `/api/v1/admin/cooperatives/${target}/import`, backup(target, source.deviceId, entries));
      expect(relabelled.json<ErrorBody>().error.code).toBe('wrong-cooperative');
      expect((await h.device(targetPhone, 'GET', '/api/v1/sync/pull')).json<{ entries: unknown[] }>().entries).toEqual([]);
      expect((await h.device(source, 'GET', '/api/v1/sync/pull')).json<{ entries: unknown[] }>().entries).toEqual([]);
    });

    it('refuses a file that is not a Lumbung backup, and import without an admin session', async () => {
      const response = await h.admin('POST', `/api/v1/admin/cooperatives/${coop}/import`, { format: 'excel', entries: [] });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('invalid-backup');
      const anonymous = await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/cooperatives/${coop}/import`,
        payload: backup(coop, phone.deviceId, []),
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
