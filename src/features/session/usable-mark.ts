import { useEffect, useSyncExternalStore } from 'react';

/** The User Timing mark the benchmarks (bench/load.bench.ts) time the app's first load to. */
export const USABLE_MARK = 'lumbung:usable';

let usable = false;
const listeners = new Set<() => void>();

function markUsable(): void {
  if (usable) return;
  usable = true;
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(USABLE_MARK);
  for (const listener of [...listeners]) listener();
}

/**
 * Marks, once per page load, the moment the first screen a treasurer can act on (welcome, first
 * user, lock screen, or an ungated page) has been committed with its handlers attached: effects
 * run after the commit, so the buttons are on screen and wired. Later screens do not move it.
 */
export function useUsableMark(active: boolean): void {
  useEffect(() => {
    if (active) markUsable();
  }, [active]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Runs `work` once the first screen is usable (at once if it already is). */
export function whenFirstScreenShown(work: () => void): void {
  if (usable) {
    work();
    return;
  }
  const listener = () => {
    listeners.delete(listener);
    work();
  };
  listeners.add(listener);
}

/**
 * True once the first screen is usable. Work the first screen does not need (the sync engine, the
 * DEMO banner) waits for it, so its code is neither fetched nor run while that screen is coming up
 * (docs/performance.md: on a warm start it doubled the time to the lock screen).
 */
export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(subscribe, () => usable, () => false);
}
