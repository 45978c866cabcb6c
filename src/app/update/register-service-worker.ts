import { Workbox } from 'workbox-window';
import { workboxUpdateSource, type UpdateSource } from './update-source.ts';

/** How often an app left open (a treasurer's phone often is) looks for a new version. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers dist/sw.js (production builds only: `vite dev` serves no worker) and returns the
 * source the update banner listens to. Registration waits for the page's `load` event so it never
 * competes with the first paint on a slow link.
 */
export function registerServiceWorker(): UpdateSource | undefined {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  const source = workboxUpdateSource(workbox);
  const checkForUpdate = () => {
    // Offline or a flaky link: the next check will do; the installed version keeps working.
    workbox.update().catch(() => undefined);
  };
  workbox.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works online only.', error);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
  window.setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
  return source;
}
