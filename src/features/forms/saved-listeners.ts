/**
 * "An entry was just saved": the sync engine listens to push soon after a save when online.
 * Features may not be imported by src/sync (import direction domain ← db ← sync ← features ← app),
 * so the app shell subscribes here and forwards to the sync triggers.
 */
const listeners = new Set<() => void>();

export function onEntrySaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyEntrySaved(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener's failure (sync not ready) must never turn a committed save into an error.
    }
  }
}
