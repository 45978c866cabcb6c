/**
 * The gate's first read, in raw IndexedDB: the identity's mode and the names on the lock screen, in
 * one read-only transaction. The first screen (welcome, first user, lock screen) is drawn from it,
 * so a warm start does not compile, run and open Dexie (~100 KB of script) before the treasurer
 * sees that screen (docs/performance.md §1). Dexie takes over right after (gate-state.ts).
 *
 * Only a fast path: whatever it cannot read with certainty — a store missing, an odd row, an error —
 * it answers `undefined`, and the gate waits for Dexie's reading (`readSetupState`), which is the
 * one that decides and that reports a broken store.
 */
import type { LockUser } from '../users/lock-users.ts';
import { activeLockEnd } from '../../domain/pin-lock.ts';
import { identityMode, type SetupState } from './setup-state.ts';

export type GateSnapshot = { readonly setup: SetupState; readonly lockUsers: readonly LockUser[] };

const NEW_PHONE: GateSnapshot = { setup: { kind: 'new' }, lockUsers: [] };
const ROLES: readonly string[] = ['bendahara', 'ketua', 'pengawas'] satisfies readonly LockUser['role'][];

export function probeGate(name: string, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<GateSnapshot | undefined> {
  return new Promise((resolve) => {
    if (factory === undefined) {
      resolve(undefined);
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      // No version: opens the database as it is, whatever version this build's Dexie schema has.
      request = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    let created = false;
    request.onupgradeneeded = () => {
      // The database does not exist: a new phone. Abort, so that it is not created empty here
      // (Dexie creates it with its tables when the treasurer starts).
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      // Handled here: keep the abort from being reported as an uncaught error.
      event.preventDefault();
      resolve(created ? NEW_PHONE : undefined);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up Dexie's upgrade of the schema.
      db.onversionchange = () => db.close();
      read(db)
        .then(resolve, () => resolve(undefined))
        .finally(() => db.close());
    };
  });
}

function read(db: IDBDatabase): Promise<GateSnapshot | undefined> {
  return new Promise((resolve, reject) => {
    if (!db.objectStoreNames.contains('meta') || !db.objectStoreNames.contains('users')) {
      resolve(undefined);
      return;
    }
    const tx = db.transaction(['meta', 'users'], 'readonly');
    const identity = tx.objectStore('meta').get('identity');
    // The `name` index: the same order as the lock screen's live query (`orderBy('name')`).
    const users = tx.objectStore('users').index('name').getAll();
    // Requests of a transaction succeed in order, so both are read here; waiting for the read-only
    // transaction's `complete` would only cost the first screen one more task.
    users.onsuccess = () => resolve(snapshot(identity.result, users.result));
    tx.onerror = () => reject(tx.error ?? new Error('setup probe failed'));
    tx.onabort = () => reject(tx.error ?? new Error('setup probe aborted'));
  });
}

function snapshot(identityRow: unknown, userRows: unknown[]): GateSnapshot | undefined {
  if (identityRow === undefined) return NEW_PHONE;
  const mode = identityMode(isRecord(identityRow) ? identityRow.value : undefined);
  if (mode === undefined) return undefined;
  const lockUsers: LockUser[] = [];
  for (const row of userRows) {
    const user = lockUser(row);
    if (user === undefined) return undefined;
    lockUsers.push(user);
  }
  return { setup: lockUsers.length === 0 ? { kind: 'no-user', mode } : { kind: 'ready', mode }, lockUsers };
}

function lockUser(row: unknown): LockUser | undefined {
  if (!isRecord(row)) return undefined;
  const { id, name, role, lockedUntil } = row;
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role)) return undefined;
  if (lockedUntil !== undefined && typeof lockedUntil !== 'number') return undefined;
  // Over, or void (set by a clock that ran ahead: domain/pin-lock.ts): not shown as locked.
  return { id, name, role, lockedUntil: activeLockEnd(lockedUntil, Date.now()) };
}

function isRole(value: unknown): value is LockUser['role'] {
  return typeof value === 'string' && ROLES.includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
