/**
 * How long the phone may sit unused before it locks. A preference of this phone (not a fact of
 * the cooperative's books), so it lives in localStorage rather than in a `settings.changed` entry.
 */
import { create } from 'zustand';

export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
/** Hidden (another app in front, screen off) for longer than this locks the app on return. */
export const HIDDEN_LOCK_MS = 30_000;

const STORAGE_KEY = 'lumbung.autoLockMinutes';

function readStored(): number {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const value = raw === null || raw === undefined ? NaN : Number(raw);
    return (AUTO_LOCK_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_AUTO_LOCK_MINUTES;
  } catch {
    // Storage blocked (private mode policies): the default still locks the phone.
    return DEFAULT_AUTO_LOCK_MINUTES;
  }
}

const useAutoLockStore = create<{ minutes: number }>(() => ({ minutes: readStored() }));

export function useAutoLockMinutes(): number {
  return useAutoLockStore((state) => state.minutes);
}

export function setAutoLockMinutes(minutes: number): void {
  if (!(AUTO_LOCK_CHOICES as readonly number[]).includes(minutes)) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, String(minutes));
  } catch {
    // Not persisted; still applied for this session.
  }
  useAutoLockStore.setState({ minutes });
}
