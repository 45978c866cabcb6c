// The service worker's side of Background Sync. The browser fires `sync` when connectivity
// returns, even if the treasurer closed the app. The ledger's outbox lives in IndexedDB and is
// owned by the sync engine (src/sync), never by a Workbox queue (DESIGN.md, "Why not
// BackgroundSyncPlugin").
//
// Until the engine runs inside the worker, the worker asks every open page to run it: the page's
// engine does the same push-then-pull it does on `online`. If no page is open, there is nothing to
// wake and the next app start syncs anyway; the sync engineer replaces this body with a direct
// call into src/sync.
import { SYNC_TAG, type WorkerToPageMessage } from './sync-tag.ts';

declare const self: ServiceWorkerGlobalScope;

/** Runs on the `sync` event; the returned promise keeps the worker alive until it settles. */
export async function runBackgroundSync(): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const message: WorkerToPageMessage = { type: 'SYNC_REQUESTED', tag: SYNC_TAG };
  for (const page of pages) page.postMessage(message);
}
