/**
 * Push and pull (CONTRACT §7) through the real HTTP app with real signed entries, on SQLite and
 * PostgreSQL: every push status, the chain rules, the cooperative taken from the credential,
 * pull paging and gzip, and the district overview the pushes feed.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { deposit, disburse, ids, joined, repay, reversal, withdraw, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

interface PullBody {
  entries: Entry[];
  /** docs/api.md addition: each entry's serverSeq, parallel to `entries`. */
  serverSeqs: number[];
  cursor: string;
  more: boolean;
  serverTime: string;
}

describe.each(STORE_KINDS)('sync on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  const pull = async (device: TestDevice, query: string, headers: Record<string, string> = {}) =>
    h.device(device, 'GET', `/api/v1/sync/pull${query}`, undefined, { headers });

  it('accepts entries in order with increasing serverSeq, then answers a resend as duplicate with the original serverSeq', async () => {
    const coop = await h.createCooperative('KSP Push');
    const phone = await h.enroll(coop);
    const siti = ids.member();
    const batch = [
      await phone.entry(joined(siti, 'A-001', 'Siti Aminah')),
      await phone.entry(deposit(siti, 'pokok', 100_000)),
      await phone.entry(deposit(siti, 'wajib', 20_000)),
    ];
    const first = await h.push(phone, batch);
    expect(first.results).toEqual([
      { id: batch[0]?.id, status: 'accepted', serverSeq: 1 },
      { id: batch[1]?.id, status: 'accepted', serverSeq: 2 },
      { id: batch[2]?.id, status: 'accepted', serverSeq: 3 },
    ]);
    // The answer was lost; the phone sends the same batch again plus one more.
    const more = await phone.entry(deposit(siti, 'sukarela', 5_000, 'qris'));
    const again = await h.push(phone, [...batch, more]);
    expect(again.results).toEqual([
      { id: batch[0]?.id, status: 'duplicate', serverSeq: 1 },
      { id: batch[1]?.id, status: 'duplicate', serverSeq: 2 },
      { id: batch[2]?.id, status: 'duplicate', serverSeq: 3 },
      { id: more.id, status: 'accepted', serverSeq: 4 },
    ]);
    const pulled = (await pull(phone, '?after=0')).json<PullBody>();
    expect(pulled.entries.map((e) => e.id)).toEqual([...batch, more].map((e) => e.id));
    // Stored verbatim: what comes back is exactly what was signed.
    expect(pulled.entries[1]).toEqual(batch[1]);
  });

  it('accepts facts that break a rule and flags them (accepted_flagged with a reason)', async () => {
    const coop = await h.createCooperative('KSP Flag');
    const phone = await h.enroll(coop);
    const budi = ids.member();
    const entries = [
      await phone.entry(joined(budi, 'B-001', 'Budi')),
      await phone.entry(deposit(budi, 'sukarela', 50_000)),
      await phone.entry(withdraw(budi, 'sukarela', 80_000)),
      await phone.entry(repay(ids.loan(), budi, 100_000, 1_500)),
    ];
    const { results } = await h.push(phone, entries);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
      ['accepted_flagged', 'savings-overdrawn'],
      ['accepted_flagged', 'loan-unknown'],
    ]);
    expect(results[2]?.serverSeq).toBe(3);
    // Flagged entries are in the books and in the pull.
    const pulled = (await pull(phone, '')).json<PullBody>();
    expect(pulled.entries).toHaveLength(4);
    const flags = await h.admin('GET', `/api/v1/cooperatives/${coop}/reports/flags`);
    expect(flags.statusCode).toBe(200);
    expect(flags.json<{ flags: { reason: string }[] }>().flags.map((f) => f.reason).sort()).toEqual(['loan-unknown', 'savings-overdrawn']);
  });

  it('stores a rejected entry with its reason, keeps its chain place, and never serves it in a pull', async () => {
    const coop = await h.createCooperative('KSP Tolak');
    const phone = await h.enroll(coop);
    const ani = ids.member();
    const good = await phone.entry(joined(ani, 'C-001', 'Ani'));
    const unknownAccount = await phone.entry({ type: 'cash.paid', data: { account: '5-999', amount: 10_000 as never, via: 'cash', memo: 'Beli ATK' } });
    const badSig = { ...(await phone.entry(deposit(ani, 'wajib', 20_000))), sig: 'A'.repeat(86) };
    const afterBoth = await phone.entry(deposit(ani, 'pokok', 100_000));
    const { results } = await h.push(phone, [good, unknownAccount, badSig, afterBoth]);
    expect(results.map((r) => [r.status, r.reason ?? null, r.serverSeq ?? null])).toEqual([
      ['accepted', null, 1],
      ['rejected', 'account-unknown', null],
      ['rejected', 'signature-invalid', null],
      ['accepted', null, 2],
    ]);
    // Resending a rejected entry gets the same verdict; it is never retried into the books.
    const resent = await h.push(phone, [unknownAccount]);
    expect(resent.results).toEqual([{ id: unknownAccount.id, status: 'rejected', reason: 'account-unknown' }]);
    const pulled = (await pull(phone, '')).json<PullBody>();
    expect(pulled.entries.map((e) => e.id)).toEqual([good.id, afterBoth.id]);
    const overview = (await h.admin('GET', `/api/v1/admin/cooperatives/${coop}`)).json<{ cooperative: { rejectedEntries: number } }>();
    expect(overview.cooperative.rejectedEntries).toBe(2);
  });

  it('answers the same id with a different hash as rejected id-conflict and does not store it', async () => {
    const coop = await h.createCooperative('KSP Konflik');
    const phone = await h.enroll(coop);
    const dewi = ids.member();
    const original = await phone.entry(joined(dewi, 'D-001', 'Dewi'));
    await h.push(phone, [original]);
    const impostor = await phone.entryAt(2, original.hash, deposit(dewi, 'pokok', 999_000), { id: original.id });
    const { results } = await h.push(phone, [impostor]);
    expect(results).toEqual([{ id: original.id, status: 'rejected', reason: 'id-conflict' }]);
    // Seq 2 is still free: the honest next entry takes it.
    const next = await phone.entry(deposit(dewi, 'pokok', 100_000));
    expect(next.seq).toBe(2);
    expect((await h.push(phone, [next])).results).toEqual([{ id: next.id, status: 'accepted', serverSeq: 2 }]);
  });

  it('stops the batch at a gap and tells the expected seq; the phone resends from there', async () => {
    const coop = await h.createCooperative('KSP Celah');
    const phone = await h.enroll(coop);
    const eko = ids.member();
    const e1 = await phone.entry(joined(eko, 'E-001', 'Eko'));
    const e2 = await phone.entry(deposit(eko, 'pokok', 100_000));
    const e3 = await phone.entry(deposit(eko, 'wajib', 20_000));
    const e4 = await phone.entry(deposit(eko, 'wajib', 20_000));
    const { results } = await h.push(phone, [e1, e3, e4]);
    expect(results).toEqual([
      { id: e1.id, status: 'accepted', serverSeq: 1 },
      { id: e3.id, status: 'gap', expectedSeq: 2 },
    ]);
    const resume = await h.push(phone, [e2, e3, e4]);
    expect(resume.results.map((r) => [r.status, r.serverSeq])).toEqual([
      ['accepted', 2],
      ['accepted', 3],
      ['accepted', 4],
    ]);
  });

  it('takes the cooperative and device from the credential, never from the entry', async () => {
    const home = await h.createCooperative('KSP Rumah');
    const other = await h.createCooperative('KSP Tetangga');
    const phone = await h.enroll(home);
    const neighbour = await h.enroll(other);
    const fitri = ids.member();
    // Signed by this phone but claiming the other cooperative.
    const foreignCoop = await phone.entryAt(1, '0'.repeat(64), joined(fitri, 'F-001', 'Fitri'));
    const smuggled = { ...foreignCoop, cooperativeId: other };
    const asNeighbour = await neighbour.entryAt(1, '0'.repeat(64), joined(fitri, 'F-001', 'Fitri'));
    const sibling = await h.enroll(home, 'HP kedua');
    const asSibling = await sibling.entryAt(1, '0'.repeat(64), joined(fitri, 'F-001', 'Fitri'));
    const { results } = await h.push(phone, [smuggled, asNeighbour, asSibling]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'cooperative-mismatch'],
      ['rejected', 'cooperative-mismatch'],
      ['rejected', 'device-mismatch'],
    ]);
    // Nothing landed in either cooperative.
    expect((await pull(phone, '')).json<PullBody>().entries).toEqual([]);
    expect((await pull(neighbour, '')).json<PullBody>().entries).toEqual([]);
    // The neighbour's own honest push still starts at seq 1.
    expect((await h.push(neighbour, [asNeighbour])).results[0]?.status).toBe('accepted');
  });

  it('pulls in server order across devices, in pages with an opaque cursor, and gzips big pages', async () => {
    const coop = await h.createCooperative('KSP Tarik');
    const a = await h.enroll(coop, 'HP bendahara');
    const b = await h.enroll(coop, 'HP ketua');
    const gita = ids.member();
    const pushedA = [await a.entry(joined(gita, 'G-001', 'Gita')), await a.entry(deposit(gita, 'pokok', 100_000))];
    const answers = [...(await h.push(a, pushedA)).results];
    const pushedB = [];
    for (let i = 0; i < 5; i++) pushedB.push(await b.entry(deposit(gita, 'wajib', 20_000 + i)));
    answers.push(...(await h.push(b, pushedB)).results);
    const order = [...pushedA, ...pushedB].map((e) => e.id);

    const seen: string[] = [];
    const seenSeqs: number[] = [];
    let cursor = '0';
    let pages = 0;
    for (;;) {
      const page = (await pull(a, `?after=${cursor}&limit=3`)).json<PullBody>();
      pages += 1;
      seen.push(...page.entries.map((e) => e.id));
      expect(page.serverSeqs).toHaveLength(page.entries.length);
      seenSeqs.push(...page.serverSeqs);
      expect(page.cursor).not.toMatch(/^\d+$/);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(order);
    // Each entry's serverSeq, as the push answered it.
    expect(seenSeqs).toEqual(answers.map((r) => r.serverSeq));
    expect(seenSeqs).toEqual([...seenSeqs].sort((x, y) => x - y));
    expect(pages).toBe(3);
    const empty = (await pull(a, `?after=${cursor}`)).json<PullBody>();
    expect(empty).toMatchObject({ entries: [], serverSeqs: [], cursor, more: false });

    const zipped = await pull(b, '?after=0', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const unzipped = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')) as PullBody;
    expect(unzipped.entries.map((e) => e.id)).toEqual(order);

    for (const [query, code] of [
      ['?after=%%%', 'invalid-cursor'],
      ['?after=bm90LWEtbnVtYmVy', 'invalid-cursor'],
      ['?limit=0', 'invalid-limit'],
      ['?limit=1001', 'invalid-limit'],
      ['?limit=abc', 'invalid-limit'],
    ] as const) {
      const response = await pull(a, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code, query).toBe(code);
    }
  });

  it('refuses more than 500 entries in one push and a body without entries', async () => {
    const coop = await h.createCooperative('KSP Besar');
    const phone = await h.enroll(coop);
    const tooMany = await h.device(phone, 'POST', '/api/v1/sync/push', { entries: Array.from({ length: 501 }, () => ({})) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ error: { code: string } }>().error.code).toBe('too-many-entries');
    const shapeless = await h.device(phone, 'POST', '/api/v1/sync/push', { items: [] });
    expect(shapeless.statusCode).toBe(400);
    // Over 2 MiB, plain or (once inflated) gzipped: 413 before any entry is looked at.
    const huge = { entries: [{ memo: 'x'.repeat(2 * 1024 * 1024) }] };
    for (const gzip of [false, true]) {
      const response = await h.device(phone, 'POST', '/api/v1/sync/push', huge, { gzip });
      expect(response.statusCode, `gzip ${String(gzip)}`).toBe(413);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('body-too-large');
    }
  });

  it('assigns unique, gap-free serverSeq when two phones push at the same moment', async () => {
    const coop = await h.createCooperative('KSP Serentak');
    const a = await h.enroll(coop);
    const b = await h.enroll(coop);
    const hana = ids.member();
    const batchA = [await a.entry(joined(hana, 'H-001', 'Hana'))];
    for (let i = 0; i < 20; i++) batchA.push(await a.entry(deposit(hana, 'wajib', 1_000 + i)));
    const batchB = [];
    for (let i = 0; i < 20; i++) batchB.push(await b.entry(deposit(hana, 'sukarela', 2_000 + i)));
    const [ra, rb] = await Promise.all([h.push(a, batchA), h.push(b, batchB)]);
    const seqs = [...ra.results, ...rb.results].map((r) => r.serverSeq).sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(seqs).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });

  it('feeds the district overview: members, savings, loans, NPL, pending flags and last sync', async () => {
    const coop = await h.createCooperative('KSP Ringkas');
    const phone = await h.enroll(coop);
    const [m1, m2] = [ids.member(), ids.member()];
    const [l1, l2] = [ids.loan(), ids.loan()];
    const entries = [
      await phone.entry(joined(m1, 'R-001', 'Rina'), { date: '2026-01-05' }),
      await phone.entry(joined(m2, 'R-002', 'Rudi'), { date: '2026-01-05' }),
      await phone.entry(deposit(m1, 'pokok', 100_000), { date: '2026-01-05' }),
      await phone.entry(deposit(m2, 'wajib', 20_000), { date: '2026-01-05' }),
      await phone.entry(deposit(m2, 'sukarela', 30_000), { date: '2026-01-05' }),
      // Rina pays on time; Rudi's first installment (2026-02-10) is never paid.
      await phone.entry(disburse(l1, m1, 1_000_000, { months: 10, firstDue: '2026-12-20' }), { date: '2026-11-20' }),
      await phone.entry(disburse(l2, m2, 3_000_000, { months: 10, firstDue: '2026-02-10' }), { date: '2026-01-10' }),
      await phone.entry(withdraw(m2, 'sukarela', 40_000), { date: '2026-11-25' }),
    ];
    const { results } = await h.push(phone, entries);
    expect(results.filter((r) => r.status === 'accepted_flagged').map((r) => r.reason)).toEqual(['savings-overdrawn']);
    const detail = (await h.admin('GET', `/api/v1/admin/cooperatives/${coop}`)).json<{
      cooperative: {
        members: number;
        pendingFlags: number;
        lastSyncAt: string | null;
        devices: number;
        totals: { savings: number; loansOutstanding: number; overdueOutstanding: number; nplBp: number };
      };
    }>();
    expect(detail.cooperative).toMatchObject({ members: 2, pendingFlags: 1, lastSyncAt: '2026-11-29T03:00:00.000Z', devices: 1 });
    // Savings 100 000 + 20 000 + (30 000 − 40 000) = 110 000; 2026-02-10 to 2026-11-29 is 292 days: macet.
    expect(detail.cooperative.totals).toMatchObject({
      savings: 110_000,
      loansOutstanding: 4_000_000,
      overdueOutstanding: 3_000_000,
      nplBp: 7_500,
    });
    // Reversing the overdrawing withdrawal clears the pending flag.
    const undo = await phone.entry(reversal(entries[7]?.id ?? '', 'salah catat'), { original: entries[7]?.lines ?? [] });
    expect((await h.push(phone, [undo])).results[0]?.status).toBe('accepted');
    const list = (await h.admin('GET', '/api/v1/admin/cooperatives')).json<{ cooperatives: { id: string; pendingFlags: number; totals: { savings: number } }[] }>();
    const mine = list.cooperatives.find((c) => c.id === coop);
    expect(mine).toMatchObject({ pendingFlags: 0, totals: { savings: 150_000 } });
  });
});
