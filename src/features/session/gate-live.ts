/**
 * The gate's live reading of the store, through Dexie: loaded after the first screen is shown
 * (gate-state.ts), so that finishing a step (trial mode started, first user created, a user added
 * or locked out) moves the gate and the lock screen on by themselves.
 */
import { liveQuery } from 'dexie';
import { readLockUsers, type LockUser } from '../users/lock-users.ts';
import { getDb } from './database.ts';
import { readSetupState, type SetupState } from './setup-state.ts';

export type LiveGate = {
  readonly onSetup: (setup: SetupState) => void;
  readonly onLockUsers: (users: readonly LockUser[]) => void;
};

/** Starts both live queries; returns the function that stops them. */
export function watchGate({ onSetup, onLockUsers }: LiveGate): () => void {
  const db = getDb();
  const setup = liveQuery(() => readSetupState(db)).subscribe({ next: onSetup, error: () => onSetup({ kind: 'failed' }) });
  // A failed read of the names leaves the lock screen's list as it was; unlocking reports its own error.
  const users = liveQuery(() => readLockUsers(db)).subscribe({ next: onLockUsers, error: () => undefined });
  return () => {
    setup.unsubscribe();
    users.unsubscribe();
  };
}
