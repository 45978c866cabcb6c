/**
 * A small observable store of the sync engine's state for the UI: plain `subscribe` /
 * `getSnapshot`, so React reads it with `useSyncExternalStore` while src/sync stays free of React.
 * Snapshots are immutable objects replaced on every change, as useSyncExternalStore requires.
 */
import type { SyncError } from './sync-errors.ts';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'revoked' | 'error';

export type SyncProgress =
  | { readonly step: 'push'; readonly pushed: number; readonly total: number }
  | { readonly step: 'pull'; readonly pulled: number };

export type SyncStatus = {
  readonly phase: SyncPhase;
  readonly progress: SyncProgress | null;
  /** ISO instant (device clock) of the last sync that completed push and pull. */
  readonly lastSuccessAt: string | null;
  /** Entries recorded on this phone that the server has not acknowledged yet. */
  readonly pendingCount: number;
  /** `recordedAt` of the oldest of them: "3 catatan belum terkirim sejak 12/03". */
  readonly oldestPendingAt: string | null;
  /** Entries the server refused (shown to the treasurer, never resent). */
  readonly rejectedCount: number;
  readonly lastError: SyncError | null;
  /** The server's own error code or reason behind `lastError`, for the detail line and support. */
  readonly lastErrorDetail: string | null;
  /** When the next automatic attempt is planned (epoch ms), null when none is scheduled. */
  readonly nextAttemptAt: number | null;
};

export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  progress: null,
  lastSuccessAt: null,
  pendingCount: 0,
  oldestPendingAt: null,
  rejectedCount: 0,
  lastError: null,
  lastErrorDetail: null,
  nextAttemptAt: null,
};

export type SyncStatusStore = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatus;
  update(patch: Partial<SyncStatus>): void;
};

export function createSyncStatusStore(initial: SyncStatus = INITIAL_SYNC_STATUS): SyncStatusStore {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    update(patch) {
      const next = { ...snapshot, ...patch };
      const changed = (Object.keys(next) as (keyof SyncStatus)[]).some((k) => next[k] !== snapshot[k]);
      if (!changed) return;
      snapshot = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
