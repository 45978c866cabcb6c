/**
 * How long a user stays locked out after wrong PINs: none for the first five, then 30 s doubling
 * per further wrong PIN, at most an hour.
 *
 * A lock's end is stored as a wall-clock instant, and phones' clocks are wrong and get put right. A
 * lock taken while the clock ran years ahead must not shut the treasurer out of her own books for
 * years once the clock is back. No lock this clock set can end more than an hour from now, so such
 * an end is void: the lock is over (the count of wrong PINs stays, so the next wrong one locks
 * again). This gives nothing away: whoever can turn the clock back can as well turn it forward past
 * any lock.
 */
export const MAX_FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 3_600_000;

export function lockDurationMs(failedAttempts: number): number {
  if (failedAttempts < MAX_FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failedAttempts - MAX_FREE_ATTEMPTS));
}

/** When a stored lock ends, as of `now` (ms), or null when it is over (or void: set by a clock that ran ahead). */
export function activeLockEnd(lockedUntil: number | undefined, now: number): number | null {
  if (lockedUntil === undefined || lockedUntil <= now || lockedUntil > now + MAX_LOCK_MS) return null;
  return lockedUntil;
}
