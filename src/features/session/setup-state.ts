/**
 * How far this phone is set up: no identity yet (welcome), an identity but no user (create the first
 * one), or ready for the lock screen. The gate watches it live (gate-state.ts), so finishing a step
 * moves the gate on by itself.
 */
import type { LumbungDb } from '../../db/database.ts';

export type SetupState =
  | { readonly kind: 'new' }
  | { readonly kind: 'no-user'; readonly mode: 'local' | 'enrolled' }
  | { readonly kind: 'ready'; readonly mode: 'local' | 'enrolled' }
  | { readonly kind: 'failed' };

export async function readSetupState(db: LumbungDb): Promise<SetupState> {
  try {
    return await db.transaction('r', db.meta, db.users, async () => {
      // Only the mode is read here, by hand: the gate runs on every start and the full identity
      // schema (zod) would weigh on that first load (docs/performance.md). Screens past the gate
      // read the identity through readMeta, which validates all of it.
      const row = await db.meta.get('identity');
      if (row === undefined) return { kind: 'new' };
      const mode = identityMode(row.value);
      if (mode === undefined) return { kind: 'failed' };
      const users = await db.users.count();
      return users === 0 ? { kind: 'no-user', mode } : { kind: 'ready', mode };
    });
  } catch {
    // IndexedDB blocked (private mode), or a damaged identity row: the screen says so instead of a blank page.
    return { kind: 'failed' };
  }
}

/** The identity's mode, read by hand (also by the raw first read, setup-probe.ts). */
export function identityMode(value: unknown): 'local' | 'enrolled' | undefined {
  if (typeof value !== 'object' || value === null || !('mode' in value)) return undefined;
  return value.mode === 'local' || value.mode === 'enrolled' ? value.mode : undefined;
}
