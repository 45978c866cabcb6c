/**
 * The few platform hooks the sync triggers need, behind one small interface: the page passes
 * `browserEnvironment()`, tests pass their own (they move time and fire `online` by hand).
 * Written against `globalThis` rather than `window`/`document` so this module also typechecks and
 * loads in the service worker, where those do not exist.
 */
import { whenWebLockFree } from './web-lock.ts';

export const BACKGROUND_SYNC_TAG = 'lumbung-sync';

export type SyncEnvironment = {
  /** False only when the platform is sure there is no network (`navigator.onLine === false`). */
  isOnline(): boolean;
  isVisible(): boolean;
  onOnline(listener: () => void): () => void;
  onVisible(listener: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Asks the browser to wake the service worker with a `sync` event once a network is there. */
  registerBackgroundSync(): Promise<boolean>;
  /** Resolves when no other context (tab, service worker) holds the lock `name`, or after `maxWaitMs`. */
  whenLockFree(name: string, maxWaitMs: number): Promise<void>;
};

type EventTargetLike = {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
};
type DocumentLike = EventTargetLike & { visibilityState?: string };
type SyncManagerLike = { register(tag: string): Promise<void> };
type ServiceWorkerContainerLike = { getRegistration(): Promise<{ sync?: SyncManagerLike } | undefined> };
type NavigatorLike = { onLine?: boolean; serviceWorker?: ServiceWorkerContainerLike };

const platform = globalThis as unknown as {
  navigator?: NavigatorLike;
  document?: DocumentLike;
  addEventListener?: EventTargetLike['addEventListener'];
  removeEventListener?: EventTargetLike['removeEventListener'];
};

export function browserEnvironment(): SyncEnvironment {
  return {
    // `onLine === true` only means "some interface is up" (a hotspot without internet counts), so
    // we never trust it to skip work; `false` is reliable enough to skip a doomed attempt.
    isOnline: () => platform.navigator?.onLine !== false,
    isVisible: () => (platform.document?.visibilityState ?? 'visible') === 'visible',
    onOnline(listener) {
      platform.addEventListener?.('online', listener);
      return () => platform.removeEventListener?.('online', listener);
    },
    onVisible(listener) {
      const doc = platform.document;
      if (doc === undefined) return () => undefined;
      const handler = (): void => {
        if (doc.visibilityState === 'visible') listener();
      };
      doc.addEventListener('visibilitychange', handler);
      return () => doc.removeEventListener('visibilitychange', handler);
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    whenLockFree: whenWebLockFree,
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    async registerBackgroundSync() {
      const container = platform.navigator?.serviceWorker;
      if (container === undefined) return false;
      try {
        // Not `ready`: it never settles when no worker is registered (dev server, first visit).
        const registration = await container.getRegistration();
        // Chromium only; Firefox and Safari rely on the page's own triggers.
        if (registration?.sync === undefined) return false;
        await registration.sync.register(BACKGROUND_SYNC_TAG);
        return true;
      } catch {
        // Permission denied or the worker is gone: the page triggers still run.
        return false;
      }
    },
  };
}
