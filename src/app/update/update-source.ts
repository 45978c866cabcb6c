import type { Workbox } from 'workbox-window';

/** What the page learns from its service worker about new versions. */
export type UpdateEvent =
  /** A new version is installed and waits for the treasurer's consent. */
  | { readonly type: 'waiting' }
  /** A worker took control of this page; `isUpdate` is false on the very first install. */
  | { readonly type: 'controlling'; readonly isUpdate: boolean };

/**
 * The update flow's view of a service worker registration. The app passes workbox-window's
 * `Workbox` through `workboxUpdateSource`; tests may pass any object with this shape to the real
 * banner component.
 */
export type UpdateSource = {
  readonly subscribe: (listener: (event: UpdateEvent) => void) => () => void;
  /** Whether a new version was already waiting before anyone subscribed. */
  readonly hasWaitingVersion: () => boolean;
  /** Tells the waiting worker to take over (posts `{type: 'SKIP_WAITING'}`). */
  readonly skipWaiting: () => void;
};

export function workboxUpdateSource(workbox: Workbox): UpdateSource {
  const listeners = new Set<(event: UpdateEvent) => void>();
  let waiting = false;
  const emit = (event: UpdateEvent) => {
    for (const listener of listeners) listener(event);
  };
  // 'waiting' also fires at registration when a version was left waiting in an earlier session
  // (`wasWaitingBeforeRegister`), so reopening the app offers the update again.
  workbox.addEventListener('waiting', () => {
    waiting = true;
    emit({ type: 'waiting' });
  });
  workbox.addEventListener('controlling', (event) => {
    waiting = false;
    emit({ type: 'controlling', isUpdate: event.isUpdate === true });
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    hasWaitingVersion: () => waiting,
    skipWaiting: () => workbox.messageSkipWaiting(),
  };
}

/**
 * An update source for a registration that starts later (register-service-worker.ts loads
 * workbox-window only after the first screen): listeners subscribe now and hear the real source's
 * events once it exists. Until then no version can be waiting. A registration that fails leaves a
 * source that never tells anything: the app keeps working online, as before.
 */
export function laterUpdateSource(ready: Promise<UpdateSource>): UpdateSource {
  const listeners = new Set<(event: UpdateEvent) => void>();
  const emit = (event: UpdateEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  let source: UpdateSource | undefined;
  ready.then(
    (real) => {
      source = real;
      real.subscribe(emit);
      // A version found waiting before this subscription is offered all the same.
      if (real.hasWaitingVersion()) emit({ type: 'waiting' });
    },
    () => undefined,
  );
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    hasWaitingVersion: () => source?.hasWaitingVersion() ?? false,
    skipWaiting: () => source?.skipWaiting(),
  };
}
