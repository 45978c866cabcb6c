/**
 * Runs work that follows a save but is not part of it (the sync engine's outbox count and Background
 * Sync registration, the persistence request) once the browser is idle, so it does not share the
 * frames that paint "Tersimpan". `requestIdleCallback` where the browser has it (with a deadline, so
 * a busy page still gets to it), a plain task otherwise (Safari, jsdom).
 */
const IDLE_DEADLINE_MS = 1_000;

export function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(() => run(), { timeout: IDLE_DEADLINE_MS });
  else setTimeout(run, 0);
}
