/**
 * "An entry was just saved": the sync engine listens to push soon after a save when online.
 * Features may not be imported by src/sync (import direction domain ← db ← sync ← features ← app),
 * so the app shell subscribes here and forwards to the sync triggers.
 *
 * Listeners hear of saves once the browser is idle (when-idle.ts), not in the task that resolved the
 * commit: their work (IndexedDB counts, a service worker round trip) used to land in the same frames
 * as "Tersimpan". A burst of saves before that moment is one notification; listeners only need to
 * know that something was saved.
 */
import { whenIdle } from './when-idle.ts';

const listeners = new Set<() => void>();
let notifying = false;

export function onEntrySaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyEntrySaved(): void {
  if (notifying) return;
  notifying = true;
  whenIdle(() => {
    notifying = false;
    tellListeners();
  });
}

function tellListeners(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener's failure (sync not ready) must never turn a committed save into an error.
    }
  }
}
