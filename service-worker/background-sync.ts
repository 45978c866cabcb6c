// The service worker's side of Background Sync. The browser fires `sync` when connectivity
// returns, even if the treasurer closed the app. The worker then runs the very same sync engine as
// the page (src/sync `syncOnce`: push the outbox, pull, store the receipt) with its own database
// handle. The ledger's outbox lives in IndexedDB and is owned by that engine, never by a Workbox
// queue (DESIGN.md, "Why not BackgroundSyncPlugin"); this event is only a wake-up.
//
// A page and the worker may sync at the same moment: the Web Lock in syncOnce lets one run and the
// other return `busy`, and the server's idempotency makes even a double push harmless.

// Must stay the first import: it configures zod before the sync engine's modules evaluate (this
// module is sw.ts's lazy import, so the engine's modules are evaluated from here).
import './zod-without-eval.ts';
import { openLumbungDb, type LumbungDb } from '../src/db/database.ts';
import { syncOnce, type SyncResult } from '../src/sync/sync-once.ts';

let db: LumbungDb | null = null;

function database(): LumbungDb {
  // A newer app version upgrading the schema closes our handle; open a fresh one next time.
  db ??= openLumbungDb(undefined, {
    onVersionChange: () => {
      db = null;
    },
  });
  return db;
}

/** Whether the browser should fire the `sync` event again later (it backs off: ~5 min, ~15 min). */
export function shouldRetry(result: SyncResult): boolean {
  switch (result.status) {
    case 'ok':
    case 'busy': // a page is syncing right now: its own triggers carry on
    case 'revoked': // final; nothing will change by retrying
      return false;
    case 'failed':
      // Not enrolled or refused: retrying cannot help. Network, server, captive portal: it can.
      return result.error === 'network' || result.error === 'server' || result.error === 'unexpected-response' || result.error === 'storage';
  }
}

/** Runs on the `sync` event; the returned promise keeps the worker alive until it settles. */
export async function runBackgroundSync(): Promise<void> {
  // The server URL saved at enrollment is used ('' = the origin this worker was served from).
  const result = await syncOnce(database(), { fetch: (input, init) => fetch(input, init) });
  // Rejecting tells the browser this sync did not complete, so it schedules another attempt.
  if (shouldRetry(result)) throw new Error(`lumbung sync incomplete: ${result.status === 'failed' ? result.error : result.status}`);
}
