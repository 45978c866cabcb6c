import { useEffect } from 'react';

/** The User Timing mark the benchmarks (bench/load.bench.ts) time the app's first load to. */
export const USABLE_MARK = 'lumbung:usable';

/**
 * Marks, once per page load, the moment the first screen a treasurer can act on (welcome, first
 * user, lock screen) has been committed with its handlers attached: effects run after the commit,
 * so the buttons are on screen and wired. Later screens do not move it.
 */
export function useUsableMark(active: boolean): void {
  useEffect(() => {
    if (!active || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName(USABLE_MARK, 'mark').length === 0) performance.mark(USABLE_MARK);
  }, [active]);
}
