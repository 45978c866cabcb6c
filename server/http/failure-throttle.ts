/**
 * Throttles guessing (admin passwords, enrollment codes): a key (an IP, a username) gets a few
 * free failures, then each further failure locks it for twice as long as the last, up to a cap.
 * While locked, attempts are refused with 429 and `Retry-After` without being checked at all.
 *
 * In memory, per process: with several processes behind a proxy an attacker gets a few more
 * tries per process, which the exponential lock still makes useless.
 */
import type { Clock } from '../clock.ts';

export interface ThrottlePolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts over. */
  forgetAfterMs: number;
}

interface KeyState {
  failures: number;
  lockedUntil: number;
  lastFailureAt: number;
}

const MAX_KEYS = 100_000;

export class FailureThrottle {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const state = this.current(key);
    if (state === null) return 0;
    return Math.max(0, state.lockedUntil - this.clock.now().getTime());
  }

  recordFailure(key: string): void {
    const now = this.clock.now().getTime();
    const state = this.current(key) ?? { failures: 0, lockedUntil: 0, lastFailureAt: now };
    state.failures += 1;
    state.lastFailureAt = now;
    const over = state.failures - this.policy.freeFailures;
    if (over >= 0) {
      state.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.baseLockMs * 2 ** Math.min(over, 30));
    }
    if (!this.keys.has(key) && this.keys.size >= MAX_KEYS) this.prune(now);
    this.keys.set(key, state);
  }

  recordSuccess(key: string): void {
    this.keys.delete(key);
  }

  private current(key: string): KeyState | null {
    const state = this.keys.get(key);
    if (state === undefined) return null;
    const now = this.clock.now().getTime();
    if (now - state.lastFailureAt > this.policy.forgetAfterMs && now >= state.lockedUntil) {
      this.keys.delete(key);
      return null;
    }
    return state;
  }

  private prune(now: number): void {
    for (const [key, state] of this.keys) {
      if (now - state.lastFailureAt > this.policy.forgetAfterMs && now >= state.lockedUntil) this.keys.delete(key);
    }
    // Still full (an attack from very many addresses): drop the oldest half rather than grow.
    if (this.keys.size >= MAX_KEYS) {
      let drop = Math.floor(this.keys.size / 2);
      for (const key of this.keys.keys()) {
        if (drop-- <= 0) break;
        this.keys.delete(key);
      }
    }
  }
}
