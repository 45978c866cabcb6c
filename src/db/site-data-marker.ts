/**
 * A small note of what this phone's books held, kept OUTSIDE IndexedDB (in localStorage), so the app
 * can tell "this phone lost its books" from "this is a new phone" (issue 6, cleared site data).
 *
 * Browsers delete IndexedDB on their own (eviction under storage pressure on a non-persistent site)
 * or on the user's "clear site data"; the two stores are separate, so often only one goes. When
 * IndexedDB is empty but this note says the phone had a cooperative and entries, the welcome screen
 * says so instead of looking like a fresh install, and the note travels into the restore notice
 * after the phone is enrolled again. When BOTH are gone the phone cannot know; then the enrollment
 * itself says what came back from the server and what cannot (see restore notice below).
 *
 * No zod here: the welcome screen reads this on the first load (docs/performance.md), so the JSON is
 * checked by hand. Nothing secret is stored: ids, a name and counts.
 */

/** The part of the Web Storage API we use; localStorage in the browser, a Map in tests. */
export type KeyValueStore = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/** What the phone's store holds, summarised (src/db/site-data-summary.ts reads it). */
export type StoreSummary = {
  readonly mode: 'local' | 'enrolled';
  readonly cooperativeId: string;
  readonly deviceId: string;
  /** The enrolled cooperative's name; null in trial mode. */
  readonly cooperativeName: string | null;
  /** Entries in the books: this phone's own and those pulled from the server. */
  readonly entries: number;
  /** This device's own chain head: how many entries it has recorded (seq). */
  readonly ownSeq: number;
  /** Own entries the server has not acknowledged yet (the outbox). */
  readonly pending: number;
};

export type SiteDataMarker = StoreSummary & {
  /** When the note was last written (device clock, ISO). */
  readonly at: string;
};

/**
 * Shown after the phone was enrolled (again): what came back from the server, and — when the phone
 * had lost its books and knew it — what was lost with them. Kept until the treasurer dismisses it.
 */
export type RestoreNotice = {
  /** The device id of the new enrollment: the notice belongs to this identity. */
  readonly deviceId: string;
  readonly since: string;
  /** The note of the books this phone lost, or null when nothing was known (everything cleared). */
  readonly lost: SiteDataMarker | null;
};

export const MARKER_KEY = 'lumbung.siteData';
export const RESTORE_NOTICE_KEY = 'lumbung.restoreNotice';

/** The browser's localStorage, or undefined where there is none (blocked, Node). */
export function browserStore(): KeyValueStore | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage;
  } catch {
    // Reading `localStorage` itself throws when site storage is blocked.
    return undefined;
  }
}

export function readMarker(store: KeyValueStore | undefined): SiteDataMarker | undefined {
  return markerFrom(readJson(store, MARKER_KEY));
}

export function writeMarker(store: KeyValueStore | undefined, summary: StoreSummary, at: Date): void {
  const marker: SiteDataMarker = { ...summary, at: at.toISOString() };
  writeJson(store, MARKER_KEY, marker);
}

/** Whether a note describes books worth missing: an enrolled phone, or a trial with entries. */
export const markerHadBooks = (marker: SiteDataMarker): boolean => marker.mode === 'enrolled' || marker.entries > 0;

/**
 * The books this phone had, when IndexedDB no longer has them: the note, if it describes books
 * worth missing. Call only when the store has no identity (the welcome screen).
 */
export function lostBooks(store: KeyValueStore | undefined): SiteDataMarker | undefined {
  const marker = readMarker(store);
  return marker !== undefined && markerHadBooks(marker) ? marker : undefined;
}

export function readRestoreNotice(store: KeyValueStore | undefined): RestoreNotice | undefined {
  const value = readJson(store, RESTORE_NOTICE_KEY);
  if (!isRecord(value) || typeof value.deviceId !== 'string' || typeof value.since !== 'string') return undefined;
  const lost = value.lost === null ? null : markerFrom(value.lost);
  if (lost === undefined) return undefined;
  return { deviceId: value.deviceId, since: value.since, lost };
}

/** The note describes books of another device that the store (now `entries` strong) does not hold. */
export const isLossOf = (marker: SiteDataMarker, books: { readonly deviceId: string; readonly entries: number }): boolean =>
  markerHadBooks(marker) && marker.deviceId !== books.deviceId && marker.entries > books.entries;

/**
 * The phone has just been enrolled as `deviceId` with `entriesNow` entries in its books (re-issued
 * trial entries): from `since` on (when the enrollment was asked for, before any sync run of the
 * enrolled phone could start) it says what came back from the server. If it had lost its books and
 * the note still says so (or an earlier notice does), it goes with it. Idempotent: a notice for
 * this device stays.
 */
export function noteEnrollment(
  store: KeyValueStore | undefined,
  enrolled: { readonly deviceId: string; readonly entriesNow: number },
  since: Date,
): RestoreNotice {
  const existing = readRestoreNotice(store);
  if (existing?.deviceId === enrolled.deviceId) return existing;
  const marker = readMarker(store);
  // A loss noticed before (say the treasurer tried the app in trial mode first) is still unresolved.
  const lost =
    existing?.lost ??
    (marker !== undefined && isLossOf(marker, { deviceId: enrolled.deviceId, entries: enrolled.entriesNow }) ? marker : null);
  return writeRestoreNotice(store, { deviceId: enrolled.deviceId, since: since.toISOString(), lost });
}

/** The books of `deviceId` replaced the lost ones of `lost`: the restore notice keeps saying so. */
export function keepLossInNotice(store: KeyValueStore | undefined, deviceId: string, lost: SiteDataMarker, now: Date): void {
  const existing = readRestoreNotice(store);
  if (existing?.deviceId === deviceId && existing.lost !== null) return;
  writeRestoreNotice(store, { deviceId, since: existing?.deviceId === deviceId ? existing.since : now.toISOString(), lost });
}

export function writeRestoreNotice(store: KeyValueStore | undefined, notice: RestoreNotice): RestoreNotice {
  writeJson(store, RESTORE_NOTICE_KEY, notice);
  return notice;
}

export function dismissRestoreNotice(store: KeyValueStore | undefined): void {
  try {
    store?.removeItem(RESTORE_NOTICE_KEY);
  } catch {
    // Storage blocked: the notice simply stays.
  }
}

function markerFrom(value: unknown): SiteDataMarker | undefined {
  if (!isRecord(value)) return undefined;
  const { mode, cooperativeId, deviceId, cooperativeName, entries, ownSeq, pending, at } = value;
  if (mode !== 'local' && mode !== 'enrolled') return undefined;
  if (typeof cooperativeId !== 'string' || typeof deviceId !== 'string' || typeof at !== 'string') return undefined;
  if (cooperativeName !== null && typeof cooperativeName !== 'string') return undefined;
  if (!isCount(entries) || !isCount(ownSeq) || !isCount(pending)) return undefined;
  return { mode, cooperativeId, deviceId, cooperativeName, entries, ownSeq, pending, at };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(store: KeyValueStore | undefined, key: string): unknown {
  try {
    const raw = store?.getItem(key);
    return raw === null || raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    // Blocked storage or a hand-edited value: read as "no note".
    return undefined;
  }
}

function writeJson(store: KeyValueStore | undefined, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the note is advisory; the books themselves are in IndexedDB.
  }
}
