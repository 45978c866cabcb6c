import { afterPaint } from './after-paint.ts';

/**
 * Runs work that follows a save but is not part of it (the sync engine's outbox count and Background
 * Sync registration, the persistence request) once the browser is idle, so it does not share the
 * frames that paint "Tersimpan". `requestIdleCallback` where the browser has it (with a deadline, so
 * a busy page still gets to it), a plain task otherwise (Safari, jsdom).
 *
 * Asked for only after the next paint: the commit that resolves a save leaves the main thread idle
 * until the frame showing "Tersimpan", and Chromium runs idle callbacks in that gap. Asked for at
 * once, an idle callback of 0.4–4.9 ms ran inside the save's stopwatch in 10 of 30 saves traced
 * (CPU ×4; docs/performance.md §2, session 6).
 */
const IDLE_DEADLINE_MS = 1_000;

export function whenIdle(run: () => void): void {
  afterPaint(() => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => run(), { timeout: IDLE_DEADLINE_MS });
    else setTimeout(run, 0);
  });
}
