/**
 * PIN guessing on a shared phone (reliability research §5.6, §6.4 X9/X12), at the level of the
 * local store where the lock lives. users.test.ts shows the first lock; this shows what an
 * attacker with the phone in hand gets: a burst of parallel guesses (two tabs, a script in the
 * console) still checks only five, a whole day of guessing checks a few dozen, and closing the
 * app does not reset the count.
 */
import { describe, expect, it } from 'vitest';
import { LumbungDb } from '../../src/db/database.ts';
import { addUser, MAX_FREE_ATTEMPTS, verifyPin, type VerifyPinResult } from '../../src/db/users.ts';
import { freshDb } from './support.ts';

const PIN = '482913';
// Every checked guess is a real PBKDF2 run; on a busy two-core machine a day of them takes seconds.
const DAY_MS = 24 * 60 * 60 * 1000;

async function userOn(db: LumbungDb): Promise<string> {
  const added = await addUser(db, { name: 'Bu Siti', role: 'bendahara', pin: PIN });
  if (!added.ok) throw new Error(added.error);
  return added.user.id;
}

/** A wrong 6-digit PIN for guess i (never the right one). */
const wrong = (i: number): string => {
  const guess = String(i % 1_000_000).padStart(6, '0');
  return guess === PIN ? '000000' : guess;
};

const checked = (results: readonly VerifyPinResult[]): number => results.filter((r) => !r.ok && r.error === 'pin-wrong').length;

describe('PIN brute force on the phone', () => {
  it('checks only five guesses of a parallel burst; the rest, and then the right PIN, find the user locked', { timeout: 30_000 }, async () => {
    const db = freshDb();
    const userId = await userOn(db);
    const now = new Date('2026-11-29T03:00:00.000Z');
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyPin(db, userId, wrong(i), now)));
    expect(checked(burst)).toBe(MAX_FREE_ATTEMPTS);
    expect(burst.filter((r) => !r.ok && r.error === 'locked')).toHaveLength(20 - MAX_FREE_ATTEMPTS);
    expect((await db.users.get(userId))?.failedAttempts).toBe(MAX_FREE_ATTEMPTS);
    expect(await verifyPin(db, userId, PIN, new Date(now.getTime() + 1_000))).toMatchObject({ ok: false, error: 'locked' });
    db.close();
  });

  it('checks a few dozen guesses in a whole day of trying, and the count survives closing the app', { timeout: 60_000 }, async () => {
    const name = `lumbung-pin-${crypto.randomUUID()}`;
    let db = freshDb(name);
    const userId = await userOn(db);
    const start = new Date('2026-11-29T00:00:00.000Z').getTime();
    let now = start;
    let guesses = 0;
    let refused = 0;
    for (let i = 0; now < start + DAY_MS; i++) {
      const result = await verifyPin(db, userId, wrong(i), new Date(now));
      if (result.ok) throw new Error('a wrong PIN unlocked the phone');
      if (result.error === 'pin-wrong') guesses += 1;
      else refused += 1;
      const lockedUntil = 'lockedUntil' in result ? result.lockedUntil : undefined;
      // The attacker tries again the moment the lock ends (or at once, while unlocked).
      now = lockedUntil !== undefined && lockedUntil > now ? lockedUntil : now + 1;
      if (i === 12) {
        // Closing the app (or the tab) mid-attack: a new connection to the same database.
        const before = await db.users.get(userId);
        expect(before?.failedAttempts).toBeGreaterThan(MAX_FREE_ATTEMPTS);
        db.close();
        db = new LumbungDb(name);
        const reopened = await db.users.get(userId);
        expect({ failed: reopened?.failedAttempts, lockedUntil: reopened?.lockedUntil }).toEqual({ failed: before?.failedAttempts, lockedUntil: before?.lockedUntil });
      }
    }
    console.info(`[security-pin] ${String(guesses)} PIN guesses checked in 24 h, ${String(refused)} refused while locked`);
    expect(guesses).toBeGreaterThanOrEqual(MAX_FREE_ATTEMPTS);
    expect(guesses).toBeLessThanOrEqual(40);
    // At that rate, half of the million 6-digit PINs takes decades.
    expect(500_000 / guesses / 365).toBeGreaterThan(30);
    // The right PIN still works once the lock has run out, and resets the count.
    const row = await db.users.get(userId);
    const after = Math.max(now, row?.lockedUntil ?? 0) + 1;
    expect((await verifyPin(db, userId, PIN, new Date(after))).ok).toBe(true);
    expect((await db.users.get(userId))?.failedAttempts).toBe(0);
    db.close();
  });
});
