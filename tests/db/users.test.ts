import { describe, expect, it } from 'vitest';
import { addUser, changePin, listUsers, lockDurationMs, MAX_FREE_ATTEMPTS, verifyPin } from '../../src/db/users.ts';
import { readLockUsers } from '../../src/features/users/lock-users.ts';
import { freshDb } from './support.ts';

describe('local users and PIN lock', () => {
  it('stores a PBKDF2 hash, never the PIN, and verifies it', async () => {
    const db = freshDb();
    const added = await addUser(db, { name: 'Bu Siti', role: 'bendahara', pin: '246810' });
    if (!added.ok) throw new Error(added.error);
    const row = await db.users.get(added.user.id);
    expect(row?.pin.algorithm).toBe('pbkdf2-sha256');
    expect(JSON.stringify(row)).not.toContain('246810');
    expect((await verifyPin(db, added.user.id, '246810')).ok).toBe(true);
    expect(await verifyPin(db, added.user.id, '246811')).toEqual({ ok: false, error: 'pin-wrong', attemptsLeft: 4 });
    expect(await listUsers(db)).toEqual([added.user]);
  });

  it('refuses a bad PIN format and a duplicate name', async () => {
    const db = freshDb();
    expect(await addUser(db, { name: 'Pak Budi', role: 'ketua', pin: '12' })).toEqual({ ok: false, error: 'pin-format' });
    expect((await addUser(db, { name: 'Pak Budi', role: 'ketua', pin: '1234' })).ok).toBe(true);
    expect(await addUser(db, { name: 'pak budi', role: 'pengawas', pin: '9876' })).toEqual({ ok: false, error: 'name-taken' });
  });

  it('locks after five wrong PINs, even for the right PIN, and unlocks when the time has passed', async () => {
    const db = freshDb();
    const added = await addUser(db, { name: 'Bu Ani', role: 'pengawas', pin: '1357' });
    if (!added.ok) throw new Error(added.error);
    const t0 = new Date('2026-11-29T03:00:00.000Z');
    for (let i = 1; i < MAX_FREE_ATTEMPTS; i++) {
      expect(await verifyPin(db, added.user.id, '0000', t0)).toMatchObject({ error: 'pin-wrong', attemptsLeft: MAX_FREE_ATTEMPTS - i });
    }
    const fifth = await verifyPin(db, added.user.id, '0000', t0);
    expect(fifth).toEqual({ ok: false, error: 'pin-wrong', attemptsLeft: 0, lockedUntil: t0.getTime() + 30_000 });
    expect(await verifyPin(db, added.user.id, '1357', new Date(t0.getTime() + 29_000))).toEqual({
      ok: false,
      error: 'locked',
      lockedUntil: t0.getTime() + 30_000,
    });
    const later = new Date(t0.getTime() + 31_000);
    expect((await verifyPin(db, added.user.id, '1357', later)).ok).toBe(true);
    expect((await db.users.get(added.user.id))?.failedAttempts).toBe(0);
    expect(lockDurationMs(6)).toBe(60_000);
    expect(lockDurationMs(40)).toBe(3_600_000);
  });

  it('voids a lock taken while the clock ran years ahead once the clock is put right, and locks again on the next wrong PIN', async () => {
    const db = freshDb();
    const added = await addUser(db, { name: 'Bu Siti', role: 'bendahara', pin: '2468' });
    if (!added.ok) throw new Error(added.error);
    const ahead = new Date('2031-11-20T03:00:00.000Z'); // the phone's clock five years ahead
    for (let i = 0; i < MAX_FREE_ATTEMPTS; i++) await verifyPin(db, added.user.id, '0000', ahead);
    expect((await readLockUsers(db, ahead.getTime()))[0]?.lockedUntil).toBe(ahead.getTime() + 30_000);
    const right = new Date('2026-11-20T03:00:00.000Z');
    // No lock this clock set could end five years from now: the lock screen shows none.
    expect((await readLockUsers(db, right.getTime()))[0]?.lockedUntil).toBeNull();
    // The wrong-PIN count stays: the next wrong PIN locks again, for the next step (60 s).
    expect(await verifyPin(db, added.user.id, '0000', right)).toEqual({ ok: false, error: 'pin-wrong', attemptsLeft: 0, lockedUntil: right.getTime() + 60_000 });
    expect((await verifyPin(db, added.user.id, '2468', new Date(right.getTime() + 60_001))).ok).toBe(true);
  });

  it('changes a PIN only with the current one', async () => {
    const db = freshDb();
    const added = await addUser(db, { name: 'Bu Rina', role: 'bendahara', pin: '1111' });
    if (!added.ok) throw new Error(added.error);
    expect(await changePin(db, added.user.id, '2222', '3333')).toEqual({ ok: false, error: 'pin-wrong' });
    expect(await changePin(db, added.user.id, '1111', '3333')).toEqual({ ok: true });
    expect((await verifyPin(db, added.user.id, '1111')).ok).toBe(false);
    expect((await verifyPin(db, added.user.id, '3333')).ok).toBe(true);
  });
});
