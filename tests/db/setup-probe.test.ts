// The session gate's raw first read (src/features/session/setup-probe.ts) must agree with Dexie's
// reading (readSetupState, readLockUsers) on every state the gate can be in, must not create the
// database of a new phone, and must answer "don't know" rather than guess on a damaged store.
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../src/db/database.ts';
import { startLocalMode } from '../../src/db/enrollment.ts';
import { addUser, MAX_FREE_ATTEMPTS, verifyPin } from '../../src/db/users.ts';
import { probeGate } from '../../src/features/session/setup-probe.ts';
import { readSetupState } from '../../src/features/session/setup-state.ts';
import { readLockUsers } from '../../src/features/users/lock-users.ts';
import { enrolledPhone, freshDb, localPhone } from './support.ts';

const names = async () => (await indexedDB.databases()).map((info) => info.name);

/** Writes a row as another program (or a damaged disk) might have left it: raw IndexedDB, no types. */
function putRaw(name: string, store: string, row: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onsuccess = () => {
      const tx = request.result.transaction(store, 'readwrite');
      tx.objectStore(store).put(row);
      tx.oncomplete = () => {
        request.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    };
  });
}

describe('the gate probe (raw IndexedDB, no Dexie)', () => {
  it('sees a new phone without creating its database; Dexie then creates it with its tables', async () => {
    const name = `lumbung-test-${crypto.randomUUID()}`;
    expect(await probeGate(name)).toEqual({ setup: { kind: 'new' }, lockUsers: [] });
    expect(await names()).not.toContain(name);

    const db = freshDb(name);
    expect(await readSetupState(db)).toEqual({ kind: 'new' });
    expect(db.verno).toBe(CURRENT_VERSION);
    await startLocalMode(db);
    expect(await probeGate(name)).toEqual({ setup: { kind: 'no-user', mode: 'local' }, lockUsers: [] });
    db.close();
  });

  it('agrees with Dexie on a trial phone with no user, and on an enrolled one', async () => {
    const local = await localPhone();
    expect(await probeGate(local.name)).toEqual({ setup: await readSetupState(local), lockUsers: [] });
    expect((await probeGate(local.name))?.setup).toEqual({ kind: 'no-user', mode: 'local' });
    const enrolled = await enrolledPhone();
    expect((await probeGate(enrolled.name))?.setup).toEqual({ kind: 'no-user', mode: 'enrolled' });
    local.close();
    enrolled.close();
  });

  it('lists the lock screen names in the live query order, with a lockout deadline', async () => {
    const db = await localPhone();
    for (const [name, role] of [['Pak Budi', 'ketua'], ['Bu Siti', 'bendahara'], ['Bu Ani', 'pengawas']] as const) {
      const added = await addUser(db, { name, role, pin: '135790' });
      if (!added.ok) throw new Error(added.error);
    }
    const budi = (await readLockUsers(db)).find((u) => u.name === 'Pak Budi');
    if (budi === undefined) throw new Error('Pak Budi not stored');
    // Now: a lock that has ended, or one set by a clock far ahead, reads as none (domain/pin-lock.ts).
    const at = new Date();
    for (let i = 0; i < MAX_FREE_ATTEMPTS; i++) await verifyPin(db, budi.id, '000000', at);

    const probed = await probeGate(db.name);
    expect(probed).toEqual({ setup: await readSetupState(db), lockUsers: await readLockUsers(db) });
    expect(probed?.setup).toEqual({ kind: 'ready', mode: 'local' });
    expect(probed?.lockUsers.map((u) => [u.name, u.role, u.lockedUntil])).toEqual([
      ['Bu Ani', 'pengawas', null],
      ['Bu Siti', 'bendahara', null],
      ['Pak Budi', 'ketua', at.getTime() + 30_000],
    ]);
    db.close();
  });

  it('answers "don\'t know" on a damaged identity or user row, leaving the verdict to Dexie', async () => {
    const db = await localPhone();
    await putRaw(db.name, 'meta', { key: 'identity', value: { mode: 'borrowed' } });
    expect(await probeGate(db.name)).toBeUndefined();
    expect(await readSetupState(db)).toEqual({ kind: 'failed' });

    const other = await localPhone();
    await putRaw(other.name, 'users', { id: 'u1', name: 'Bu Siti', role: 'admin' });
    expect(await probeGate(other.name)).toBeUndefined();
    db.close();
    other.close();
  });

  it('does not hold up a schema upgrade: its connection is closed once read', async () => {
    const db = await localPhone();
    db.close();
    await probeGate(db.name);
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(db.name, CURRENT_VERSION * 10 + 10);
      request.onblocked = () => reject(new Error('upgrade blocked by the probe'));
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    expect(upgraded).toBe(CURRENT_VERSION * 10 + 10);
  });
});
