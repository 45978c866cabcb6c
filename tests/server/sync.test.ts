/**
 * Push and pull (CONTRACT §7) through the real HTTP app with real signed entries, on SQLite and
 * PostgreSQL: every push status, the chain rules, the cooperative taken from the credential,
 * pull paging and gzip, and the district overview the pushes feed.
 */
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_HASH, type Entry } from '../../src/domain/entry/schema.ts';
import { encodeCursor, GENESIS_MARK, nextChainMark, parseCursor } from '../../src/domain/ledger/index.ts';
import { deposit, disburse, ids, joined, repay, reversal, withdraw, type TestDevice } from '../support/entries.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness, type PushAnswer } from './harness.ts';

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
    // gzip refused by weight (RFC 9110 §12.5.3): the same page, not compressed.
    const refused = await pull(b, '?after=0', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json<PullBody>().entries.map((e) => e.id)).toEqual(order);

    for (const [query, code] of [
      ['?after=%%%', 'invalid-cursor'],
      ['?after=bm90LWEtbnVtYmVy', 'invalid-cursor'],
      [`?after=${'1'.repeat(101)}`, 'invalid-cursor'],
      ['?limit=0', 'invalid-limit'],
      ['?limit=1001', 'invalid-limit'],
      ['?limit=abc', 'invalid-limit'],
    ] as const) {
      const response = await pull(a, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code, query).toBe(code);
    }
  });

  it('checks that a cursor still names its entry: a stale one is answered from the beginning, and push says whether the cursor it carried holds', async () => {
    const coop = await h.createCooperative('KSP Pulih');
    const a = await h.enroll(coop, 'HP bendahara');
    const b = await h.enroll(coop, 'HP ketua');
    const rina = ids.member();
    const first = [await a.entry(joined(rina, 'R-001', 'Rina')), await a.entry(deposit(rina, 'pokok', 100_000))];
    await h.push(a, first);
    const [one, two] = first;
    if (one === undefined || two === undefined) throw new Error('two entries');

    // Each page's cursor carries the chain mark at its end: every entry up to it, in order.
    const page = (await pull(b, '?after=0')).json<PullBody & { device: unknown; restart?: boolean }>();
    const markAt2 = nextChainMark(nextChainMark(GENESIS_MARK, one.hash), two.hash);
    expect(parseCursor(page.cursor)).toEqual({ serverSeq: 2, mark: markAt2 });
    expect(page.restart).toBeUndefined();
    // The pulling device's own chain as stored here: B has nothing yet, A is at its seq 2.
    expect(page.device).toBeNull();
    expect((await pull(a, `?after=${page.cursor}`)).json<{ device: unknown }>().device).toEqual({ seq: 2, hash: two.hash });
    // Only the last page says it.
    const firstPage = (await pull(a, '?after=0&limit=1')).json<{ more: boolean }>();
    expect(firstPage.more).toBe(true);
    expect(Object.keys(firstPage)).not.toContain('device');

    // A cursor whose mark follows another history (the same entry at 2 after another entry at 1),
    // or whose number no entry holds (a server restored from an older backup): the beginning again,
    // and the answer says so.
    const wrongMark = encodeCursor(2, nextChainMark(nextChainMark(GENESIS_MARK, 'f'.repeat(64)), two.hash));
    for (const stale of [wrongMark, encodeCursor(3), encodeCursor(7, markAt2), '9']) {
      const answer = (await pull(b, `?after=${stale}`)).json<PullBody & { restart?: boolean }>();
      expect(answer.entries.map((e) => e.id), stale).toEqual([one.id, two.id]);
      expect(answer.restart, stale).toBe(true);
      expect(answer.cursor).toBe(page.cursor);
    }
    // Cursors of older servers carry no mark: read by their number.
    for (const old of [encodeCursor(1), '1']) {
      const answer = (await pull(b, `?after=${old}`)).json<PullBody & { restart?: boolean }>();
      expect(answer.entries.map((e) => e.id), old).toEqual([two.id]);
      expect(answer.restart).toBeUndefined();
    }
    // An empty page keeps the mark of the cursor it was asked with.
    expect((await pull(b, `?after=${page.cursor}`)).json<PullBody>()).toMatchObject({ entries: [], cursor: page.cursor });

    // Push carries the phone's cursor as `after`; the answer says whether it holds. An unreadable
    // one does not (the phone then pulls from the beginning), and the entries are stored all the same.
    const pushWith = async (after: unknown) => {
      const entry = await b.entry(deposit(rina, 'wajib', 20_000));
      const response = await h.device(b, 'POST', '/api/v1/sync/push', { entries: [entry], after });
      expect(response.statusCode).toBe(200);
      return response.json<{ results: { status: string }[]; afterHolds: boolean; cursor: string }>();
    };
    expect(await pushWith(page.cursor)).toMatchObject({ results: [{ status: 'accepted' }], afterHolds: true });
    expect(await pushWith(wrongMark)).toMatchObject({ results: [{ status: 'accepted' }], afterHolds: false });
    expect(await pushWith('not-a-cursor')).toMatchObject({ results: [{ status: 'accepted' }], afterHolds: false });
    expect(await pushWith(page.cursor.padEnd(5_000, 'A'))).toMatchObject({ results: [{ status: 'accepted' }], afterHolds: false });
    expect(await pushWith(42)).toMatchObject({ results: [{ status: 'accepted' }], afterHolds: false });
    const last = await pushWith(encodeCursor(0));
    expect(last.afterHolds).toBe(true);
    // The push's own cursor (the newest serverSeq) is marked too: entries 3–8 are B's six deposits.
    expect(parseCursor(last.cursor)?.serverSeq).toBe(8);
    expect(last.cursor).toBe((await pull(b, `?after=${page.cursor}`)).json<PullBody>().cursor);
    // Without `after`, no word on it (as before).
    const plain = await h.push(b, [await b.entry(deposit(rina, 'wajib', 20_000))]);
    expect(plain).not.toHaveProperty('afterHolds');
  });

  it('marks the entries stored before chain marks existed at the first push after the upgrade', async () => {
    const coop = await h.createCooperative('KSP Lama');
    const a = await h.enroll(coop);
    const tari = ids.member();
    const before = [await a.entry(joined(tari, 'T-001', 'Tari')), await a.entry(deposit(tari, 'pokok', 100_000)), await a.entry(deposit(tari, 'wajib', 20_000))];
    await h.push(a, before);
    await eraseChainMarks(coop);

    // Unmarked rows give unmarked cursors, and an unmarked cursor is checked by its number alone.
    const old = (await pull(a, '?after=0')).json<PullBody>();
    expect(parseCursor(old.cursor)).toEqual({ serverSeq: 3, mark: null });
    expect((await pull(a, `?after=${old.cursor}`)).json<{ restart?: boolean }>().restart).toBeUndefined();

    const after = await a.entry(deposit(tari, 'wajib', 20_000));
    expect((await h.push(a, [after])).results[0]).toMatchObject({ status: 'accepted', serverSeq: 4 });
    let mark = GENESIS_MARK;
    for (const [i, entry] of [...before, after].entries()) {
      mark = nextChainMark(mark, entry.hash);
      expect((await h.store.store.chainMarkAt(coop, i + 1))?.chainMark).toBe(mark);
    }
    expect((await pull(a, '?after=0')).json<PullBody>().cursor).toBe(encodeCursor(4, mark));
  });

  /** As if the rows were stored by a server before migration 3: no chain marks. */
  async function eraseChainMarks(cooperativeId: string): Promise<void> {
    if (kind === 'sqlite') {
      const db = new Database(h.store.location);
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare('UPDATE entries SET chain_mark = NULL WHERE cooperative_id = ?').run(cooperativeId);
      } finally {
        db.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: h.store.location });
    await client.connect();
    try {
      // Row-level security: the app role sees a cooperative's rows only inside its scope.
      await client.query(`SELECT set_config('lumbung.cooperative_id', $1, false)`, [cooperativeId]);
      const erased = await client.query('UPDATE entries SET chain_mark = NULL WHERE cooperative_id = $1', [cooperativeId]);
      expect(erased.rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  }

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

  /** A push with the phone's view of its chain before the batch (docs/api.md addition `head`). */
  const pushWithHead = (device: TestDevice, head: { seq: number; hash: string }, entries: readonly Entry[]) =>
    h.device(device, 'POST', '/api/v1/sync/push', { head, entries });
  const viewBefore = (entry: Entry | undefined) => ({ seq: (entry?.seq ?? 1) - 1, hash: entry?.prevHash ?? ZERO_HASH });

  it('answers a resend with head as duplicate, even when the server holds more of the chain than the batch', async () => {
    const coop = await h.createCooperative('KSP Ulang');
    const phone = await h.enroll(coop);
    const rina = ids.member();
    const batch = [await phone.entry(joined(rina, 'R-001', 'Rina')), await phone.entry(deposit(rina, 'pokok', 100_000))];
    const next = [await phone.entry(deposit(rina, 'wajib', 20_000)), await phone.entry(deposit(rina, 'wajib', 20_000))];
    expect((await pushWithHead(phone, viewBefore(batch[0]), batch)).statusCode).toBe(200);
    expect((await pushWithHead(phone, viewBefore(next[0]), next)).statusCode).toBe(200);

    // Both answers were lost: the server's head (4) is ahead of the batch's start (0) only by
    // entries the phone resends with identical hashes — the ordinary idempotent answer.
    const resent = await pushWithHead(phone, viewBefore(batch[0]), [...batch, ...next]);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json<PushAnswer>().results.map((r) => [r.status, r.serverSeq])).toEqual([
      ['duplicate', 1],
      ['duplicate', 2],
      ['duplicate', 3],
      ['duplicate', 4],
    ]);
    // Only the first batch again (the second was stored by a pipelined request whose answer was
    // lost too): the server holds seq 3 and 4 beyond it, entries the batch says nothing about.
    const first = await pushWithHead(phone, viewBefore(batch[0]), batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<PushAnswer>().results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Resent plus a new entry: the new one goes on top of the server's head.
    const more = await phone.entry(deposit(rina, 'sukarela', 5_000));
    const tail = await pushWithHead(phone, viewBefore(next[0]), [...next, more]);
    expect(tail.json<PushAnswer>().results.map((r) => [r.status, r.serverSeq])).toEqual([
      ['duplicate', 3],
      ['duplicate', 4],
      ['accepted', 5],
    ]);
    // A server behind the phone's view (it lacks seq 6): the gap rules, as without head.
    const skipped = await phone.entry(deposit(rina, 'sukarela', 1_000));
    const beyond = await phone.entry(deposit(rina, 'sukarela', 2_000));
    const gap = await pushWithHead(phone, viewBefore(beyond), [beyond]);
    expect(gap.json<PushAnswer>().results).toEqual([{ id: beyond.id, status: 'gap', expectedSeq: 6 }]);
    expect(skipped.seq).toBe(6);
  });

  it('refuses with 409 device-chain-behind and stores nothing when an old copy of the phone pushes', async () => {
    const coop = await h.createCooperative('KSP Salinan');
    const phone = await h.enroll(coop);
    const dodi = ids.member();
    const join = await phone.entry(joined(dodi, 'D-001', 'Dodi'));
    const pokok = await phone.entry(deposit(dodi, 'pokok', 100_000));
    const wajib = await phone.entry(deposit(dodi, 'wajib', 20_000));
    expect((await pushWithHead(phone, viewBefore(join), [join, pokok, wajib])).statusCode).toBe(200);
    const serverHead = { seq: 3, hash: wajib.hash };

    // The old copy stopped at seq 1 and signs another seq 2 (and 3, 4 on top of it).
    const other2 = await phone.entryAt(2, join.hash, deposit(dodi, 'sukarela', 50_000));
    const other3 = await phone.entryAt(3, other2.hash, deposit(dodi, 'sukarela', 10_000));
    const other4 = await phone.entryAt(4, other3.hash, deposit(dodi, 'sukarela', 10_000));
    // A fork that starts at the server's own head: same seq, another hash.
    const past = await phone.entryAt(4, other3.hash, deposit(dodi, 'sukarela', 7_000));
    const refusals = [
      await pushWithHead(phone, viewBefore(other2), [other2]),
      await pushWithHead(phone, viewBefore(other2), [other2, other3, other4]),
      // The batch starts at a seq the server holds, with the server's entry, but goes on with another.
      await pushWithHead(phone, viewBefore(pokok), [pokok, other3]),
      await pushWithHead(phone, { seq: 3, hash: other3.hash }, [past]),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<{ error: { code: string; details: unknown } }>().error).toMatchObject({
        code: 'device-chain-behind',
        details: serverHead,
      });
    }
    // Nothing of it was stored: the device's chain is the three entries, and seq 4 is still free.
    const pulled = (await pull(phone, '?after=0')).json<PullBody>();
    expect(pulled.entries.map((e) => e.id)).toEqual([join.id, pokok.id, wajib.id]);
    const fine = await phone.entryAt(4, wajib.hash, deposit(dodi, 'sukarela', 1_000));
    const accepted = await pushWithHead(phone, serverHead, [fine]);
    expect(accepted.json<PushAnswer>().results).toEqual([{ id: fine.id, status: 'accepted', serverSeq: 4 }]);
    // Without head (an older phone) the server behaves as before: the reused seq is answered only.
    expect((await h.push(phone, [other2])).results).toMatchObject([{ id: other2.id, status: 'rejected', reason: 'seq-reused' }]);
  });

  it('refuses a malformed head as an invalid request', async () => {
    const coop = await h.createCooperative('KSP Kepala');
    const phone = await h.enroll(coop);
    for (const head of [{ seq: -1, hash: ZERO_HASH }, { seq: 0, hash: 'zz' }, { seq: 1.5, hash: ZERO_HASH }, 'head']) {
      const response = await h.device(phone, 'POST', '/api/v1/sync/push', { head, entries: [] });
      expect(response.statusCode, JSON.stringify(head)).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid-request');
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
