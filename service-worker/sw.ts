// Lumbung's service worker. It does three things and no more:
//  1. precaches the app shell (the manifest is injected at build time by vite-plugin-pwa), so the
//     app starts with no network at all;
//  2. answers every in-app navigation (deep links like /anggota) with the precached index.html,
//     so the router can take over offline; /api/ is always left to the network;
//  3. wakes the sync engine on the Background Sync `sync` event.
// It never calls skipWaiting() on its own: a new version waits until the treasurer taps
// "Muat ulang" (src/app/update), because swapping code under an open form could lose a half-typed
// entry and mixes two versions of the app in one session.

import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SYNC_TAG, type PageToWorkerMessage } from './sync-tag.ts';

declare const self: ServiceWorkerGlobalScope;

/** The Background Sync event is not in TypeScript's WebWorker lib yet. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
  }
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//],
  }),
);

function isPageMessage(data: unknown): data is PageToWorkerMessage {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING';
}

self.addEventListener('message', (event) => {
  if (isPageMessage(event.data)) void self.skipWaiting();
});

// On the very first install there is no older worker to replace, so taking control of the open
// page at once is safe and lets it work offline without a reload. On updates `activate` only runs
// after the treasurer agreed, and then the page reloads on `controlling` anyway.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// The sync engine (Dexie, zod, the signatures: most of this script) is evaluated on the first sync
// event, not when the worker starts. A phone stops an idle worker, so opening the app in the
// morning starts it again, and the navigation waits for this script to run: eagerly, the engine's
// modules were 26 of its 34 ms (docs/performance.md §1, session 8). The build inlines this import
// into sw.js as a lazily run function (vite.config.ts: an IIFE, no chunk to fetch).
self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(import('./background-sync.ts').then(({ runBackgroundSync }) => runBackgroundSync()));
});
