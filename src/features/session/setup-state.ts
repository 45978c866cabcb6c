/**
 * How far this phone is set up: no identity yet (welcome), an identity but no user (create the first
 * one), or ready for the lock screen. Read live, so finishing a step moves the gate on by itself.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LumbungDb } from '../../db/database.ts';
import { readMeta } from '../../db/meta.ts';
import { getDb } from './database.ts';

export type SetupState =
  | { readonly kind: 'new' }
  | { readonly kind: 'no-user'; readonly mode: 'local' | 'enrolled' }
  | { readonly kind: 'ready'; readonly mode: 'local' | 'enrolled' }
  | { readonly kind: 'failed' };

export async function readSetupState(db: LumbungDb): Promise<SetupState> {
  try {
    return await db.transaction('r', db.meta, db.users, async () => {
      const identity = await readMeta(db, 'identity');
      if (identity === undefined) return { kind: 'new' };
      const users = await db.users.count();
      return users === 0 ? { kind: 'no-user', mode: identity.mode } : { kind: 'ready', mode: identity.mode };
    });
  } catch {
    // IndexedDB blocked (private mode), or a damaged identity row: the screen says so instead of a blank page.
    return { kind: 'failed' };
  }
}

export function useSetupState(): SetupState | undefined {
  return useLiveQuery(() => readSetupState(getDb()), []);
}
