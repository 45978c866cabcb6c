import { useEffect, useState } from 'react';

/** What the about page says about offline readiness. */
export type ServiceWorkerState = 'unsupported' | 'none' | 'installing' | 'waiting' | 'active';

export async function readServiceWorkerState(
  container: ServiceWorkerContainer | undefined = typeof navigator !== 'undefined' && 'serviceWorker' in navigator
    ? navigator.serviceWorker
    : undefined,
): Promise<ServiceWorkerState> {
  if (container === undefined) return 'unsupported';
  const registration = await container.getRegistration();
  if (registration === undefined) return 'none';
  // A waiting worker matters most: it means an update is ready behind the active one.
  if (registration.waiting !== null) return 'waiting';
  if (registration.active !== null) return 'active';
  if (registration.installing !== null) return 'installing';
  return 'none';
}

/** React hook: the service worker state, refreshed when the controller changes. */
export function useServiceWorkerState(): ServiceWorkerState | undefined {
  const [state, setState] = useState<ServiceWorkerState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      readServiceWorkerState().then(
        (next) => {
          if (live) setState(next);
        },
        () => {
          if (live) setState('none');
        },
      );
    };
    refresh();
    const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    container?.addEventListener('controllerchange', refresh);
    return () => {
      live = false;
      container?.removeEventListener('controllerchange', refresh);
    };
  }, []);
  return state;
}
