/**
 * Schema upgrades: every frozen fixture tests/fixtures/db-v<n>.json (a store written by the code of
 * version n, with that version's schema) is loaded at its own version through plain Dexie, then
 * opened with today's LumbungDb. Whatever upgrades run in between must keep every signed entry
 * verbatim, the outbox, the chain head and the identity, and leave a usable ledger.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { appendEntry } from '../../src/db/append-entry.ts';
import { CURRENT_VERSION, LumbungDb } from '../../src/db/database.ts';
import { readChainHead, readMeta, readPullCursor } from '../../src/db/meta.ts';
import { outboxStats, pendingEntries } from '../../src/db/outbox.ts';
import { currentLedger, rebuildProjections } from '../../src/db/projections.ts';
import { exportPublicJwk } from '../../src/domain/signing.ts';
import { verifyPin } from '../../src/db/users.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import { deposit } from './support.ts';

type Fixture = {
  version: number;
  schema: Record<string, string>;
  testKeys: { privateJwk: JsonWebKey; publicJwk: JsonWebKey };
  tables: Record<string, unknown[]>;
};

const FIXTURES = joinPath(import.meta.dirname, '..', 'fixtures');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => /^db-v\d+\.json$/.test(f));

function loadFixture(file: string): Fixture {
  return JSON.parse(readFileSync(joinPath(FIXTURES, file), 'utf8')) as Fixture;
}

/** Writes the fixture as the old app would have left it: old version number, old schema, its rows. */
async function seedOldStore(name: string, fixture: Fixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.schema);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    const privateKey = await crypto.subtle.importKey('jwk', fixture.testKeys.privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const publicKey = await crypto.subtle.importKey('jwk', fixture.testKeys.publicJwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    await old.table('keys').add({ id: 'device', privateKey, publicKey, publicJwk: await exportPublicJwk(publicKey), createdAt: '2026-11-01T01:00:00.000Z' });
  });
  old.close();
}

describe('upgrades from frozen fixtures', () => {
  it('has a fixture for every shipped version', () => {
    expect(fixtureFiles.map((f) => Number(/\d+/.exec(f)?.[0]))).toEqual(Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1));
  });

  for (const file of fixtureFiles) {
    it(`opens ${file} with the current schema and keeps every entry, the outbox and the chain`, async () => {
      const fixture = loadFixture(file);
      const name = `upgrade-${file}-${crypto.randomUUID()}`;
      await seedOldStore(name, fixture);
      const db = new LumbungDb(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);
      const oldEntries = fixture.tables.entries as { entry: { id: string }; sync: string }[];
      const stored = await db.entries.toArray();
      expect(stored.map((r) => r.entry)).toEqual(oldEntries.map((r) => r.entry));
      const stats = await outboxStats(db);
      expect(stats.pending).toBe(oldEntries.filter((r) => r.sync === 'pending').length);
      const head = await readChainHead(db);
      expect(head.seq).toBeGreaterThan(0);
      expect(await readMeta(db, 'identity')).toMatchObject({ mode: 'enrolled' });

      // The ledger loads from the stored rows and equals a rebuild from the entries.
      const loaded = await currentLedger(db);
      const summary = (s: typeof loaded) => [...s.members.values()].map((m) => [m.memberId, m.savings]).sort();
      const fromRows = summary(loaded);
      expect(summary(await rebuildProjections(db))).toEqual(fromRows);

      // The phone keeps recording on its chain after the upgrade.
      const member = [...loaded.members.keys()][0] as MemberId;
      const saved = await appendEntry(db, deposit(member, 'sukarela', 5_000, '2026-12-01'), { locks: null });
      if (!saved.ok) throw new Error(saved.error);
      expect(saved.value.entry).toMatchObject({ seq: head.seq + 1, prevHash: head.hash });
      db.close();
    });
  }

  it('v1: the numbers of the frozen store survive (savings, cash, outbox, cursor, users)', async () => {
    const fixture = loadFixture('db-v1.json');
    const name = `upgrade-v1-numbers-${crypto.randomUUID()}`;
    await seedOldStore(name, fixture);
    const db = new LumbungDb(name);
    const ledger = await currentLedger(db);
    const byNumber = new Map([...ledger.members.values()].map((m) => [m.profile?.number, m.savings]));
    expect(byNumber.get('A-001')).toEqual({ pokok: 100_000, wajib: 25_000, sukarela: 0 });
    expect(byNumber.get('A-002')).toEqual({ pokok: 100_000, wajib: 0, sukarela: 0 });
    const cash = ledger.accounts.get('1-101');
    // 100 000 + 25 000 − (1 000 000 − 10 000) − 15 000; the reversed 250 000 leaves no trace.
    expect((cash?.debit ?? 0) - (cash?.credit ?? 0)).toBe(-880_000);
    expect((await pendingEntries(db, 10)).map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(await readChainHead(db)).toMatchObject({ seq: 7 });
    expect(await readPullCursor(db)).toBe('Ng');
    expect(await readMeta(db, 'requestCounter')).toBe(12);
    expect((await db.receipts.get(2026))?.last).toBe(3);
    const [user] = await db.users.toArray();
    expect(user === undefined ? undefined : (await verifyPin(db, user.id, '246810')).ok).toBe(true);
    db.close();
  });
});
