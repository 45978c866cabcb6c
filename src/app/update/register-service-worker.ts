import { whenFirstScreenShown } from '../../features/session/usable-mark.ts';
import { laterUpdateSource, workboxUpdateSource, type UpdateSource } from './update-source.ts';

/** How often an app left open (a treasurer's phone often is) looks for a new version. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Pages that mark no first screen (the office's /dinas) register this long after `load`. */
const AFTER_LOAD_AT_THE_LATEST_MS = 3_000;

/**
 * Registers dist/sw.js (production builds only: `vite dev` serves no worker) and returns the
 * source the update banner listens to. Registration, and loading workbox-window for it, wait until
 * the first screen is painted, so neither competes with it: workbox-window is 2 KB (gzip) of the
 * first load that no first screen needs, ~70 ms on 2G (docs/performance.md §1, "Session 12").
 */
export function registerServiceWorker(): UpdateSource | undefined {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  return laterUpdateSource(
    new Promise<UpdateSource>((resolve, reject) => {
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        register().then(resolve, reject);
      };
      whenFirstScreenShown(start);
      window.addEventListener('load', () => window.setTimeout(start, AFTER_LOAD_AT_THE_LATEST_MS), { once: true });
    }),
  );
}

async function register(): Promise<UpdateSource> {
  try {
    const { Workbox } = await import('workbox-window');
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
  } catch (error) {
    console.warn('Service worker registration failed; the app works online only.', error);
    throw error;
  }
}
