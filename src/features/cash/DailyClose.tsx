import { useId, useState } from 'react';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { AmountField, ConfirmDialog, FlagNote, SaveFeedback, useAmountInput, useSaveEntry } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { useCanWrite } from '../session/index.ts';
import { closeDraft, closeMemo, closeOutcome, type CloseOutcome } from './cash-close.ts';
import { DenominationCounter } from './DenominationCounter.tsx';
import { cashMessages } from './messages.ts';
import { balanceOf, useCashToday } from './use-cash-today.ts';

/** /kas/tutup-harian: count the cash box at the end of the day; a difference is recorded once confirmed. */
export function DailyClose() {
  const m = cashMessages.useMessages();
  const canWrite = useCanWrite();
  const noteId = useId();
  const today = todayInJakarta();
  const cash = useCashToday(today);
  const book = balanceOf(cash, 'cash');
  const counted = useAmountInput({ allowZero: true });
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { state, save } = useSaveEntry();

  const outcome: CloseOutcome | undefined =
    book === undefined || counted.value === undefined ? undefined : closeOutcome(book, counted.value);

  const explain = (o: CloseOutcome): string => {
    switch (o.kind) {
      case 'match':
        return m.close.match;
      case 'over':
        return `${m.close.over(formatRupiah(o.difference))} ${m.close.overWill}`;
      case 'short':
        return `${m.close.short(formatRupiah(o.difference))} ${m.close.shortWill}`;
    }
  };

  async function record() {
    setConfirming(false);
    if (outcome === undefined || outcome.kind === 'match' || book === undefined || counted.value === undefined) return;
    const draft = closeDraft(today, outcome, closeMemo(outcome, today, counted.value, book, note));
    if (draft !== undefined) await save(draft, { receipt: true });
  }

  return (
    <article className="page">
      <h1 className="page__title">{m.close.title}</h1>
      <p>{m.close.intro}</p>
      <p>
        <Link to="/kas">{m.close.back}</Link>
      </p>
      <section className="card">
        <p className="hint">{formatDateId(today)}</p>
        {book === undefined ? (
          <p className="hint">{m.close.loading}</p>
        ) : (
          <p className="cash-close__book">
            {m.close.book}: <strong data-testid="cash-close-book">{formatRupiah(book)}</strong>
          </p>
        )}
      </section>
      {state.status === 'saved' ? (
        <section className="card" aria-live="polite">
          <SaveFeedback state={state} />
          <FlagNote flags={state.saved.flags} />
          <p>{m.close.done}</p>
          <p className="actions">
            <Link to={`/kuitansi/${state.saved.entry.id}`} className="button">
              {m.receipt}
            </Link>
            <Link to="/kas" className="button">
              {m.close.back}
            </Link>
          </p>
        </section>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            counted.touch();
            if (outcome !== undefined && outcome.kind !== 'match' && canWrite) setConfirming(true);
          }}
        >
          <AmountField label={m.close.counted} hint={m.close.countedHint} input={counted} />
          <DenominationCounter onUse={(total) => counted.setText(formatThousands(total))} />
          {outcome === undefined ? null : (
            <p className={outcome.kind === 'match' ? 'notice' : 'notice notice--warning'} role="status" data-testid="cash-close-outcome">
              {explain(outcome)}
            </p>
          )}
          {outcome === undefined || outcome.kind === 'match' ? null : (
            <div className="field">
              <label className="field__label" htmlFor={noteId}>
                {m.close.note}
              </label>
              <input
                id={noteId}
                className="field__input"
                type="text"
                value={note}
                aria-describedby={`${noteId}-hint`}
                onChange={(event) => setNote(event.target.value)}
              />
              <p id={`${noteId}-hint`} className="field__hint">
                {m.close.noteHint}
              </p>
            </div>
          )}
          <SaveFeedback state={state} />
          {canWrite ? (
            <p className="actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={outcome === undefined || outcome.kind === 'match' || state.status === 'saving'}
              >
                {m.close.record}
              </button>
            </p>
          ) : (
            <p className="notice">{m.readOnly}</p>
          )}
          <ConfirmDialog
            open={confirming}
            title={m.close.confirmTitle}
            confirmLabel={m.close.confirmYes}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void record()}
          >
            {outcome === undefined ? null : <p>{explain(outcome)}</p>}
          </ConfirmDialog>
        </form>
      )}
    </article>
  );
}
