/**
 * Keeps the site-data note (site-data-marker.ts) in step with the books, and reads from the two
 * which of the storage faults of issue 6 this phone is in:
 *
 * - `fresh`: no books here and no note of any: a new phone (or everything was cleared).
 * - `lost`: no books here, but the note says this phone had a cooperative (IndexedDB was wiped,
 *   localStorage survived). The note is left as it is, for the welcome screen and the restore notice.
 * - `ok`: books here; the note now describes them. If the books belong to another device than the
 *   note and hold fewer entries (the phone was set up again after losing its books), the old note
 *   first goes into the restore notice, so what was lost is still said after re-enrollment.
 * - `behind`: books here for the SAME device, but its own chain is shorter than the note says (an
 *   older copy came back, or part of the store went): entries this device recorded are missing,
 *   and new ones would reuse their seq. The note keeps the higher figures until it is resolved.
 */
import Dexie from 'dexie';
import type { LumbungDb } from './database.ts';
import { readChainHead, readMeta, readProjectionMark } from './meta.ts';
import { pendingRange } from './outbox.ts';
import {
  isLossOf,
  keepLossInNotice,
  markerHadBooks,
  readMarker,
  writeMarker,
  type KeyValueStore,
  type SiteDataMarker,
  type StoreSummary,
} from './site-data-marker.ts';

export type SiteDataCheck =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'lost'; readonly lost: SiteDataMarker }
  | { readonly kind: 'ok'; readonly summary: StoreSummary }
  | { readonly kind: 'behind'; readonly summary: StoreSummary; readonly marker: SiteDataMarker };

/** The books in one read: identity, own chain head, entries folded, outbox size. */
export async function summariseStore(db: LumbungDb): Promise<StoreSummary | undefined> {
  return db.transaction('r', db.meta, db.entries, async () => {
    const identity = await readMeta(db, 'identity');
    if (identity === undefined) return undefined;
    const [head, mark, pending] = await Promise.all([
      readChainHead(db),
      readProjectionMark(db),
      pendingRange(db).count(),
    ]);
    return {
      mode: identity.mode,
      cooperativeId: identity.cooperativeId,
      deviceId: identity.deviceId,
      cooperativeName: identity.mode === 'enrolled' ? identity.cooperative.name : null,
      entries: mark.order,
      ownSeq: head.seq,
      pending,
    };
  });
}

/** How many entries of `deviceId` the books hold (e.g. a lost phone's entries pulled back). */
export function countDeviceEntries(db: LumbungDb, deviceId: string): Promise<number> {
  return db.entries.where('[deviceId+seq]').between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey]).count();
}

/** Compares the books with the note, updates the note (and the restore notice), says which case. */
export async function checkSiteData(db: LumbungDb, store: KeyValueStore | undefined, now: Date): Promise<SiteDataCheck> {
  const summary = await summariseStore(db);
  const marker = readMarker(store);
  if (summary === undefined) {
    return marker !== undefined && markerHadBooks(marker) ? { kind: 'lost', lost: marker } : { kind: 'fresh' };
  }
  if (marker !== undefined && marker.deviceId === summary.deviceId && summary.ownSeq < marker.ownSeq) {
    return { kind: 'behind', summary, marker };
  }
  if (marker !== undefined && isLossOf(marker, summary)) keepLossInNotice(store, summary.deviceId, marker, now);
  writeMarker(store, summary, now);
  return { kind: 'ok', summary };
}
