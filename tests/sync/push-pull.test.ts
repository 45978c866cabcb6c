/**
 * The phone's sync engine against the real district server, on SQLite and on PostgreSQL:
 * enrollment, push of offline entries, a second phone pulling them into equal projections,
 * and the failure cases of CONTRACT §7 (lost answers, gaps, rejections, revocation, captive
 * portals, crashes between counter and send, concurrent runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalMode } from '../../src/db/enrollment.ts';
import { currentLedger } from '../../src/db/projections.ts';
import { outboxStats } from '../../src/db/outbox.ts';
import { LumbungDb } from '../../src/db/database.ts';
import { newLoanId, newMemberId } from '../../src/domain/ids.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { readSyncMeta } from '../../src/sync/sync-meta.ts';
import { STORE_KINDS } from '../support/stores.ts';
import {
  depositDraft,
  joinDraft,
  loanDraft,
  newPhone,
  realFetch,
  record,
  repayDraft,
  startDistrict,
  wire,
  type District,
} from './harness.ts';

describe.each(STORE_KINDS)('sync engine against the %s server', (kind) => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict(kind);
    coop = await district.createCooperative('Koperasi Desa Sukamaju');
  });
  afterAll(async () => {
    await district.close();
  });

  async function enrolledPhone(label: string): Promise<{ db: LumbungDb; deviceId: string }> {
    const db = newPhone(label);
    const code = await district.enrollmentCode(coop);
    const result = await enroll(db, { serverUrl: district.url, code, deviceName: `HP ${label}`, fetch: realFetch });
    if (!result.ok) throw new Error(`enrollment failed: ${result.error} ${String(result.detail)}`);
    return { db, deviceId: result.value.deviceId };
  }

  /** This phone's own entries, in seq order (a phone also holds what it pulled from others). */
  const rows = async (db: LumbungDb) => {
    const identity = (await db.meta.get('identity'))?.value as { deviceId: string } | undefined;
    if (identity === undefined) return [];
    return db.entries.where('[deviceId+seq]').between([identity.deviceId, 0], [identity.deviceId, Infinity]).toArray();
  };

  it('pushes entries recorded offline, and a second phone pulls them into the same books', async () => {
    const { db: phoneA, deviceId } = await enrolledPhone('a');
    const siti = newMemberId();
    const budi = newMemberId();
    const loan = newLoanId();
    // Recorded with no network at all: the first sync attempt cannot reach anything.
    await record(phoneA, joinDraft(siti, 'A-001', 'Siti Aminah'));
    await record(phoneA, joinDraft(budi, 'A-002', 'Budi Santoso'));
    await record(phoneA, depositDraft(siti, 'pokok', 100_000));
    await record(phoneA, depositDraft(siti, 'wajib', 20_000));
    await record(phoneA, depositDraft(budi, 'sukarela', 250_000));
    await record(phoneA, loanDraft(loan, budi, 2_000_000));
    await record(phoneA, repayDraft(loan, budi, 200_000, 30_000));
    const offline = await syncOnce(phoneA, { fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(offline).toMatchObject({ status: 'failed', error: 'network' });
    expect((await outboxStats(phoneA)).pending).toBe(7);

    const progress: string[] = [];
    const online = await syncOnce(phoneA, {
      fetch: realFetch,
      onProgress: (p) => progress.push(p.step === 'push' ? `push ${String(p.pushed)}/${String(p.total)}` : `pull ${String(p.pulled)}`),
    });
    expect(online.status).toBe('ok');
    if (online.status !== 'ok') return;
    expect(online.receipt).toMatchObject({ pushed: 7, acked: 7, rejected: 0 });
    expect(progress).toContain('push 7/7');
    const mine = await rows(phoneA);
    expect(mine.map((r) => r.sync)).toEqual(Array(7).fill('acked'));
    expect(new Set(mine.map((r) => r.serverSeq)).size).toBe(7);
    expect(online.receipt.chainHead).toEqual({ seq: 7, hash: mine[6]?.entry.hash });
    expect(online.receipt.lastServerSeq).toBe(Math.max(...mine.map((r) => r.serverSeq ?? 0)));
    expect((await readSyncMeta(phoneA, 'sync.receipt'))?.acked).toBe(7);

    const onServer = (await district.accepted(coop)).filter((e) => e.deviceId === deviceId);
    expect(onServer.map((e) => e.id)).toEqual(mine.map((r) => r.id));
    // Stored verbatim as signed.
    expect(onServer[6]).toEqual(mine[6]?.entry);

    const { db: phoneB } = await enrolledPhone('b');
    const pulled = await syncOnce(phoneB, { fetch: realFetch, pullPageSize: 3 });
    expect(pulled.status).toBe('ok');
    const asOf = { asOf: '2026-12-31' };
    const stateA = await currentLedger(phoneA);
    const stateB = await currentLedger(phoneB);
    const membersA = runReport('members', stateA, asOf);
    const membersB = runReport('members', stateB, asOf);
    expect(membersB).toEqual(membersA);
    expect(runReport('balance-sheet', stateB, asOf)).toEqual(runReport('balance-sheet', stateA, asOf));
    if (!membersB.ok) throw new Error('members report failed');
    const sitiRow = membersB.body.members.find((m) => m.memberId === siti);
    expect(sitiRow?.savings).toEqual({ pokok: 100_000, wajib: 20_000, sukarela: 0 });
    // 2 000 000 lent, 200 000 of it repaid.
    expect(membersB.body.members.find((m) => m.memberId === budi)?.loanOutstanding).toBe(1_800_000);

    // And back: B records, A pulls it.
    await record(phoneB, depositDraft(budi, 'wajib', 20_000));
    expect((await syncOnce(phoneB, { fetch: realFetch })).status).toBe('ok');
    expect((await syncOnce(phoneA, { fetch: realFetch })).status).toBe('ok');
    const after = runReport('members', await currentLedger(phoneA), asOf);
    expect(after).toEqual(runReport('members', await currentLedger(phoneB), asOf));
    if (!after.ok) throw new Error('members report failed');
    expect(after.body.members.find((m) => m.memberId === budi)?.savings.wajib).toBe(20_000);
  });

  it('sends gzip bodies that the server accepts, signed over the bytes as sent', async () => {
    const { db } = await enrolledPhone('gzip');
    const m = newMemberId();
    await record(db, joinDraft(m, 'G-001', 'Wati'));
    const net = wire();
    expect((await syncOnce(db, { fetch: net.fetch })).status).toBe('ok');
    const push = net.sent.find((r) => r.path === '/api/v1/sync/push');
    expect(push?.headers['content-encoding']).toBe('gzip');
    expect([push?.raw?.[0], push?.raw?.[1]]).toEqual([0x1f, 0x8b]);
    expect(push?.status).toBe(200);
    expect(push?.headers['x-device-signature']).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(push?.headers).not.toHaveProperty('authorization');
    expect((await rows(db))[0]?.sync).toBe('acked');
  });

  it('resends after an answer lost once the server had committed: duplicate, nothing doubled', async () => {
    const { db, deviceId } = await enrolledPhone('lost');
    const m = newMemberId();
    await record(db, joinDraft(m, 'L-001', 'Rina'));
    await record(db, depositDraft(m, 'pokok', 50_000));
    await record(db, depositDraft(m, 'wajib', 10_000));
    let dropped = false;
    const net = wire(async (request, real) => {
      const response = await real();
      if (request.path === '/api/v1/sync/push' && !dropped) {
        dropped = true;
        // The server committed; the answer never reaches the phone.
        throw new TypeError('network connection lost');
      }
      return response;
    });
    const first = await syncOnce(db, { fetch: net.fetch });
    expect(first).toMatchObject({ status: 'failed', error: 'network' });
    expect((await rows(db)).map((r) => r.sync)).toEqual(['pending', 'pending', 'pending']);

    const second = await syncOnce(db, { fetch: net.fetch });
    expect(second.status).toBe('ok');
    const stored = await rows(db);
    expect(stored.map((r) => r.sync)).toEqual(['acked', 'acked', 'acked']);
    expect(stored.map((r) => r.serverStatus)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const onServer = (await district.accepted(coop)).filter((e) => e.deviceId === deviceId);
    expect(onServer.map((e) => e.id)).toEqual(stored.map((r) => r.id));
    // The same ids went out twice; no counter was ever refused.
    expect(net.pushedIds()).toEqual([...stored.map((r) => r.id), ...stored.map((r) => r.id)]);
    expect(net.sent.every((r) => r.status !== 401)).toBe(true);
  });

  it('recovers from a gap by resending from the seq the server expects', async () => {
    const { db, deviceId } = await enrolledPhone('gap');
    const m = newMemberId();
    await record(db, joinDraft(m, 'P-001', 'Joko'));
    await record(db, depositDraft(m, 'pokok', 100_000));
    await record(db, depositDraft(m, 'wajib', 20_000));
    await record(db, depositDraft(m, 'sukarela', 5_000));
    // The phone believes seq 1–2 were delivered, the server never got them (a server restored
    // from an older backup looks exactly like this).
    const [one, two] = await rows(db);
    if (one === undefined || two === undefined) throw new Error('entries missing');
    await db.entries.bulkPut([
      { ...one, sync: 'acked', serverSeq: 999_001 },
      { ...two, sync: 'acked', serverSeq: 999_002 },
    ]);
    const net = wire();
    const result = await syncOnce(db, { fetch: net.fetch });
    expect(result.status).toBe('ok');
    const stored = await rows(db);
    expect(stored.map((r) => r.sync)).toEqual(['acked', 'acked', 'acked', 'acked']);
    const onServer = (await district.accepted(coop)).filter((e) => e.deviceId === deviceId);
    expect(onServer.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // Real server numbers replaced the phone's wrong belief.
    expect(stored.every((r) => (r.serverSeq ?? 0) < 999_000)).toBe(true);
    const seqsSent = net.sent
      .filter((r) => r.path === '/api/v1/sync/push')
      .map((r) => (r.json as { entries: { seq: number }[] }).entries.map((e) => e.seq));
    expect(seqsSent).toEqual([[3, 4], [1, 2], [3, 4]]);
  });

  it('marks a tampered entry rejected, keeps it, never sends it again, and the chain goes on', async () => {
    const { db, deviceId } = await enrolledPhone('tamper');
    const m = newMemberId();
    await record(db, joinDraft(m, 'T-001', 'Dewi'));
    const victim = await record(db, depositDraft(m, 'sukarela', 10_000));
    // Someone edits the stored amount after it was signed.
    const row = await db.entries.get(victim.id);
    if (row?.entry.type !== 'savings.deposited') throw new Error('unexpected row');
    await db.entries.put({ ...row, entry: { ...row.entry, data: { ...row.entry.data, amount: 1_000_000 as typeof row.entry.data.amount } } });
    await record(db, depositDraft(m, 'wajib', 20_000));

    const net = wire();
    const first = await syncOnce(db, { fetch: net.fetch });
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.receipt).toMatchObject({ pushed: 3, acked: 2, rejected: 1 });
    const stored = await rows(db);
    expect(stored.map((r) => r.sync)).toEqual(['acked', 'rejected', 'acked']);
    expect(stored[1]?.reason).toBe('hash-mismatch');
    expect((await outboxStats(db)).rejected).toBe(1);

    await record(db, depositDraft(m, 'wajib', 20_000));
    const again = wire();
    expect((await syncOnce(db, { fetch: again.fetch })).status).toBe('ok');
    expect(again.pushedIds()).toHaveLength(1);
    expect(again.pushedIds()).not.toContain(victim.id);
    const accepted = (await district.accepted(coop)).filter((e) => e.deviceId === deviceId);
    expect(accepted.map((e) => e.seq)).toEqual([1, 3, 4]);
  });

  it('never reuses a request counter across crashes before and after sending', async () => {
    const { db: first } = await enrolledPhone('crash');
    const name = first.name;
    const m = newMemberId();
    await record(first, joinDraft(m, 'C-001', 'Yanti'));
    // Crash 1: the counter was written, then the phone died before the request left.
    const beforeSend = await syncOnce(first, {
      fetch: () => {
        throw new Error('killed before send');
      },
    });
    expect(beforeSend.status).toBe('failed');
    first.close();

    // Crash 2: the request reached the server (which moved its counter), the phone died.
    const second = new LumbungDb(name);
    let killed = false;
    const afterSend = wire(async (request, real) => {
      const response = await real();
      if (!killed && request.path === '/api/v1/sync/push') {
        killed = true;
        throw new Error('killed after send');
      }
      return response;
    });
    expect((await syncOnce(second, { fetch: afterSend.fetch })).status).toBe('failed');
    second.close();

    // A fresh process: only IndexedDB survived.
    const third = new LumbungDb(name);
    const net = wire();
    expect((await syncOnce(third, { fetch: net.fetch })).status).toBe('ok');
    const counters = [...afterSend.sent, ...net.sent].map((r) => Number(r.headers['x-device-counter']));
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(new Set(counters).size).toBe(counters.length);
    expect(net.sent.map((r) => r.status)).toEqual(net.sent.map(() => 200));
    expect((await rows(third))[0]?.sync).toBe('acked');
  });

  it('a captive portal answering 200 HTML is an unknown outcome: entries stay pending, then go', async () => {
    const { db } = await enrolledPhone('portal');
    const m = newMemberId();
    await record(db, joinDraft(m, 'W-001', 'Ani'));
    const portal = wire(() =>
      Promise.resolve(new Response('<html><body>Login hotspot desa</body></html>', { status: 200, headers: { 'content-type': 'text/html' } })),
    );
    expect(await syncOnce(db, { fetch: portal.fetch })).toMatchObject({ status: 'failed', error: 'unexpected-response' });
    expect((await rows(db))[0]?.sync).toBe('pending');

    const wrongJson = wire(() =>
      Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    expect(await syncOnce(db, { fetch: wrongJson.fetch })).toMatchObject({ status: 'failed', error: 'server' });
    expect((await rows(db))[0]?.sync).toBe('pending');

    expect((await syncOnce(db, { fetch: realFetch })).status).toBe('ok');
    expect((await rows(db))[0]?.sync).toBe('acked');
  });

  it('a revoked phone stops, says why, and keeps every entry', async () => {
    const { db, deviceId } = await enrolledPhone('revoked');
    const m = newMemberId();
    await record(db, joinDraft(m, 'R-001', 'Sri'));
    expect((await syncOnce(db, { fetch: realFetch })).status).toBe('ok');
    await record(db, depositDraft(m, 'pokok', 100_000));
    await record(db, depositDraft(m, 'wajib', 20_000));
    await district.revoke(deviceId);

    const result = await syncOnce(db, { fetch: realFetch });
    expect(result.status).toBe('revoked');
    if (result.status !== 'revoked') return;
    expect(result.message).toMatch(/dicabut/);
    expect((await rows(db)).map((r) => r.sync)).toEqual(['acked', 'pending', 'pending']);

    // Later runs send nothing at all.
    const net = wire();
    expect((await syncOnce(db, { fetch: net.fetch })).status).toBe('revoked');
    expect(net.sent).toHaveLength(0);
    expect(await rows(db)).toHaveLength(3);
  });

  it('two concurrent runs do not push twice', async () => {
    const { db, deviceId } = await enrolledPhone('twice');
    const m = newMemberId();
    await record(db, joinDraft(m, 'D-001', 'Tono'));
    await record(db, depositDraft(m, 'pokok', 100_000));
    const net = wire();
    // A second handle to the same database, as another part of the app would hold.
    const other = new LumbungDb(db.name);
    const [a, b] = await Promise.all([syncOnce(db, { fetch: net.fetch }), syncOnce(other, { fetch: net.fetch })]);
    expect(a.status).toBe('ok');
    expect(b).toBe(a);
    expect(net.sent.filter((r) => r.path === '/api/v1/sync/push')).toHaveLength(1);
    expect((await district.accepted(coop)).filter((e) => e.deviceId === deviceId)).toHaveLength(2);
    other.close();
  });

  it('re-issues entries recorded before enrollment, then pushes them', async () => {
    const db = newPhone('local');
    await startLocalMode(db);
    const m = newMemberId();
    await record(db, joinDraft(m, 'B-001', 'Lastri'));
    await record(db, depositDraft(m, 'pokok', 100_000));
    expect(await syncOnce(db, { fetch: realFetch })).toMatchObject({ status: 'failed', error: 'not-enrolled' });

    const code = await district.enrollmentCode(coop);
    const enrolled = await enroll(db, { serverUrl: district.url, code, deviceName: 'HP Lastri', fetch: realFetch });
    expect(enrolled.ok).toBe(true);
    if (!enrolled.ok) return;
    expect(enrolled.value.reissued).toBe(2);
    expect((await syncOnce(db, { fetch: realFetch })).status).toBe('ok');
    const onServer = (await district.accepted(coop)).filter((e) => e.deviceId === enrolled.value.deviceId);
    expect(onServer.map((e) => e.seq)).toEqual([1, 2]);
    expect(onServer[0]?.cooperativeId).toBe(coop);
  });
});
