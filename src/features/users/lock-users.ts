/**
 * The names on the lock screen, with each user's lockout deadline so a locked user sees the
 * countdown at once. Only names and roles leave this module: the PIN hash stays in the store.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LumbungDb } from '../../db/database.ts';
import type { UserRole } from '../../db/users.ts';
import { activeLockEnd } from '../../domain/pin-lock.ts';
import { getDb } from '../session/database.ts';

export type LockUser = { readonly id: string; readonly name: string; readonly role: UserRole; readonly lockedUntil: number | null };

/** A phone has a handful of users (bendahara, ketua, pengawas): the whole table is small. */
export async function readLockUsers(db: LumbungDb, now: number = Date.now()): Promise<readonly LockUser[]> {
  const rows = await db.users.orderBy('name').toArray();
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, lockedUntil: activeLockEnd(row.lockedUntil, now) }));
}

export function useLockUsers(): readonly LockUser[] | undefined {
  return useLiveQuery(() => readLockUsers(getDb()), []);
}
