/**
 * Retry delays after a failed sync: exponential with "full jitter", capped, reset on success.
 *
 * Why jitter: a district office visit means a dozen phones regain Wi-Fi at the same moment; without
 * jitter they would all retry in lock-step against one small server. Why a cap of 30 min: the phone
 * may be offline for days, but when a signal comes back we still want to try within half an hour
 * even if no `online` event fires (Android often does not fire it on a flaky 2G link).
 */
export type BackoffPolicy = {
  /** Delay after the first failure. */
  readonly baseMs: number;
  /** No delay is ever longer than this. */
  readonly capMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 30 * 60_000 };

/**
 * The delay before retry number `failures` (1 = after the first failure). The exponential part is
 * base·2^(failures−1) capped at `capMs`; the jitter picks uniformly in [half, whole] of it, so the
 * delay never collapses to zero (which would turn a dead link into a busy loop).
 * `random` returns a number in [0, 1).
 */
export function backoffDelayMs(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  // 2^k overflows nothing here: the exponent is clamped long before doubles lose integers.
  const exponent = Math.min(failures - 1, 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/** Counts consecutive failures; `success()` resets it. */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
  ) {}

  /** Records one more failure and returns how long to wait before the next attempt. */
  failure(): number {
    this.failures += 1;
    return backoffDelayMs(this.failures, this.random, this.policy);
  }

  success(): void {
    this.failures = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
