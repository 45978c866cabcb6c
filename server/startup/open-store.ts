/**
 * Opens the configured store and turns every way that can fail into one sentence for the operator.
 */
import type { StoreConfig } from '../config.ts';
import { PostgresStore } from '../storage/postgres/postgres-store.ts';
import { SqliteStore, sqliteFileIn } from '../storage/sqlite/sqlite-store.ts';
import type { Store } from '../storage/store.ts';

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

function describePostgresFailure(error: unknown): string {
  const code = codeOf(error);
  const hint = 'periksa DATABASE_URL (postgres://pengguna:sandi@host:5432/basisdata).';
  switch (code) {
    case 'ECONNREFUSED':
      return `PostgreSQL di DATABASE_URL tidak menjawab (koneksi ditolak): nyalakan PostgreSQL atau ${hint}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Nama host di DATABASE_URL tidak dikenal: ${hint}`;
    case 'ETIMEDOUT':
      return `PostgreSQL di DATABASE_URL tidak menjawab dalam waktu: ${hint}`;
    case '28P01':
    case '28000':
      return `PostgreSQL menolak pengguna atau kata sandi: ${hint}`;
    case '3D000':
      return `Basis data di DATABASE_URL belum ada: buat dulu (createdb) atau ${hint}`;
    case '42501':
      return 'Pengguna PostgreSQL tidak berhak membuat tabel: beri hak CREATE pada basis data itu atau pakai pemiliknya.';
    default: {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      return `Tidak bisa membuka PostgreSQL (${code || message}): ${hint}`;
    }
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.kind === 'sqlite') {
    const file = sqliteFileIn(config.dataDir);
    try {
      return new SqliteStore({ file });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      throw new StoreOpenError(`Tidak bisa membuka berkas data ${file} (${message}): periksa berkasnya atau pilih folder lain dengan LUMBUNG_DATA_DIR.`);
    }
  }
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new StoreOpenError('DATABASE_URL bukan alamat yang sah: tulis seperti postgres://pengguna:sandi@host:5432/basisdata.');
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new StoreOpenError('DATABASE_URL tidak menyebut host: tulis seperti postgres://pengguna:sandi@host:5432/basisdata.');
  }
  try {
    return await PostgresStore.open({ url: config.url });
  } catch (error) {
    throw new StoreOpenError(describePostgresFailure(error));
  }
}
