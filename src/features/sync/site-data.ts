/**
 * The app's watch over its own storage (issue 6, cleared site data): on every start and after every
 * change to the books, the site-data note (src/db/site-data-marker.ts) is compared with IndexedDB
 * and brought up to date. The result is published here for the top bar's badge and the Sinkron page.
 *
 * Run by SyncEngineHost, which is mounted outside the PIN gate as soon as the first screen shows:
 * a locked phone keeps its note current too. The comparison reads only meta rows and the outbox
 * range, after a save has committed, so it adds nothing to the save itself.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { browserStore, dismissRestoreNotice, readRestoreNotice, type RestoreNotice } from '../../db/site-data-marker.ts';
import { checkSiteData, type SiteDataCheck } from '../../db/site-data-summary.ts';
import { getDb } from '../session/database.ts';

let latest: SiteDataCheck | undefined;
let notice: RestoreNotice | undefined;
const listeners = new Set<() => void>();

function publish(check: SiteDataCheck | undefined): void {
  latest = check;
  notice = readRestoreNotice(browserStore());
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the note current; mount once (SyncEngineHost). */
export function useSiteDataWatch(): void {
  // A blocked IndexedDB reads as "no answer": the session gate already says the storage failed.
  const check = useLiveQuery(() => checkSiteData(getDb(), browserStore(), new Date()).catch(() => undefined), []);
  useEffect(() => publish(check), [check]);
}

/** The latest comparison of the books with the note; undefined until the first one finished. */
export function useSiteDataCheck(): SiteDataCheck | undefined {
  return useSyncExternalStore(subscribe, () => latest);
}

/** The restore notice for `deviceId` (the phone as it is now), if one is pending. */
export function useRestoreNotice(deviceId: string | undefined): RestoreNotice | undefined {
  const current = useSyncExternalStore(subscribe, () => notice);
  return deviceId !== undefined && current?.deviceId === deviceId ? current : undefined;
}

/** The treasurer read the notice ("Mengerti"). */
export function dismissNotice(): void {
  dismissRestoreNotice(browserStore());
  publish(latest);
}
