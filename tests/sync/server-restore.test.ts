/**
 * The district server restored from an older backup (docs/sync.md). serverSeqs are handed out again
 * from the backup's last number and the phones' own acknowledged entries after the backup are gone
 * from it. Against the real server on a real SQLite file, copied while the server is stopped (the
 * office's nightly backup) and put back (the restore):
 * - a phone whose acknowledged entries the restore lost sends them again in its next sync, even
 *   with nothing new to send;
 * - a phone whose pull cursor the restore made stale pulls from the beginning instead of skipping
 *   the entries other phones stored meanwhile under the old numbers;
 * - in the end every phone holds exactly the entries the server holds.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/storage/sqlite/sqlite-store.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { readPullCursor, writeMeta } from '../../src/db/meta.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { decodeCursor, encodeCursor, parseCursor } from '../../src/domain/ledger/index.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { syncOnce, type SyncResult } from '../../src/sync/sync-once.ts';
import { depositDraft, joinDraft, newPhone, realFetch, record, serveDistrict, wire, type ServedDistrict } from './harness.ts';

type Server = ServedDistrict & { readonly store: SqliteStore };

/** The district server on `file`, on a port of its own each time (phones are told the URL per sync). */
async function serve(file: string): Promise<Server> {
  const store = new SqliteStore({ file });
  return { ...(await serveDistrict(store)), store };
}

async function stop(server: Server): Promise<void> {
  await server.app.close();
  await server.store.close();
}

/** A district office with one cooperative, whose server can be backed up and restored. */
class Office {
  private server: Server | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'lumbung-restore-'));
  private readonly live = path.join(this.dir, 'lumbung.sqlite');
  private readonly backupFile = path.join(this.dir, 'backup.sqlite');
  cooperative = '';

  async open(): Promise<void> {
    this.server = await serve(this.live);
    const answer = (await this.running.admin('/admin/cooperatives', { name: 'Koperasi', village: 'Sukamaju', district: 'Jember' })) as {
      cooperative: { id: string };
    };
    this.cooperative = answer.cooperative.id;
  }

  get running(): Server {
    if (this.server === null) throw new Error('the server is stopped');
    return this.server;
  }

  async phone(label: string): Promise<LumbungDb> {
    const db = newPhone(label);
    const { code } = (await this.running.admin(`/admin/cooperatives/${this.cooperative}/enrollment-codes`, {})) as { code: string };
    const enrolled = await enroll(db, { serverUrl: this.running.url, code, deviceName: label, fetch: realFetch });
    if (!enrolled.ok) throw new Error(enrolled.error);
    return db;
  }

  async sync(db: LumbungDb, fetchImpl = realFetch): Promise<SyncResult> {
    return syncOnce(db, { fetch: fetchImpl, baseUrl: this.running.url });
  }

  /** The nightly backup: a copy of the database file while the server is stopped. */
  async backup(): Promise<void> {
    await stop(this.running);
    copyFileSync(this.live, this.backupFile);
    this.server = await serve(this.live);
  }

  /** The disk died; last night's backup goes back in place. */
  async restore(): Promise<void> {
    await stop(this.running);
    copyFileSync(this.backupFile, this.live);
    this.server = await serve(this.live);
  }

  async accepted(): Promise<Entry[]> {
    const rows = await this.running.store.acceptedAfter(this.cooperative, 0, 100_000);
    return rows.map((r) => JSON.parse(r.body) as Entry);
  }

  async close(): Promise<void> {
    if (this.server !== null) await stop(this.server);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const idsOn = async (db: LumbungDb): Promise<string[]> => (await db.entries.toCollection().primaryKeys()).map(String).sort();

async function expectConverged(office: Office, phones: readonly LumbungDb[]): Promise<void> {
  const onServer = (await office.accepted()).map((e) => e.id).sort();
  expect(new Set(onServer).size).toBe(onServer.length);
  for (const db of phones) expect(await idsOn(db)).toEqual(onServer);
}

describe('a district server restored from an older backup', () => {
  const offices: Office[] = [];
  afterAll(async () => {
    for (const office of offices) await office.close();
  });
  async function office(): Promise<Office> {
    const o = new Office();
    offices.push(o);
    await o.open();
    return o;
  }
  /** Phones A and B, both holding A's first entry: Siti joins. */
  async function twoPhonesWithSiti() {
    const o = await office();
    const a = await o.phone('a');
    const b = await o.phone('b');
    const siti = newMemberId();
    await record(a, joinDraft(siti, 'A-001', 'Siti Aminah'));
    expect((await o.sync(a)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok');
    return { o, a, b, siti };
  }

  it('a phone sends the entries the restore lost at its next sync, with nothing new to send, and the others get them', async () => {
    const { o, a, b, siti } = await twoPhonesWithSiti();
    await o.backup();

    const budi = newMemberId();
    await record(b, joinDraft(budi, 'B-001', 'Budi Santoso'));
    await record(b, depositDraft(budi, 'pokok', 100_000));
    expect((await o.sync(b)).status).toBe('ok');
    expect((await o.sync(a)).status).toBe('ok');
    await o.restore();
    expect(await o.accepted()).toHaveLength(1);

    // B has nothing pending. The pull tells it the server's copy of its chain ends before what was
    // acknowledged to it; it sends both again in the same run.
    const quiet = wire();
    const resent = await o.sync(b, quiet.fetch);
    expect(resent).toMatchObject({ status: 'ok', receipt: { pushed: 2, acked: 2 } });
    expect(quiet.sent.filter((r) => r.path === '/api/v1/sync/push')).toHaveLength(1);
    expect(await o.accepted()).toHaveLength(3);
    // Once back, the next sync sends nothing again.
    expect(await o.sync(b)).toMatchObject({ status: 'ok', receipt: { pushed: 0 } });

    // A's deposit after the restore reaches B, and A's cursor (on B's entries, same numbers again) holds.
    await record(a, depositDraft(siti, 'wajib', 25_000));
    expect((await o.sync(a)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok');
    await expectConverged(o, [a, b]);
    expect(await o.accepted()).toHaveLength(4);
  });

  it('a phone whose cursor the restore made stale pulls from the beginning instead of skipping what others stored under the old numbers', async () => {
    const o = await office();
    const a = await o.phone('a');
    const b = await o.phone('b');
    const c = await o.phone('c');
    const siti = newMemberId();
    await record(a, joinDraft(siti, 'A-001', 'Siti Aminah'));
    for (const db of [a, b, c]) expect((await o.sync(db)).status).toBe('ok');
    await o.backup();

    // A stores serverSeqs 2 and 3 after the backup; B pulls them (its cursor now names A's entry 3).
    await record(a, depositDraft(siti, 'pokok', 100_000));
    await record(a, depositDraft(siti, 'wajib', 25_000));
    expect((await o.sync(a)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok');
    await o.restore();

    // C is first after the restore: its two entries take the numbers 2 and 3.
    const dewi = newMemberId();
    await record(c, joinDraft(dewi, 'C-001', 'Dewi Lestari'));
    await record(c, depositDraft(dewi, 'pokok', 100_000));
    expect((await o.sync(c)).status).toBe('ok');

    // B records something. Its push gets serverSeq 4, right after its cursor's number 3: without the
    // check it would skip to 4 and never pull C's two entries. The server says the cursor no longer
    // holds; B pulls from the beginning.
    await record(b, depositDraft(siti, 'sukarela', 50_000));
    const traffic = wire();
    expect((await o.sync(b, traffic.fetch)).status).toBe('ok');
    const pulls = traffic.sent.filter((r) => r.path.startsWith('/api/v1/sync/pull'));
    expect(pulls.map((r) => new URL(r.path, 'http://x').searchParams.get('after'))).toEqual(['MA']);
    for (const id of (await c.entries.toArray()).filter((r) => r.sync === 'acked').map((r) => r.id)) {
      expect(await b.entries.get(id)).toBeDefined();
    }

    // A sends its two lost entries again (serverSeqs 5 and 6) and pulls C's; then everyone pulls.
    expect(await o.sync(a)).toMatchObject({ status: 'ok', receipt: { pushed: 2 } });
    for (const db of [b, c, a]) expect((await o.sync(db)).status).toBe('ok');
    await expectConverged(o, [a, b, c]);
    expect(await o.accepted()).toHaveLength(6);
  });

  it('a cursor holds only if every entry up to it is the one the phone pulled, not just the entry at it', async () => {
    const o = await office();
    const [a, b, c, d] = [await o.phone('a'), await o.phone('b'), await o.phone('c'), await o.phone('d')];
    const siti = newMemberId();
    await record(a, joinDraft(siti, 'A-001', 'Siti Aminah')); // serverSeq 1
    for (const db of [a, b, c, d]) expect((await o.sync(db)).status).toBe('ok');
    await o.backup();

    await record(a, depositDraft(siti, 'pokok', 100_000)); // 2, A's
    expect((await o.sync(a)).status).toBe('ok');
    await record(c, depositDraft(siti, 'wajib', 25_000)); // 3, C's
    expect((await o.sync(c)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok'); // B's cursor: 3, on C's deposit
    await o.restore();

    // D's deposit takes number 2; C sends its lost deposit again and it lands on 3, its old number.
    // B's cursor names the same entry at the same number, but D's deposit lies below it.
    await record(d, depositDraft(siti, 'sukarela', 40_000));
    expect((await o.sync(d)).status).toBe('ok');
    expect((await o.sync(c)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok');
    for (const db of [a, b, c, d]) expect((await o.sync(db)).status).toBe('ok');
    for (const db of [a, b, c, d]) expect((await o.sync(db)).status).toBe('ok');
    await expectConverged(o, [a, b, c, d]);
    expect(await o.accepted()).toHaveLength(4);
  });

  it('a phone that only pulls finds its stale cursor answered from the beginning', async () => {
    const { o, a, b, siti } = await twoPhonesWithSiti();
    await o.backup();
    await record(a, depositDraft(siti, 'pokok', 100_000));
    expect((await o.sync(a)).status).toBe('ok');
    expect((await o.sync(b)).status).toBe('ok'); // B's cursor: serverSeq 2, A's deposit
    await o.restore();

    // A third phone's entry takes number 2; B has nothing to push, so only its pull can notice.
    const c = await o.phone('c');
    expect((await o.sync(c)).status).toBe('ok');
    const dewi = newMemberId();
    await record(c, joinDraft(dewi, 'C-001', 'Dewi Lestari'));
    expect((await o.sync(c)).status).toBe('ok');
    const restarts: boolean[] = [];
    const traffic = wire(async (request, real) => {
      const response = await real();
      if (request.path.startsWith('/api/v1/sync/pull')) restarts.push(((await response.clone().json()) as { restart?: boolean }).restart === true);
      return response;
    });
    expect(await o.sync(b, traffic.fetch)).toMatchObject({ status: 'ok', receipt: { pushed: 0, pulled: 2 } });
    expect(restarts).toEqual([true]);
    expect((await o.sync(a)).status).toBe('ok');
    for (const db of [b, c]) expect((await o.sync(db)).status).toBe('ok');
    await expectConverged(o, [a, b, c]);
  });

  it('a server that cannot read the stored cursor (one from before marks) is pulled from the beginning, once a run', async () => {
    const { o, a, b, siti } = await twoPhonesWithSiti();
    await record(a, depositDraft(siti, 'pokok', 100_000));
    expect((await o.sync(a)).status).toBe('ok');

    // The district went back to a server version that reads only unmarked cursors.
    const older = wire(async (request, real) => {
      const after = new URL(request.path, 'http://x').searchParams.get('after');
      if (request.path.startsWith('/api/v1/sync/pull') && after !== null && parseCursor(after)?.mark !== null) {
        const error = { code: 'invalid-cursor', message: 'Penanda posisi (cursor) tidak sah. Tarik ulang dari awal.' };
        return new Response(JSON.stringify({ error }), { status: 400, headers: { 'content-type': 'application/json' } });
      }
      return real();
    });
    expect(await o.sync(b, older.fetch)).toMatchObject({ status: 'ok', receipt: { pulled: 2 } });
    const afters = older.sent.filter((r) => r.path.startsWith('/api/v1/sync/pull')).map((r) => new URL(r.path, 'http://x').searchParams.get('after'));
    expect(afters).toHaveLength(2);
    expect(afters[1]).toBe(encodeCursor(0));
    await expectConverged(o, [a, b]);
  });

  it('a stored cursor the phone cannot read never holds back the outbox', async () => {
    const o = await office();
    const a = await o.phone('a');
    const siti = newMemberId();
    await record(a, joinDraft(siti, 'A-001', 'Siti Aminah'));
    expect((await o.sync(a)).status).toBe('ok');
    // Storage damage, or a foreign server's long cursor.
    await writeMeta(a, 'pullCursor', 'x'.repeat(150));
    await record(a, depositDraft(siti, 'pokok', 100_000));
    const traffic = wire();
    expect(await o.sync(a, traffic.fetch)).toMatchObject({ status: 'ok', receipt: { acked: 1 } });
    const push = traffic.sent.find((r) => r.path === '/api/v1/sync/push');
    expect(push?.json).not.toHaveProperty('after');
    expect(await o.accepted()).toHaveLength(2);
    // The pull met `invalid-cursor` and started again from the beginning.
    expect(decodeCursor((await readPullCursor(a)) ?? '')).toBe(2);
  });

  it('a database restored under a running server process is not checked against the history it folded before', async () => {
    // Two processes on one database file (as several processes share one PostgreSQL database). The
    // database goes back in place while both run: a point-in-time restore, a fail-over.
    const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-inplace-'));
    const file = path.join(dir, 'lumbung.sqlite');
    const first = await serve(file);
    const second = await serve(file);
    try {
      const coop = ((await first.admin('/admin/cooperatives', { name: 'K', village: 'V', district: 'D' })) as { cooperative: { id: string } })
        .cooperative.id;
      const phone = async (label: string): Promise<LumbungDb> => {
        const db = newPhone(label);
        const { code } = (await first.admin(`/admin/cooperatives/${coop}/enrollment-codes`, {})) as { code: string };
        const enrolled = await enroll(db, { serverUrl: first.url, code, deviceName: label, fetch: realFetch });
        if (!enrolled.ok) throw new Error(enrolled.error);
        return db;
      };
      const [a, b, c] = [await phone('a'), await phone('b'), await phone('c')];
      const via = (server: Server, db: LumbungDb) => syncOnce(db, { fetch: realFetch, baseUrl: server.url });
      const siti = newMemberId();
      await record(a, joinDraft(siti, 'A-001', 'Siti Aminah'));
      expect((await via(first, a)).status).toBe('ok');
      for (const db of [b, c]) expect((await via(first, db)).status).toBe('ok');
      const lost = await record(a, depositDraft(siti, 'pokok', 100_000));
      expect((await via(first, a)).status).toBe('ok'); // serverSeq 2, folded into the first process's ledger
      expect((await via(first, b)).status).toBe('ok');

      const raw = new Database(file);
      try {
        raw.pragma('busy_timeout = 5000');
        raw.prepare('DELETE FROM entries WHERE cooperative_id = ? AND (server_seq > 1 OR server_seq IS NULL)').run(coop);
        raw.prepare('UPDATE cooperatives SET last_seq = 1 WHERE id = ?').run(coop);
      } finally {
        raw.close();
      }
      // Through the second process another entry takes number 2: the first's cache is at 2 as well.
      await record(c, depositDraft(siti, 'wajib', 25_000));
      expect((await via(second, c)).status).toBe('ok');
      // B reverses A's deposit, which the database no longer holds: the first process must see that.
      const reversal = await record(b, { type: 'entry.reversed', date: '2026-11-04', actor: 'Bu Siti', data: { entryId: lost.id, reason: 'Salah catat' } });
      await via(first, b);
      expect(await b.entries.get(reversal.id)).toMatchObject({ sync: 'rejected', reason: 'reversal-target-unknown' });
    } finally {
      for (const server of [first, second]) await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

