import type { ReactNode, SyntheticEvent } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import type { EntryData } from '../../domain/entry/schema.ts';
import { SaveFeedback } from '../forms/SaveFeedback.tsx';
import type { SaveEntry } from '../forms/use-save-entry.ts';
import { useCanWrite } from '../session/use-session.ts';
import { settingsMessages } from './messages.ts';

type SettingValue = EntryData<'settings.changed'>['value'];

type Props = {
  readonly title: string;
  readonly hint?: string;
  readonly settingKey: string;
  /** The value to record, or undefined while the form is not valid (the button stays disabled). */
  readonly value: SettingValue | undefined;
  readonly saver: SaveEntry;
  readonly saveLabel?: string;
  readonly children: ReactNode;
};

/**
 * One setting as one form: its fields, a save button enabled only when the value is valid, and the
 * save's outcome. Saving records a `settings.changed` entry dated today, so the change is in the
 * ledger (and syncs) like any other fact. Editing after a save starts a new entry (the screen calls
 * `saver.reset()` on change), so "Tersimpan" always refers to what is on screen.
 */
export function SettingForm({ title, hint, settingKey, value, saver, saveLabel, children }: Props) {
  const m = settingsMessages.useMessages();
  const canWrite = useCanWrite();
  const headingId = `setting-${settingKey}`;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (value === undefined || !canWrite) return;
    void saver.save({ type: 'settings.changed', date: todayInJakarta(), data: { key: settingKey, value } });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <h2 id={headingId} className="card__title">
          {title}
        </h2>
        {hint === undefined ? null : <p className="hint">{hint}</p>}
        {children}
        {canWrite ? (
          <button type="submit" className="button button--primary" disabled={value === undefined || saver.state.status === 'saving'}>
            {saveLabel ?? m.save}
          </button>
        ) : null}
        <SaveFeedback state={saver.state} />
      </form>
    </section>
  );
}
