/**
 * Recording an entry from a screen. The screen hands over the business facts (type, data, date);
 * the actor is the unlocked user; the entry id is made once per save attempt and reused on a retry or
 * a second tap, so a double tap can never record the same deposit twice (appendEntry answers an
 * existing id with the entry already saved).
 */
import { appendEntry, type EntryDraft, type SavedEntry } from '../../db/append-entry.ts';
import type { LumbungDb } from '../../db/database.ts';
import type { StorageResult } from '../../db/storage-errors.ts';
import type { EntryData, EntryType } from '../../domain/entry/schema.ts';
import { newEntryId, type EntryId } from '../../domain/ids.ts';
import { requestPersistence } from '../device/storage.ts';
import { afterPaint } from './after-paint.ts';
import { notifyEntrySaved } from './saved-listeners.ts';
import { whenIdle } from './when-idle.ts';

/** What a screen fills in: everything but the actor and the id. */
export type ScreenDraft = {
  [T in EntryType]: { type: T; data: EntryData<T>; date: string };
}[EntryType];

export type SaveOptions = {
  /** Give the entry a receipt number (money a member takes a kuitansi for). */
  readonly receipt?: boolean;
};

let persistenceAsked = false;

/**
 * The first save of a session asks the browser to keep this site's data (a cheap phone evicts
 * storage under pressure otherwise). Asked after a save, not on load: Chrome grants it more readily
 * to a site the user has engaged with.
 */
function askPersistenceOnce(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  requestPersistence().catch(() => undefined);
}

/** A screen's draft as the db layer takes it: recorded by `actor`, under `id`. */
export const entryDraft = (draft: ScreenDraft, actor: string, id: EntryId): EntryDraft => ({ ...draft, actor, id });

/** Saves one draft as `actor` with the given id. Used by useSaveEntry and by batch screens. */
export async function saveDraft(
  db: LumbungDb,
  draft: ScreenDraft,
  actor: string,
  id: EntryId,
  options: SaveOptions = {},
): Promise<StorageResult<SavedEntry>> {
  const full = entryDraft(draft, actor, id);
  // No Web Lock (a browser round trip per tap; the transaction's head check keeps the chain
  // whole), and the screens' live queries hear of the commit after the frame showing the outcome.
  const result = await appendEntry(db, full, {
    locks: null,
    tellLiveQueries: afterPaint,
    ...(options.receipt === true ? { receipt: true } : {}),
  });
  if (result.ok) {
    whenIdle(askPersistenceOnce);
    notifyEntrySaved();
  }
  return result;
}

export const freshEntryId = (): EntryId => newEntryId();
