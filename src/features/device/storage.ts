import { useCallback, useEffect, useState } from 'react';

// Persistent storage: without it, Chrome may evict the whole origin (the ledger included) under
// storage pressure. `persist()` is granted without a prompt to installed / engaged sites, so we
// ask at a meaningful moment — after the first saved entry or enrollment, or from the button in
// Pengaturan — not on first paint, when the answer would almost always be "no" (reliability.md §3).
// This lives under src/features (not src/app) so that feature screens can call it: lint forbids
// features → app imports.

export type StorageState =
  | { readonly kind: 'unsupported' }
  | {
      readonly kind: 'known';
      readonly persisted: boolean;
      /** Bytes used by this origin, when the browser tells. */
      readonly usage: number | undefined;
      /** Bytes this origin may use, when the browser tells. */
      readonly quota: number | undefined;
    };

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

const storageManager = (): StorageManagerLike | undefined =>
  typeof navigator !== 'undefined' && 'storage' in navigator && typeof navigator.storage.persisted === 'function'
    ? navigator.storage
    : undefined;

const listeners = new Set<() => void>();

export async function readStorageState(storage = storageManager()): Promise<StorageState> {
  if (storage === undefined) return { kind: 'unsupported' };
  const [persisted, estimate] = await Promise.all([
    storage.persisted(),
    storage.estimate().catch((): StorageEstimate => ({})),
  ]);
  return { kind: 'known', persisted, usage: estimate.usage, quota: estimate.quota };
}

/**
 * Asks the browser to keep this origin's data. Safe to call often: an already persisted origin
 * answers at once. Every mounted `useStorageState()` refreshes afterwards.
 */
export async function requestPersistence(storage = storageManager()): Promise<PersistenceResult> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  const granted = (await storage.persisted()) || (await storage.persist());
  for (const listener of listeners) listener();
  return granted ? 'granted' : 'denied';
}

/** React hook: the storage state, `undefined` while it loads; refreshes after requestPersistence(). */
export function useStorageState(): { readonly state: StorageState | undefined; readonly refresh: () => void } {
  const [state, setState] = useState<StorageState | undefined>(undefined);
  const refresh = useCallback(() => {
    readStorageState().then(setState, () => setState({ kind: 'unsupported' }));
  }, []);
  useEffect(() => {
    refresh();
    listeners.add(refresh);
    return () => {
      listeners.delete(refresh);
    };
  }, [refresh]);
  return { state, refresh };
}
