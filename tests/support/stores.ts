/**
 * Store factories for tests that must pass on both backends: a temp-file SQLite store, and a fresh
 * database in the run's throwaway PostgreSQL cluster (tests/server/global-setup.ts provides it).
 * Use with `describe.each(STORE_KINDS)`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { MigrateOptions } from '../../server/storage/migration.ts';
import { PostgresStore } from '../../server/storage/postgres/postgres-store.ts';
import { SqliteStore } from '../../server/storage/sqlite/sqlite-store.ts';
import type { Store } from '../../server/storage/store.ts';
import { createDatabase, dropDatabase } from './postgres.ts';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

export interface TestStore {
  store: Store;
  /** SQLite: the file; PostgreSQL: the app role's URL. */
  location: string;
  /** Closes the store and deletes its file or database. */
  destroy(): Promise<void>;
}

export async function openTestStore(kind: StoreKind, options: MigrateOptions = {}): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-sqlite-'));
    const file = path.join(dir, 'lumbung.sqlite');
    const store = new SqliteStore({ file, ...options });
    return {
      store,
      location: file,
      async destroy() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  const url = await createDatabase(adminUrl);
  const store = await PostgresStore.open({ url, maxConnections: 4, ...options });
  return {
    store,
    location: url,
    async destroy() {
      await store.close();
      await dropDatabase(adminUrl, url);
    },
  };
}
