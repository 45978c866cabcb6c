import { currentSessionUser, roleCanWrite, useSessionStore, type SessionUser } from './session-store.ts';

/**
 * The unlocked user. Screens render only inside `SessionGate`, which shows them only while a user
 * is signed in, so this never returns null there. Outside a session it throws: a screen that
 * records an entry without an actor is a bug, not a state to handle. (Tests call `signIn` first.)
 */
export function useCurrentUser(): SessionUser {
  const user = useSessionStore((state) => state.user);
  if (user === null) throw new Error('useCurrentUser() outside a session: render the screen inside SessionGate');
  return user;
}

/** False for pengawas (read-only) and when no one is signed in: hide or disable every save button. */
export function useCanWrite(): boolean {
  return useSessionStore((state) => state.user !== null && roleCanWrite(state.user.role));
}

/** For non-React code that records an entry: the actor's name, or undefined when locked. */
export function currentActorName(): string | undefined {
  return currentSessionUser()?.name;
}
