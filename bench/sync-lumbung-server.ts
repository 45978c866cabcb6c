/**
 * The real district server (`buildApp`, SQLite file, production rate limits) in its own process for
 * the sync benchmark: a phone and its server are different machines, so their CPU work must not
 * share one event loop. Driven over IPC by bench/sync-lumbung.ts:
 *   → { op: 'cpu' }  ← this process's CPU time so far (user + system, µs)
 *   → { op: 'stop' } ← closes the app and the store (WAL checkpointed), then exits
 * Started with the SQLite file path and the first admin's credentials as arguments; sends
 * `{ ready: port }` once it listens on 127.0.0.1.
 */
import { buildApp } from '../server/app.ts';
import { ensureFirstAdmin } from '../server/auth/bootstrap-admin.ts';
import { SqliteStore } from '../server/storage/sqlite/sqlite-store.ts';

type Request = { id: number; op: 'cpu' | 'stop' };

async function main(): Promise<void> {
  const [file, username, password] = process.argv.slice(2);
  if (file === undefined || username === undefined || password === undefined) throw new Error('usage: sync-lumbung-server.ts <sqlite-file> <admin> <password>');
  const store = new SqliteStore({ file });
  await ensureFirstAdmin(store, { username, password }, new Date());
  const app = buildApp({ store, staticDir: null, logger: false, closeStoreOnClose: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not listen on a port');
  process.on('message', (request: Request) => {
    void (async () => {
      if (request.op === 'cpu') {
        const usage = process.cpuUsage();
        process.send?.({ id: request.id, value: usage.user + usage.system });
        return;
      }
      await app.close();
      process.send?.({ id: request.id, value: null });
      process.disconnect();
    })();
  });
  process.send?.({ ready: address.port });
  // The bench that started us died (or finished without stopping us): do not linger.
  process.on('disconnect', () => process.exit(0));
}

void main();
