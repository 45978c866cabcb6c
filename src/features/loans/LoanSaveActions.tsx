import type { Flag } from '../../domain/ledger/index.ts';
import { ConfirmDialog, SaveFeedback, type ScreenDraft } from '../forms/index.ts';
import type { FlaggedSave } from './use-flagged-save.ts';

type Texts = { readonly save: string; readonly confirmTitle: string; readonly confirmSave: string; readonly confirmFlagged: string };

type Props = {
  readonly flagged: FlaggedSave;
  /** The form's own words: its save button and its "save anyway?" dialog. */
  readonly texts: Texts;
  /** The form is not valid yet. */
  readonly disabled: boolean;
  /** The entry as the form shows it now, built again when the treasurer confirms. */
  readonly draft: () => ScreenDraft | undefined;
  /** What each flag means to the treasurer. */
  readonly describe: (flag: Flag) => string;
  readonly testId: string;
};

/**
 * The foot of a loan form: the save state, the save button, and the dialog that lists the flags
 * the entry would earn (a loan to a member who left, paying beyond what is owed) before it is
 * saved anyway.
 */
export function LoanSaveActions({ flagged, texts, disabled, draft, describe, testId }: Props) {
  return (
    <>
      <SaveFeedback state={flagged.state} />
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={disabled || flagged.busy}>
          {texts.save}
        </button>
      </p>
      <ConfirmDialog
        open={flagged.confirming !== null}
        title={texts.confirmTitle}
        confirmLabel={texts.confirmSave}
        onCancel={flagged.cancel}
        onConfirm={() => void flagged.confirm(draft())}
      >
        <ul className="plain-list" data-testid={testId}>
          {(flagged.confirming ?? []).map((flag) => (
            <li key={flag.reason}>{describe(flag)}</li>
          ))}
        </ul>
        <p>{texts.confirmFlagged}</p>
      </ConfirmDialog>
    </>
  );
}
