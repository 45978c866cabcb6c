/**
 * The district server (the real Fastify app on a throwaway SQLite file) serving one build on
 * 127.0.0.1 and a free port: the same static-file rules, gzip and headers a phone gets from
 * `npm start`, for the app and the blank page alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';
import { SqliteStore } from '../../server/storage/sqlite/sqlite-store.ts';

export type Served = { readonly url: string; close(): Promise<void> };

export async function serveBuild(staticDir: string): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-bench-'));
  const store = new SqliteStore({ file: path.join(dir, 'lumbung.sqlite') });
  const app = buildApp({ store, staticDir, closeStoreOnClose: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
