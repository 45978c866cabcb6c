import { useState } from 'react';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { ConfirmDialog, DateField, FlagNote, SaveFeedback, useDateInput, useSaveEntry } from '../forms/index.ts';
import { reportsMessages } from '../reports/messages.ts';
import { ReportShell } from '../reports/ReportShell.tsx';
import { shuSections } from '../reports/shu-sections.ts';
import { useShuReport } from '../reports/use-shu-report.ts';
import { lastYear, YearField, useYearInput } from '../reports/YearField.tsx';
import { useCanWrite } from '../session/index.ts';
import { closingPreview } from './closing-preview.ts';
import { closingMessages } from './messages.ts';

/**
 * /tutup-buku: the SHU of a year (default: last year) split into funds and members' shares, the
 * warnings that apply, and — after confirmation — the `year.closed` entry made from that same split.
 * A year is closed once; a year that has not ended cannot be closed (both would put wrong numbers
 * in the books, so the screen refuses rather than records a flagged entry).
 */
export default function ClosingPage() {
  const m = closingMessages.useMessages();
  const r = reportsMessages.useMessages();
  const canWrite = useCanWrite();
  const yearInput = useYearInput(lastYear());
  const year = yearInput.year;
  const date = useDateInput(todayInJakarta());
  const [confirming, setConfirming] = useState(false);
  const { state, save, reset } = useSaveEntry();
  const data = useShuReport(
    year,
    // What the SHU report reads (use-shu-report.ts): the SHU read model's chunks and the small reads
    // every report gets, not the member rows and member months.
    ({ state, report, labelOf }) => {
      const preview = closingPreview(state, report);
      return { preview, sections: shuSections(preview.result, r, (memberId) => labelOf(memberId) ?? r.unknownMember) };
    },
    [r],
  );

  const preview = data?.preview;
  const thisYear = Number(todayInJakarta().slice(0, 4));
  const earliest = year === undefined ? undefined : `${year}-12-31`;
  const dateTooEarly = date.date !== undefined && earliest !== undefined && date.date < earliest;
  const closed = preview !== undefined && preview.closedOn.length > 0;
  const notEnded = year !== undefined && year >= thisYear;
  const canClose = canWrite && preview !== undefined && !closed && !notEnded && date.date !== undefined && !dateTooEarly && state.status !== 'saving';
  const membersOwed = preview === undefined ? 0 : preview.closing.members.reduce((sum, each) => sum + each.capital + each.patronage, 0);

  async function close() {
    setConfirming(false);
    if (preview === undefined || date.date === undefined) return;
    await save({ type: 'year.closed', date: date.date, data: preview.closing });
  }

  return (
    <ReportShell
      title={year === undefined ? m.title : m.printTitle(year)}
      period={null}
      fileStem={`shu-${year ?? ''}`}
      backTo="/lainnya"
      backLabel={m.back}
      controls={
        <YearField
          input={{
            ...yearInput,
            setText: (text) => {
              yearInput.setText(text);
              if (state.status !== 'idle') reset();
            },
          }}
        />
      }
      sections={data?.sections}
      problem={year === undefined ? null : undefined}
    >
      {preview === undefined || year === undefined ? null : (
        <>
          <p className="no-print">{m.intro}</p>
          <section className="card closing-summary" aria-live="polite">
            <p className="closing-summary__shu">
              {m.shuOfYear(year)}: <strong data-testid="closing-shu">{formatRupiah(preview.result.shu)}</strong>
            </p>
            <p className="hint">
              {m.revenue} {formatRupiah(preview.revenue)} − {m.expense} {formatRupiah(preview.expense)}
            </p>
            <p className="hint">{m.allocationNote}</p>
          </section>
          <ul className="notice plain-list no-print" data-testid="closing-warnings">
            {closed ? <li>{m.warnings.closed(year, preview.closedOn.map(formatDateId).join(', '))}</li> : null}
            {notEnded ? <li>{m.warnings.notEnded(year)}</li> : null}
            {preview.result.shu <= 0 ? <li>{m.warnings.noShu}</li> : null}
            <li>{m.warnings.later(year)}</li>
          </ul>
          {preview.closing.funds.length === 0 ? null : (
            <section className="card no-print">
              <h2>{m.willRecord}</h2>
              <ul className="plain-list" data-testid="closing-record">
                {preview.closing.funds.map((fund) => (
                  <li key={fund.fund}>{m.fundLine(r.funds[fund.fund], formatRupiah(fund.amount))}</li>
                ))}
                <li>{m.membersOwed(formatRupiah(rupiah(membersOwed)), preview.closing.members.length)}</li>
              </ul>
            </section>
          )}
          {state.status === 'saved' ? (
            <section className="card no-print" aria-live="polite">
              <SaveFeedback state={state} />
              <FlagNote flags={state.saved.flags} />
              <p>{m.done(year)}</p>
            </section>
          ) : !canWrite ? (
            <p className="notice no-print">{m.readOnly}</p>
          ) : closed || notEnded ? null : (
            <form
              className="no-print"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (canClose) setConfirming(true);
              }}
            >
              <DateField label={m.date} input={date} {...(earliest === undefined ? {} : { min: earliest })} />
              {dateTooEarly && earliest !== undefined ? (
                <p className="field__error" role="alert">
                  {m.dateTooEarly(formatDateId(earliest))}
                </p>
              ) : null}
              <SaveFeedback state={state} />
              <p className="actions">
                <button type="submit" className="button button--primary" disabled={!canClose}>
                  {m.close(year)}
                </button>
              </p>
              <ConfirmDialog
                open={confirming}
                title={m.confirmTitle(year)}
                confirmLabel={m.confirmYes}
                onCancel={() => setConfirming(false)}
                onConfirm={() => void close()}
              >
                <p>{m.confirmBody(formatRupiah(preview.result.shu))}</p>
              </ConfirmDialog>
            </form>
          )}
        </>
      )}
    </ReportShell>
  );
}
