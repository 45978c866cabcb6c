/**
 * Cross-context exclusion for a sync run: the page, a second tab and the service worker may all
 * decide to sync at the same moment (the `online` event, a save and a Background Sync wake-up often
 * coincide). The Web Locks API serialises them across every context of the origin. We ask with
 * `ifAvailable: true`: when another context already holds the lock it is doing the very work we
 * wanted, so waiting for it and then pushing again would only waste a 2G link.
 *
 * Where the API is missing (Node tests, very old WebViews) the fallback runs the task unguarded;
 * the in-process join in `sync-once.ts` still prevents double runs within one context, and the
 * server's idempotency (entry id + hash → `duplicate`) makes a rare cross-context double push
 * harmless.
 */
export type LockOutcome<T> = { readonly ran: true; readonly value: T } | { readonly ran: false };

type LockManagerLike = {
  request<R>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<R>): Promise<R>;
};

function lockManager(): LockManagerLike | undefined {
  // `navigator` exists in windows and workers; Node 20 has none, Node 21+ has one without `locks`.
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

export async function withWebLock<T>(name: string, task: () => Promise<T>): Promise<LockOutcome<T>> {
  const locks = lockManager();
  if (locks === undefined) return { ran: true, value: await task() };
  return locks.request<LockOutcome<T>>(name, { ifAvailable: true }, async (lock) => {
    // With ifAvailable the callback gets null when someone else holds the lock.
    if (lock === null) return { ran: false };
    return { ran: true, value: await task() };
  });
}

/**
 * Resolves once no other context holds `name` (it takes the lock and lets go at once), or after
 * `maxWaitMs`, whichever comes first; at once where the API is missing. A context that was told
 * `busy` waits here for the other run to end instead of guessing how long it takes. The cap keeps
 * a run stuck on a dead link (a request waits up to its timeout) from holding the waiter as long.
 */
export async function whenWebLockFree(name: string, maxWaitMs: number): Promise<void> {
  const locks = lockManager();
  if (locks === undefined) return;
  const giveUp = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      giveUp.abort();
      resolve();
    }, maxWaitMs);
  });
  try {
    await locks.request(name, { signal: giveUp.signal }, () => Promise.resolve());
  } catch {
    // Withdrawn at the cap (the other run is still going), or refused by the lock manager: then
    // wait out the cap all the same, so a caller that asks again does not spin while the other
    // context still holds the lock.
    await cap;
  } finally {
    clearTimeout(timer);
  }
}
