import { useEffect, useSyncExternalStore } from 'react';

/** The User Timing mark the benchmarks (bench/load.bench.ts) time the app's first load to. */
export const USABLE_MARK = 'lumbung:usable';

let usable = false;
/** True once the frame showing the first screen has been painted: the deferred work may start. */
let shown = false;
const listeners = new Set<() => void>();

/** A visible page paints well within this; past it the deferred work starts anyway (a frame skipped, a throttled tab). */
const PAINT_WAIT_LIMIT_MS = 1000;

/**
 * Runs `work` once the browser has painted the frame it is about to render: a task queued from an
 * animation-frame callback runs after that frame's paint. A hidden page renders no frames, and a
 * frame can be skipped, so a timer runs it anyway after a limit.
 */
function afterNextPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    setTimeout(once, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, PAINT_WAIT_LIMIT_MS);
}

function markUsable(): void {
  if (usable) return;
  usable = true;
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(USABLE_MARK);
  // The deferred work (loading Dexie, the sync engine, preloading the gate's actions) waits for
  // the paint: run at once, in the mark's task, it kept the lock screen off the glass ~110 ms at
  // CPU ×4, most of it Blink starting a fetch for each module preload (docs/performance.md §1,
  // "Session 9").
  afterNextPaint(() => {
    shown = true;
    for (const listener of [...listeners]) listener();
  });
}

/**
 * Marks, once per page load, the moment the first screen a treasurer can act on (welcome, first
 * user, lock screen, or Tentang) has been committed with its handlers attached: effects run after
 * the commit, so the buttons are in the page and wired. Later screens do not move it. (The office's
 * /dinas pages do not mark: nothing there waits for it.)
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

/** Runs `work` once the first screen is usable and painted (at once if it already is). */
export function whenFirstScreenShown(work: () => void): void {
  if (shown) {
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
 * True once the first screen is usable and painted. Work the first screen does not need (the sync
 * engine, the DEMO banner) waits for it, so its code is neither fetched nor run while that screen
 * is coming up (docs/performance.md: on a warm start it doubled the time to the lock screen).
 */
export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(subscribe, () => shown, () => false);
}
