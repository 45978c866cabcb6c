/**
 * Opening the store as a typed result, for the start-up screen: a corrupt backing store
 * (`UnknownError`), a browser without IndexedDB (some private modes) or a newer version held by
 * another tab become `storage-unavailable` / `version-changed` instead of an exception. The database
 * is never deleted here: it may hold entries that exist nowhere else.
 */
import type { LumbungDb } from './database.ts';
import { classifyStorageError, type StorageResult } from './storage-errors.ts';

export async function openStore(db: LumbungDb): Promise<StorageResult<{ version: number }>> {
  try {
    await db.open();
    return { ok: true, value: { version: db.verno } };
  } catch (error) {
    return classifyStorageError(error);
  }
}
