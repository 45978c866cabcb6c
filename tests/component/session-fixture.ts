/**
 * For component tests of screens behind the session gate: a fresh local database with an identity
 * (trial mode, or enrolled with a named cooperative) and one user, signed in. Real Dexie on
 * fake-indexeddb, real PIN hashing; nothing is mocked.
 *
 *   let session: TestSession;
 *   beforeEach(async () => { session = await openSignedInSession({ role: 'pengawas' }); });
 *   afterEach(() => closeSession(session));
 */
import { cleanup } from '@testing-library/react';
import type { LumbungDb } from '../../src/db/database.ts';
import { ensureDeviceKeys } from '../../src/db/device-keys.ts';
import { startLocalMode } from '../../src/db/enrollment.ts';
import { writeMeta, type CooperativeInfo } from '../../src/db/meta.ts';
import { addUser, type LocalUser, type UserRole } from '../../src/db/users.ts';
import type { CooperativeId, DeviceId } from '../../src/domain/ids.ts';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import { lockSession, signIn } from '../../src/features/session/session-store.ts';

export type TestSession = { readonly db: LumbungDb; readonly user: LocalUser };

export type SessionOptions = {
  readonly name?: string;
  readonly role?: UserRole;
  readonly pin?: string;
  /** Enrolled with this cooperative; trial (local-only) mode when absent. */
  readonly cooperative?: CooperativeInfo;
  /** Leave the phone locked (lock-screen tests). */
  readonly signedIn?: boolean;
};

export async function openSignedInSession(options: SessionOptions = {}): Promise<TestSession> {
  const db = openDatabaseForTests(`test-${crypto.randomUUID()}`);
  if (options.cooperative === undefined) {
    await startLocalMode(db);
  } else {
    await ensureDeviceKeys(db);
    await writeMeta(db, 'identity', {
      mode: 'enrolled',
      cooperativeId: crypto.randomUUID() as CooperativeId,
      deviceId: crypto.randomUUID() as DeviceId,
      cooperative: options.cooperative,
      enrolledAt: new Date().toISOString(),
    });
  }
  const added = await addUser(db, {
    name: options.name ?? 'Bu Siti',
    role: options.role ?? 'bendahara',
    pin: options.pin ?? '123456',
  });
  if (!added.ok) throw new Error(`test user not added: ${added.error}`);
  if (options.signedIn !== false) signIn(added.user);
  return { db, user: added.user };
}

/** Unmounts what the test rendered first: screens may only render while someone is signed in. */
export function closeSession(session: TestSession | undefined): void {
  cleanup();
  lockSession();
  session?.db.close();
}
