/**
 * The app's one sync engine (src/sync `createSyncEngine`), started only on an enrolled phone: a
 * local-only phone has no server to talk to. The engine is created when the phone is (or becomes)
 * enrolled, started at once (it syncs on start, on `online`, on return to the app and on a timer),
 * and told about every saved entry so it pushes soon after (and registers Background Sync, so the
 * service worker pushes if the page is closed first).
 *
 * Screens read it through `useSyncEngine()` / `useSyncStatus()`; the holder is a tiny external store
 * so React re-renders when the engine appears or goes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { LumbungDb } from '../../db/database.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { createSyncEngine, type SyncEngine } from '../../sync/triggers.ts';
import { onEntrySaved } from '../forms/saved-listeners.ts';

export type SyncEngineFactory = (db: LumbungDb) => SyncEngine;

/**
 * No `baseUrl`: the engine then uses the server address stored at enrollment (the enroll form
 * defaults it to this origin), so a phone enrolled against the office's LAN address keeps using it.
 */
const browserFactory: SyncEngineFactory = (db) => createSyncEngine({ db, fetch: (url, init) => fetch(url, init) });

let current: SyncEngine | null = null;
const listeners = new Set<() => void>();

function setCurrent(engine: SyncEngine | null): void {
  current = engine;
  for (const listener of [...listeners]) listener();
}

function subscribeEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSyncEngine(): SyncEngine | null {
  return current;
}

/**
 * Creates and starts the engine for `db` (stopping any previous one) and forwards saved entries to
 * it. Returns the function that stops it again.
 */
export function startSyncEngine(db: LumbungDb, factory: SyncEngineFactory = browserFactory): () => void {
  current?.stop();
  const engine = factory(db);
  setCurrent(engine);
  engine.start();
  const unlisten = onEntrySaved(() => engine.notifySaved());
  return () => {
    unlisten();
    engine.stop();
    if (current === engine) setCurrent(null);
  };
}

export function useSyncEngine(): SyncEngine | null {
  return useSyncExternalStore(subscribeEngine, getSyncEngine);
}

const noSubscription = (): (() => void) => () => undefined;

/** The engine's live status, or null when no engine runs (local-only phone, not yet started). */
export function useSyncStatus(): SyncStatus | null {
  const engine = useSyncEngine();
  const subscribe = useCallback(
    (listener: () => void) => (engine === null ? noSubscription() : engine.status.subscribe(listener)),
    [engine],
  );
  return useSyncExternalStore(subscribe, () => engine?.status.getSnapshot() ?? null);
}
