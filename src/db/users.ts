/**
 * Local users of this phone (the treasurer, the chair, the supervisor) and their PIN lock.
 *
 * Lockout: after MAX_FREE_ATTEMPTS wrong PINs in a row the user is locked for 30 s, doubling with each
 * further wrong PIN up to an hour. The counter lives in IndexedDB, so closing the app does not reset it.
 * PBKDF2 runs before the transaction that updates the counter: WebCrypto is async and would commit
 * an IndexedDB transaction early.
 */
import { z } from 'zod';
import { uuidv7 } from '../domain/ids.ts';
import { activeLockEnd, lockDurationMs, MAX_FREE_ATTEMPTS } from '../domain/pin-lock.ts';
import type { LumbungDb } from './database.ts';
import { PIN_PATTERN, hashPin, pinMatches, type PinHash } from './pin-hash.ts';

export const USER_ROLES = ['bendahara', 'ketua', 'pengawas'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export type UserRow = {
  id: string;
  name: string;
  role: UserRole;
  pin: PinHash;
  failedAttempts: number;
  /** Epoch ms until which PIN entry is refused; absent when not locked. */
  lockedUntil?: number;
  createdAt: string;
};

/** What screens may see of a user: never the PIN hash. */
export type LocalUser = { id: string; name: string; role: UserRole; createdAt: string };

export { lockDurationMs, MAX_FREE_ATTEMPTS } from '../domain/pin-lock.ts';

export type AddUserError = 'name-empty' | 'name-taken' | 'pin-format' | 'role-unknown';
export type VerifyPinError = 'user-unknown' | 'pin-wrong' | 'locked';
export type VerifyPinResult =
  | { ok: true; user: LocalUser }
  | { ok: false; error: 'user-unknown' }
  | { ok: false; error: 'pin-wrong'; attemptsLeft: number; lockedUntil?: number }
  | { ok: false; error: 'locked'; lockedUntil: number };

const userInput = z.object({
  name: z.string().trim().min(1).max(60),
  role: z.enum(USER_ROLES),
  pin: z.string().regex(PIN_PATTERN),
});

/** When the user's lock ends, if it is still on as of `now` (domain/pin-lock.ts: a lock set by a clock that ran ahead is void). */
const lockEnd = (row: UserRow, now: Date): number | null => activeLockEnd(row.lockedUntil, now.getTime());

const publicUser = (row: UserRow): LocalUser => ({ id: row.id, name: row.name, role: row.role, createdAt: row.createdAt });

export async function addUser(
  db: LumbungDb,
  input: { name: string; role: UserRole; pin: string },
  now: Date = new Date(),
): Promise<{ ok: true; user: LocalUser } | { ok: false; error: AddUserError }> {
  const parsed = userInput.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ok: false, error: field === 'pin' ? 'pin-format' : field === 'role' ? 'role-unknown' : 'name-empty' };
  }
  const pin = await hashPin(parsed.data.pin);
  const row: UserRow = {
    id: uuidv7(now.getTime()),
    name: parsed.data.name,
    role: parsed.data.role,
    pin,
    failedAttempts: 0,
    createdAt: now.toISOString(),
  };
  return db.transaction('rw', db.users, async () => {
    const clash = await db.users.where('name').equalsIgnoreCase(row.name).first();
    if (clash !== undefined) return { ok: false as const, error: 'name-taken' as const };
    await db.users.add(row);
    return { ok: true as const, user: publicUser(row) };
  });
}

export async function listUsers(db: LumbungDb): Promise<LocalUser[]> {
  return (await db.users.orderBy('name').toArray()).map(publicUser);
}

export async function verifyPin(db: LumbungDb, userId: string, pin: string, now: Date = new Date()): Promise<VerifyPinResult> {
  const before = await db.users.get(userId);
  if (before === undefined) return { ok: false, error: 'user-unknown' };
  const lockedBefore = lockEnd(before, now);
  if (lockedBefore !== null) {
    return { ok: false, error: 'locked', lockedUntil: lockedBefore };
  }
  const matches = PIN_PATTERN.test(pin) && (await pinMatches(pin, before.pin));
  return db.transaction('rw', db.users, async (): Promise<VerifyPinResult> => {
    const row = await db.users.get(userId);
    if (row === undefined) return { ok: false, error: 'user-unknown' };
    // Another attempt (another tab) may have locked the user while we were hashing.
    const locked = lockEnd(row, now);
    if (locked !== null) return { ok: false, error: 'locked', lockedUntil: locked };
    if (matches) {
      const { lockedUntil: _cleared, ...rest } = row;
      await db.users.put({ ...rest, failedAttempts: 0 });
      return { ok: true, user: publicUser(row) };
    }
    const failedAttempts = row.failedAttempts + 1;
    const lockMs = lockDurationMs(failedAttempts);
    const { lockedUntil: _old, ...rest } = row;
    if (lockMs === 0) {
      await db.users.put({ ...rest, failedAttempts });
      return { ok: false, error: 'pin-wrong', attemptsLeft: MAX_FREE_ATTEMPTS - failedAttempts };
    }
    const lockedUntil = now.getTime() + lockMs;
    await db.users.put({ ...rest, failedAttempts, lockedUntil });
    return { ok: false, error: 'pin-wrong', attemptsLeft: 0, lockedUntil };
  });
}

/** Changing a PIN needs the current one: the same check, lockout included. */
export async function changePin(
  db: LumbungDb,
  userId: string,
  currentPin: string,
  newPin: string,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; error: VerifyPinError | 'pin-format' }> {
  if (!PIN_PATTERN.test(newPin)) return { ok: false, error: 'pin-format' };
  const verified = await verifyPin(db, userId, currentPin, now);
  if (!verified.ok) return { ok: false, error: verified.error };
  const pin = await hashPin(newPin);
  await db.users.update(userId, { pin });
  return { ok: true };
}
