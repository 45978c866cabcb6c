import { useEffect } from 'react';
import { lockSession } from '../session/session-store.ts';
import { HIDDEN_LOCK_MS, useAutoLockMinutes } from './auto-lock-preference.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often idleness is checked; the lock comes at most this late. */
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the session after `minutes` without a touch or key press, and when the app was hidden
 * (another app in front, the screen turned off) for more than 30 seconds. Mounted only while a user
 * is signed in.
 *
 * Idleness is measured against the wall clock on every check rather than by one long timer:
 * background tabs have their timers throttled or frozen, and the check on return must still lock.
 */
export function useAutoLock(): void {
  const minutes = useAutoLockMinutes();
  useEffect(() => {
    const idleMs = minutes * 60_000;
    let lastActivity = Date.now();
    let hiddenAt: number | null = document.visibilityState === 'hidden' ? Date.now() : null;
    let hiddenTimer: number | undefined;

    const onActivity = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      if (Date.now() - lastActivity >= idleMs) lockSession();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        window.clearTimeout(hiddenTimer);
        hiddenTimer = window.setTimeout(lockSession, HIDDEN_LOCK_MS + 1);
        return;
      }
      window.clearTimeout(hiddenTimer);
      const away = hiddenAt === null ? 0 : Date.now() - hiddenAt;
      hiddenAt = null;
      if (away > HIDDEN_LOCK_MS) {
        lockSession();
        return;
      }
      check();
      lastActivity = Date.now();
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    const interval = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(interval);
      window.clearTimeout(hiddenTimer);
    };
  }, [minutes]);
}
