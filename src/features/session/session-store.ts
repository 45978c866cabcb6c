/**
 * Who is using the phone right now. Several people share one phone (bendahara, ketua, pengawas);
 * each unlocks with their own PIN and every entry's `actor` is the unlocked user's name.
 *
 * The session lives in memory only: a reload, a new tab or an auto-lock starts at the lock screen.
 * That is the point — a phone left on a table must not stay unlocked.
 */
import { create } from 'zustand';
import type { LocalUser, UserRole } from '../../db/users.ts';

export type SessionUser = { readonly id: string; readonly name: string; readonly role: UserRole };

type SessionState = { readonly user: SessionUser | null };

export const useSessionStore = create<SessionState>(() => ({ user: null }));

/** Opens the session for a user whose PIN was just verified (or who was just created). */
export function signIn(user: SessionUser | LocalUser): void {
  useSessionStore.setState({ user: { id: user.id, name: user.name, role: user.role } });
}

/** Locks the phone: the next screen is the lock screen, which shows no cooperative data. */
export function lockSession(): void {
  useSessionStore.setState({ user: null });
}

export function currentSessionUser(): SessionUser | null {
  return useSessionStore.getState().user;
}

/** Pengawas (supervisors) read everything and record nothing (issue 4). */
export function roleCanWrite(role: UserRole): boolean {
  switch (role) {
    case 'bendahara':
    case 'ketua':
      return true;
    case 'pengawas':
      return false;
  }
}

/** Only the treasurer manages the phone's users. */
export function roleCanManageUsers(role: UserRole): boolean {
  return role === 'bendahara';
}
