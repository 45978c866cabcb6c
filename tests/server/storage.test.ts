/**
 * Both stores: schema migrations (fresh, re-run, upgrade from an older version), and on
 * PostgreSQL row-level security between cooperatives.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres, PostgresStore } from '../../server/storage/postgres/postgres-store.ts';
import { POSTGRES_MIGRATIONS } from '../../server/storage/postgres/migrations.ts';
import { migrateSqlite, SqliteStore } from '../../server/storage/sqlite/sqlite-store.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqlite/migrations.ts';
import { openTestStore, STORE_KINDS, type TestStore } from '../support/stores.ts';

const COOP_A = '11111111-1111-4111-8111-111111111111';
const COOP_B = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-29T03:00:00.000Z';

async function appliedVersions(opened: TestStore): Promise<number[]> {
  if (opened.store.kind === 'sqlite') {
    const db = new Database(opened.location, { readonly: true });
    try {
      return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: opened.location });
  await client.connect();
  try {
    return (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  } finally {
    await client.end();
  }
}

describe.each(STORE_KINDS)('storage on %s', (kind) => {
  let opened: TestStore | null = null;
  afterEach(async () => {
    await opened?.destroy();
    opened = null;
  });

  const latest = (kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).map((m) => m.version);

  it('a fresh database gets every migration, and running them again changes nothing', async () => {
    opened = await openTestStore(kind);
    expect(await appliedVersions(opened)).toEqual(latest);
    let again: number[];
    if (kind === 'sqlite') {
      const db = new Database(opened.location);
      again = migrateSqlite(db);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: opened.location });
      await client.connect();
      again = await migratePostgres(client);
      await client.end();
    }
    expect(again).toEqual([]);
    expect(await appliedVersions(opened)).toEqual(latest);
  });

  it('upgrades a version-1 database with data in it, keeping the data', async () => {
    opened = await openTestStore(kind, { targetVersion: 1 });
    expect(await appliedVersions(opened)).toEqual([1]);
    await opened.store.createCooperative({ id: COOP_A, name: 'KSP Maju', village: 'Sukamaju', district: 'Cianjur', createdAt: NOW });
    await opened.store.close();
    const store = kind === 'sqlite' ? new SqliteStore({ file: opened.location }) : await PostgresStore.open({ url: opened.location });
    const original = opened;
    opened = {
      ...original,
      store,
      async destroy() {
        await store.close();
        await original.destroy();
      },
    };
    expect(await appliedVersions(opened)).toEqual(latest);
    const cooperative = await store.getCooperative(COOP_A);
    expect(cooperative?.name).toBe('KSP Maju');
    expect(cooperative?.lastSeq).toBe(0);
  });

  it('stores and reads back cooperatives, devices and the device counter atomically', async () => {
    opened = await openTestStore(kind);
    const { store } = opened;
    await store.createCooperative({ id: COOP_A, name: 'KSP Maju', village: 'Sukamaju', district: 'Cianjur', createdAt: NOW });
    await store.createEnrollmentCode({ codeHash: 'h1', cooperativeId: COOP_A, createdAt: NOW, expiresAt: '2026-12-06T03:00:00.000Z' });
    const deviceId = '33333333-3333-4333-8333-333333333333';
    const enrolled = await store.enrollDevice('h1', NOW, { id: deviceId, name: 'HP Bu Siti', publicKey: '{}', enrolledAt: NOW });
    expect(enrolled.status).toBe('enrolled');
    expect((await store.enrollDevice('h1', NOW, { id: 'x', name: 'x', publicKey: '{}', enrolledAt: NOW })).status).toBe('used-code');
    expect(await store.advanceDeviceCounter(deviceId, 5, NOW)).toBe(true);
    expect(await store.advanceDeviceCounter(deviceId, 5, NOW)).toBe(false);
    expect(await store.advanceDeviceCounter(deviceId, 4, NOW)).toBe(false);
    // Concurrent requests with the same counter: exactly one wins.
    const raced = await Promise.all([6, 6, 6, 6].map((c) => store.advanceDeviceCounter(deviceId, c, NOW)));
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect((await store.getDevice(deviceId))?.counter).toBe(6);
  });
});

describe('PostgreSQL row-level security', () => {
  let opened: TestStore | null = null;
  afterEach(async () => {
    await opened?.destroy();
    opened = null;
  });

  it('every table with a cooperative_id column (and cooperatives itself) has forced RLS and a policy', async () => {
    opened = await openTestStore('postgres');
    const client = new pg.Client({ connectionString: opened.location });
    await client.connect();
    try {
      const tables = await client.query<{ relname: string; rls: boolean; forced: boolean; policies: string }>(
        `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::text AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND (c.relname = 'cooperatives' OR EXISTS (
             SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'cooperative_id' AND NOT a.attisdropped))
         ORDER BY c.relname`,
      );
      expect(tables.rows.map((r) => r.relname)).toEqual(['cooperatives', 'devices', 'enrollment_codes', 'entries']);
      for (const row of tables.rows) expect(row, row.relname).toMatchObject({ rls: true, forced: true, policies: '1' });
    } finally {
      await client.end();
    }
  });

  it("a transaction scoped to cooperative A cannot see or write B's rows", async () => {
    opened = await openTestStore('postgres');
    const { store } = opened;
    for (const id of [COOP_A, COOP_B]) {
      await store.createCooperative({ id, name: `Koperasi ${id.slice(0, 4)}`, village: 'Desa', district: 'Kab', createdAt: NOW });
      await store.createEnrollmentCode({ codeHash: `code-${id}`, cooperativeId: id, createdAt: NOW, expiresAt: '2026-12-06T03:00:00.000Z' });
    }
    expect(await store.listCooperatives()).toHaveLength(2);

    const client = new pg.Client({ connectionString: opened.location });
    await client.connect();
    try {
      const role = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
      );
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });

      await client.query('BEGIN');
      await client.query("SELECT set_config('lumbung.cooperative_id', $1, true)", [COOP_A]);
      const seen = await client.query<{ id: string }>('SELECT id FROM cooperatives');
      expect(seen.rows.map((r) => r.id)).toEqual([COOP_A]);
      const codes = await client.query<{ cooperative_id: string }>('SELECT cooperative_id FROM enrollment_codes');
      expect(codes.rows.map((r) => r.cooperative_id)).toEqual([COOP_A]);
      const update = await client.query('UPDATE cooperatives SET name = $1 WHERE id = $2', ['dibajak', COOP_B]);
      expect(update.rowCount).toBe(0);
      await expect(
        client.query("INSERT INTO enrollment_codes (code_hash, cooperative_id, created_at, expires_at) VALUES ('x', $1, 'a', 'b')", [COOP_B]),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');

      // No scope at all sees nothing.
      const unscoped = await client.query('SELECT id FROM cooperatives');
      expect(unscoped.rowCount).toBe(0);
    } finally {
      await client.end();
    }
    expect((await store.getCooperative(COOP_B))?.name).toBe(`Koperasi ${COOP_B.slice(0, 4)}`);
  });
});
