import { useState } from 'react';
import type { Flag } from '../../domain/ledger/index.ts';
import { flagsIfSaved } from '../corrections/flag-preview.ts';
import type { SaveEntry, SaveState, ScreenDraft } from '../forms/index.ts';
import { getDb } from '../session/index.ts';

export type FlaggedSave = {
  readonly state: SaveState;
  readonly reset: () => void;
  readonly busy: boolean;
  /** The flags the draft would earn, while the treasurer is asked to confirm; null otherwise. */
  readonly confirming: Flag[] | null;
  /** Saves the draft with a receipt number, or first asks to confirm when it would be flagged. */
  readonly submit: (draft: ScreenDraft | undefined) => Promise<void>;
  /** The treasurer confirmed: saves the draft as it is now. */
  readonly confirm: (draft: ScreenDraft | undefined) => Promise<void>;
  readonly cancel: () => void;
};

/**
 * A loan's disbursal and its repayments are money a member takes a kuitansi for, and either may be
 * a fact the ledger flags (a loan to a member who left, paying beyond what is owed): the treasurer
 * sees the warning first, exactly the flag the entry would get (`flagsIfSaved`), and saves after
 * confirming. The save itself (`useSaveEntry`) belongs to the form's outer component, which shows
 * the outcome card while the fields stay mounted, hidden (RepayForm, DisburseForm).
 */
export function useFlaggedSave({ state, save, reset }: SaveEntry): FlaggedSave {
  const [confirming, setConfirming] = useState<Flag[] | null>(null);
  const busy = state.status === 'saving';

  async function submit(draft: ScreenDraft | undefined) {
    if (draft === undefined || busy) return;
    const flags = await flagsIfSaved(getDb(), draft);
    if (flags.length > 0) setConfirming(flags);
    else await save(draft, { receipt: true });
  }

  async function confirm(draft: ScreenDraft | undefined) {
    setConfirming(null);
    if (draft !== undefined) await save(draft, { receipt: true });
  }

  return { state, reset, busy, confirming, submit, confirm, cancel: () => setConfirming(null) };
}
