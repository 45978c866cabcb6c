/**
 * The PouchDB peer's server for the sync benchmark: express-pouchdb (the CouchDB HTTP API that
 * PouchDB Server is built on) over PouchDB's LevelDB adapter in a data directory, in its own process.
 * Driven over IPC like bench/sync-lumbung-server.ts: `{ op: 'cpu' }` → CPU µs, `{ op: 'stop' }`.
 * Started with the data directory as argument; sends `{ ready: port }` once it listens on 127.0.0.1.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { loadPouchDB } from './sync-pouchdb-types.ts';

type ExpressPouchDB = (pouch: unknown, options: Record<string, unknown>) => { listen(port: number, host: string, ready: () => void): Server };
type Request = { id: number; op: 'cpu' | 'stop' };

function main(): void {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: sync-pouchdb-server.ts <data-dir>');
  const { PouchDB, require } = loadPouchDB();
  const ServerPouch = PouchDB.defaults({ prefix: `${dir}${path.sep}` });
  const expressPouchDB = require('express-pouchdb') as ExpressPouchDB;
  // The mode PouchDB replication needs (no Fauxton, no _users); config kept in memory, log in the dir.
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: path.join(dir, 'log.txt') });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('server did not listen on a port');
    process.send?.({ ready: address.port });
  });
  server.keepAliveTimeout = 60_000;
  // The bench that started us died (or finished without stopping us): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: Request) => {
    if (request.op === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ id: request.id, value: usage.user + usage.system });
      return;
    }
    server.closeAllConnections();
    server.close(() => {
      process.send?.({ id: request.id, value: null });
      process.disconnect();
      process.exit(0);
    });
  });
}

main();
