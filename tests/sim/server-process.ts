/**
 * The district server as the simulation runs it: a child process (this file, bundled by
 * server-bundle.ts and started with plain `node`) so it can be SIGKILLed at any moment — or kill itself at a named
 * fault point (server/fault-point.ts) — and restarted on the same SQLite file, exactly as the
 * office's machine would lose power and come back. It is `server/main.ts` without the parts a test
 * does not need (vite build, LAN banner), with generous rate limits: a simulation sends hundreds
 * of requests a second from one address.
 *
 * Environment: LUMBUNG_SIM_DB (the SQLite file), LUMBUNG_SIM_ADMIN_USER / _PASSWORD, and
 * optionally LUMBUNG_SIM_CRASH_AT. Prints one line `{"port":N}` once it listens on 127.0.0.1.
 */
import { buildApp } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../server/auth/bootstrap-admin.ts';
import { SqliteStore } from '../../server/storage/sqlite/sqlite-store.ts';

const GENEROUS = { ipBurst: 1_000_000, ipPerSecond: 1_000_000, deviceBurst: 1_000_000, devicePerSecond: 1_000_000 };

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

const store = new SqliteStore({ file: required('LUMBUNG_SIM_DB') });
await ensureFirstAdmin(store, { username: required('LUMBUNG_SIM_ADMIN_USER'), password: required('LUMBUNG_SIM_ADMIN_PASSWORD') }, new Date());
// An explicit version: bundled (district.ts), the module no longer sits where it finds package.json.
const app = buildApp({ store, staticDir: null, logger: false, rateLimits: GENEROUS, closeStoreOnClose: true, version: 'sim' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('server did not listen on a port');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
