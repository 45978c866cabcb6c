import { useSyncExternalStore } from 'react';

// The app's location is the browser's: a tiny history-API store, no router library (first-load
// budget, DESIGN.md). It lives under src/features, not src/app, because screens navigate too and
// lint lets features import neither src/app nor the reverse direction.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const readPath = (): string => window.location.pathname;

/** React hook: the current pathname, e.g. `/anggota`. Re-renders on navigate() and back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, readPath, () => '/');
}

export type NavigateOptions = { readonly replace?: boolean };

/**
 * Goes to an in-app path (`/simpanan`, `/anggota?q=siti`). Same-path navigation does not add a
 * history entry, so tapping the current tab twice does not make Back feel broken.
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const target = new URL(to, window.location.href);
  if (target.origin !== window.location.origin) {
    window.location.assign(target.href);
    return;
  }
  const next = target.pathname + target.search + target.hash;
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (options.replace === true || next === current) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  for (const listener of listeners) listener();
}
