/**
 * What can go wrong when the phone writes to its local store, as typed results the screens can show
 * in Indonesian (the sentences live in src/i18n, keyed by these codes).
 *
 * IndexedDB reports trouble in awkward shapes: a full disk surfaces as an `AbortError` whose `inner`
 * is a `QuotaExceededError` (Chrome aborts the whole transaction and the failing request never
 * settles), a corrupt backing store as `UnknownError`/`OpenFailedError`, an upgrade from another tab
 * as `VersionChangeError`/`DatabaseClosedError`. We walk the `inner`/`cause` chain and map names, so a
 * caller never has to know Dexie's exception classes.
 */

export const STORAGE_ERROR_CODES = [
  /** The browser refused to store more (quota): nothing was written. */
  'storage-full',
  /** The database cannot be opened or used (corrupt store, private mode, missing IndexedDB). */
  'storage-unavailable',
  /** Another tab opened a newer version of the app: this one must reload. Nothing was written. */
  'version-changed',
  /** Another tab kept saving while we tried: we gave up after several fresh attempts. */
  'chain-moved',
  /** The phone has no identity or key yet (neither local-only mode nor enrolled). */
  'not-initialised',
  /** The draft is not a valid entry (a programming error or bad input that slipped past the form). */
  'entry-invalid',
  /** The entry a reversal points at is not on this phone. */
  'reversal-target-unknown',
  /** A reversal cannot itself be reversed (the server would reject it). */
  'reversal-of-reversal',
  /** The entry was already reversed, here or on another device (the server would reject a second). */
  'already-reversed',
  /** Enrollment was already completed on this phone. */
  'already-enrolled',
  /** Local entries can no longer be re-issued: something was synced or came from elsewhere. */
  'already-synced',
  /** The local books are the demo cooperative (fixed ids): enrolling would push them into a real one. */
  'demo-books',
  /** Anything else; the transaction rolled back. */
  'write-failed',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

export type StorageFailure = { ok: false; error: StorageErrorCode; details?: unknown };
export type StorageResult<T> = { ok: true; value: T } | StorageFailure;

export const failure = (error: StorageErrorCode, details?: unknown): StorageFailure =>
  details === undefined ? { ok: false, error } : { ok: false, error, details };

/** Thrown inside a transaction to abort it with a known code; turned back into a result outside. */
export class StorageAbort extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'StorageAbort';
  }
}

const FULL = new Set(['QuotaExceededError']);
const UNAVAILABLE = new Set([
  'OpenFailedError',
  'UnknownError',
  'MissingAPIError',
  'InvalidStateError',
  'NotFoundError',
  'DataCloneError',
]);
const VERSION = new Set(['VersionChangeError', 'DatabaseClosedError', 'UpgradeError']);

function* errorChain(error: unknown): Generator {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    if (typeof current !== 'object') return;
    const next: unknown =
      ('inner' in current ? current.inner : undefined) ?? ('cause' in current ? current.cause : undefined);
    current = next;
  }
}

const nameOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : '';

/** Maps any thrown value from Dexie/IndexedDB to a storage error code. */
export function classifyStorageError(error: unknown): StorageFailure {
  const chain = [...errorChain(error)];
  for (const e of chain) if (e instanceof StorageAbort) return failure(e.code, e.details);
  const names = chain.map(nameOf);
  if (names.some((n) => FULL.has(n))) return failure('storage-full');
  if (names.some((n) => VERSION.has(n))) return failure('version-changed');
  if (names.some((n) => UNAVAILABLE.has(n))) return failure('storage-unavailable');
  const message = chain.map((e) => (e instanceof Error ? e.message : String(e))).join(' <- ');
  return failure('write-failed', message);
}
