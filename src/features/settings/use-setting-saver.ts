import { useCallback } from 'react';
import { useSaveEntry, type SaveEntry } from '../forms/use-save-entry.ts';

export type SettingSaver = SaveEntry & {
  /** Wraps a field's setter: an edit after a save (or a failure) starts a new entry. */
  readonly edit: <T>(set: (value: T) => void) => (value: T) => void;
};

export function useSettingSaver(): SettingSaver {
  const saver = useSaveEntry();
  const { state, reset } = saver;
  const edit = useCallback(
    <T,>(set: (value: T) => void) =>
      (value: T) => {
        if (state.status === 'saved' || state.status === 'failed') reset();
        set(value);
      },
    [state.status, reset],
  );
  return { ...saver, edit };
}
