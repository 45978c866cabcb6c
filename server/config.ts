/**
 * Server configuration from the environment (CONTRACT §7): PORT, HOST, LUMBUNG_DATA_DIR,
 * DATABASE_URL, and the first admin's LUMBUNG_ADMIN_USER / LUMBUNG_ADMIN_PASSWORD.
 * A bad value is reported as one sentence telling the operator what to fix.
 */
import path from 'node:path';

export type StoreConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; dataDir: string };

export interface ServerConfig {
  port: number;
  host: string;
  store: StoreConfig;
  admin: { username: string; password: string } | null;
  trustProxy: boolean;
  skipBuild: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const portText = env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${portText}" tidak sah: isi angka 1–65535 (PORT must be a number 1–65535).`);
  }
  const dataDir = path.resolve(cwd, env.LUMBUNG_DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL?.trim() ?? '';
  let store: StoreConfig = { kind: 'sqlite', dataDir };
  if (databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError(
        'DATABASE_URL harus diawali postgres:// atau dikosongkan untuk memakai SQLite (DATABASE_URL must be a postgres:// URL or unset).',
      );
    }
    store = { kind: 'postgres', url: databaseUrl, dataDir };
  }
  const user = env.LUMBUNG_ADMIN_USER?.trim() ?? '';
  const password = env.LUMBUNG_ADMIN_PASSWORD ?? '';
  if ((user === '') !== (password === '')) {
    throw new ConfigError(
      'Isi LUMBUNG_ADMIN_USER dan LUMBUNG_ADMIN_PASSWORD bersamaan, atau kosongkan keduanya (set both or neither).',
    );
  }
  if (password !== '' && password.length < 10) {
    throw new ConfigError('LUMBUNG_ADMIN_PASSWORD minimal 10 karakter (the admin password needs at least 10 characters).');
  }
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    store,
    admin: user === '' ? null : { username: user, password },
    trustProxy: env.LUMBUNG_TRUST_PROXY === '1',
    skipBuild: env.LUMBUNG_SKIP_BUILD === '1',
  };
}
