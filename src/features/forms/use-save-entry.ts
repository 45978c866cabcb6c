import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { warmAppend, type SavedEntry } from '../../db/append-entry.ts';
import type { StorageErrorCode } from '../../db/storage-errors.ts';
import type { EntryId } from '../../domain/ids.ts';
import { getDb, useSessionStore } from '../session/index.ts';
import { entryDraft, freshEntryId, saveDraft, type SaveOptions, type ScreenDraft } from './save-entry.ts';

const SAVING_SHOWN_AFTER_MS = 150;

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly saved: SavedEntry }
  | { readonly status: 'failed'; readonly error: StorageErrorCode | 'session-locked' };

/** The one idle state: a form that passes it down keeps its memoised children's props unchanged. */
export const IDLE_SAVE: SaveState = { status: 'idle' };

export type SaveEntry = {
  readonly state: SaveState;
  /** Saves the draft; resolves with the saved entry or undefined. Ignored while a save runs. */
  readonly save: (draft: ScreenDraft, options?: SaveOptions) => Promise<SavedEntry | undefined>;
  /** Starts a new entry: the next save gets a new id. */
  readonly reset: () => void;
};

/**
 * The save button's state machine: idle → saving → saved | failed. "Tersimpan" is shown only from
 * `saved`, which is set only after the IndexedDB commit resolved. The id lives until `reset()`, so
 * a retry after a failure, or a second tap after a success, cannot make a second entry.
 */
export function useSaveEntry(samples?: () => readonly ScreenDraft[]): SaveEntry {
  // Read the session without throwing: the phone may lock (idle, hidden) while a form is open.
  const actor = useSessionStore((session) => session.user?.name);
  const [state, setState] = useState<SaveState>(IDLE_SAVE);
  const idRef = useRef<EntryId | null>(null);
  const busyRef = useRef(false);

  const save = useCallback(
    async (draft: ScreenDraft, options: SaveOptions = {}) => {
      if (busyRef.current) return undefined;
      if (actor === undefined) {
        setState({ status: 'failed', error: 'session-locked' });
        return undefined;
      }
      busyRef.current = true;
      idRef.current ??= freshEntryId();
      // "Menyimpan…" only for a save that takes a while: most end within a frame or two, and
      // re-rendering the whole form for it delayed "Tersimpan" by as much. A second tap meanwhile
      // is ignored (busyRef) and could not make a second entry anyway (same id).
      const showSaving = setTimeout(() => setState({ status: 'saving' }), SAVING_SHOWN_AFTER_MS);
      try {
        const result = await saveDraft(getDb(), draft, actor, idRef.current, options);
        if (result.ok) {
          // Rendered at once, before the live queries that the commit woke re-render the screen:
          // "Tersimpan" is in the next frame, the refreshed lists and balances follow.
          flushSync(() => setState({ status: 'saved', saved: result.value }));
          return result.value;
        }
        setState({ status: 'failed', error: result.error });
        return undefined;
      } finally {
        clearTimeout(showSaving);
        busyRef.current = false;
      }
    },
    [actor],
  );

  // Identity, key and chain head read while the form is open: the tap starts with signing. With
  // samples of what the form saves, also dry signatures and the rows their fold will touch, so the
  // first save after unlock is as quick as the next ones (append-entry.ts `warmAppend`).
  const samplesRef = useRef(samples);
  useEffect(() => {
    const drafts = samplesRef.current?.() ?? [];
    const warm = actor === undefined ? [] : drafts.map((draft) => entryDraft(draft, actor, freshEntryId()));
    warmAppend(getDb(), warm).catch(() => undefined);
  }, [actor]);

  const reset = useCallback(() => {
    idRef.current = null;
    setState(IDLE_SAVE);
  }, []);

  return { state, save, reset };
}
