import { useEffect, useId, useState } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import type { Entry } from '../../domain/entry/schema.ts';
import type { Flag } from '../../domain/ledger/index.ts';
import { ConfirmDialog, FlagNote, SaveFeedback, flagMessages, useSaveEntry } from '../forms/index.ts';
import { getDb } from '../session/index.ts';
import { flagsIfSaved } from './flag-preview.ts';
import { correctionsMessages } from './messages.ts';

const REASON_MAX = 200;

type ReasonCheck = { ok: true; reason: string } | { ok: false; error: 'reasonRequired' | 'reasonTooLong' };

export function checkReason(text: string): ReasonCheck {
  const reason = text.trim().replace(/\s+/g, ' ');
  if (reason === '') return { ok: false, error: 'reasonRequired' };
  if (reason.length > REASON_MAX) return { ok: false, error: 'reasonTooLong' };
  return { ok: true, reason };
}

/**
 * "Batalkan entri ini": a reason (required), a confirmation that names any review flag the ledger
 * would raise (reversing a deposit already withdrawn, a disbursal with repayments), then one
 * `entry.reversed` entry. The original is never touched; the screen re-reads it as reversed.
 * `blocked` says why this entry cannot be reversed (already reversed, itself a reversal, read-only
 * user); the button then stays visible but disabled, with that sentence under it.
 */
export function ReverseForm({ target, blocked }: { readonly target: Entry; readonly blocked: string | null }) {
  const m = correctionsMessages.useMessages();
  const reasons = flagMessages.useMessages();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [warnings, setWarnings] = useState<Flag[]>([]);
  const { state, save } = useSaveEntry();
  const check = checkReason(text);
  const showError = !check.ok && touched;

  useEffect(() => {
    if (!confirming || !check.ok) return undefined;
    let live = true;
    const date = todayInJakarta();
    void flagsIfSaved(getDb(), { type: 'entry.reversed', date, data: { entryId: target.id, reason: check.reason } }, target.lines).then(
      (flags) => {
        if (live) setWarnings(flags);
      },
    );
    return () => {
      live = false;
    };
  }, [confirming, check.ok, target]);

  if (state.status === 'saved') {
    return (
      <section className="card" aria-labelledby={`${id}-done`}>
        <h2 id={`${id}-done`} className="card__title">
          {m.reverse.done}
        </h2>
        <SaveFeedback state={state} />
        <FlagNote flags={state.saved.flags} />
        <p>{m.reverse.redo}</p>
      </section>
    );
  }

  if (blocked !== null) {
    // Shown disabled rather than hidden, with the reason, so no one hunts for the missing button.
    return (
      <div className="card">
        <p className="actions">
          <button type="button" className="button" disabled aria-describedby={`${id}-blocked`}>
            {m.reverse.open}
          </button>
        </p>
        <p id={`${id}-blocked`} className="hint">
          {blocked}
        </p>
      </div>
    );
  }

  if (!open) {
    return (
      <p className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {m.reverse.open}
        </button>
      </p>
    );
  }

  async function record() {
    setConfirming(false);
    if (!check.ok) return;
    await save({ type: 'entry.reversed', date: todayInJakarta(), data: { entryId: target.id, reason: check.reason } });
  }

  return (
    <form
      className="card"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (check.ok && state.status !== 'saving') setConfirming(true);
      }}
    >
      <h2 id={`${id}-title`} className="card__title">
        {m.reverse.title}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          {m.reverse.reasonLabel}
        </label>
        <textarea
          id={`${id}-reason`}
          className="field__input"
          rows={3}
          value={text}
          aria-invalid={showError}
          aria-describedby={`${id}-hint${showError ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            setTouched(true);
          }}
          onBlur={() => setTouched(true)}
        />
        <p id={`${id}-hint`} className="field__hint">
          {m.reverse.reasonHint}
        </p>
        {showError ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {m.reverse[check.error]}
          </p>
        ) : null}
      </div>
      <SaveFeedback state={state} />
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={!check.ok || state.status === 'saving'}>
          {m.reverse.save}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {m.reverse.cancel}
        </button>
      </p>
      <ConfirmDialog
        open={confirming}
        title={m.reverse.confirmTitle}
        confirmLabel={m.reverse.confirmYes}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void record()}
      >
        <p>{m.reverse.confirmBody}</p>
        {warnings.length === 0 ? null : (
          <>
            <p>{m.reverse.warnings}</p>
            <ul className="plain-list" data-testid="reverse-warnings">
              {warnings.map((flag) => (
                <li key={flag.reason}>{reasons[flag.reason]}</li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </form>
  );
}
