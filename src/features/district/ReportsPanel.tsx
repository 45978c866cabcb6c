import { useId, useState, type SyntheticEvent } from 'react';
import { formatDateId, isValidBusinessDate, todayInJakarta } from '../../domain/dates.ts';
import { DateField, type DateInput } from '../forms/DateField.tsx';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages, type DistrictMessages } from './messages.ts';
import { loadReport } from './report-loader.ts';
import {
  defaultInputs,
  DISTRICT_REPORTS,
  isDistrictReport,
  reportProblems,
  reportRequest,
  VIA_CHOICES,
  type DistrictReport,
  type ReportInputs,
  type ReportProblem,
  type ReportRequest,
  type ViaChoice,
} from './report-request.ts';
import { TextField } from './TextField.tsx';
import { useAdminQuery } from './use-admin-query.ts';
import type { MemberNames } from './member-names.ts';
import { loadedSections } from './report-sections.ts';
import { ReportSections } from './ReportSections.tsx';
import { useLanguageStore } from '../../i18n/language-store.ts';

type Props = {
  readonly cooperativeId: string;
  /** For the export file names: `ksp-maju-bersama-balance-sheet-2026-11-29.csv`. */
  readonly fileStem: string;
  readonly names: MemberNames;
  /** Changes when the cooperative's entries may have changed (after an import), to fetch again. */
  readonly version: number;
};

function problemText(problem: ReportProblem | undefined, m: DistrictMessages): string | null {
  return problem === undefined ? null : m.reports[problem];
}

/** The period the shown report covers, in words, for its heading (and the printed page). */
function period(request: ReportRequest, m: DistrictMessages): string {
  const q = request.query;
  const d = (date: string | undefined): string => (date === undefined ? '' : formatDateId(date));
  switch (request.report) {
    case 'balance-sheet':
    case 'members':
    case 'loans':
      return `${m.reports.asOf} ${d(q.asOf)}`;
    case 'income-statement':
    case 'cash-book':
      return `${d(q.from)} – ${d(q.to)}${q.via === undefined ? '' : ` (${m.reports.vias[q.via as ViaChoice]})`}`;
    case 'shu':
      return `${m.reports.year} ${q.year ?? ''}`;
  }
}

/**
 * The cooperative's CONTRACT §8 reports, fetched from the server (the same `runReport` the phone
 * runs offline). The parameters are checked as typed; the report shown is always the one whose
 * parameters are named in its heading.
 */
export function ReportsPanel({ cooperativeId, fileStem, names, version }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const selectId = useId();
  const viaId = useId();
  const [report, setReport] = useState<DistrictReport>('balance-sheet');
  const [inputs, setInputs] = useState<ReportInputs>(() => defaultInputs(todayInJakarta()));
  const [requested, setRequested] = useState<ReportRequest>(() => ({ report: 'balance-sheet', query: { asOf: todayInJakarta() } }));
  const query = useAdminQuery(() => loadReport(client, cooperativeId, requested), `${cooperativeId}|${String(version)}|${JSON.stringify(requested)}`);

  const problems = reportProblems(report, inputs);
  const next = reportRequest(report, inputs);
  const dateInput = (field: 'asOf' | 'from' | 'to'): DateInput => ({
    value: inputs[field],
    setValue: (value) => setInputs((i) => ({ ...i, [field]: value })),
    date: isValidBusinessDate(inputs[field]) ? inputs[field] : undefined,
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (next !== undefined) setRequested(next);
  };

  const usesAsOf = report === 'balance-sheet' || report === 'members' || report === 'loans';
  const usesRange = report === 'income-statement' || report === 'cash-book';
  const state = query.state;
  return (
    <section className="card district-section district-reports" aria-labelledby="reports-title">
      <h2 id="reports-title" className="card__title">
        {m.reports.title}
      </h2>
      <p className="hint">{m.reports.intro}</p>
      <form noValidate onSubmit={submit} className="district-report-form">
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {m.reports.report}
          </label>
          <select
            id={selectId}
            className="field__input"
            value={report}
            onChange={(event) => {
              if (isDistrictReport(event.target.value)) setReport(event.target.value);
            }}
          >
            {DISTRICT_REPORTS.map((name) => (
              <option key={name} value={name}>
                {m.reports.names[name]}
              </option>
            ))}
          </select>
        </div>
        {usesAsOf ? <DateField label={m.reports.asOf} input={dateInput('asOf')} /> : null}
        {usesRange ? (
          <>
            <DateField label={m.reports.from} input={dateInput('from')} />
            <DateField label={m.reports.to} input={dateInput('to')} />
            {problems.to === 'rangeReversed' ? (
              <p className="field__error" role="alert">
                {m.reports.rangeReversed}
              </p>
            ) : null}
          </>
        ) : null}
        {report === 'cash-book' ? (
          <div className="field">
            <label className="field__label" htmlFor={viaId}>
              {m.reports.via}
            </label>
            <select
              id={viaId}
              className="field__input"
              value={inputs.via}
              onChange={(event) => {
                const via = VIA_CHOICES.find((choice) => choice === event.target.value);
                if (via !== undefined) setInputs((i) => ({ ...i, via }));
              }}
            >
              {VIA_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {m.reports.vias[choice]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {report === 'shu' ? (
          <TextField
            label={m.reports.year}
            value={inputs.year}
            inputMode="numeric"
            onChange={(year) => setInputs((i) => ({ ...i, year }))}
            error={problemText(problems.year, m)}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={next === undefined}>
            {m.reports.show}
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            {m.reports.print}
          </button>
        </div>
      </form>
      <h3 data-testid="report-heading">
        {m.reports.names[requested.report]} — {period(requested, m)}
      </h3>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {m.loading}
        </p>
      ) : state.status === 'failed' ? (
        <p className="form-error" role="alert">
          {failureText(state.error, m)}
        </p>
      ) : (
        <div data-testid="report-body">
          <ReportSections sections={loadedSections(state.value, language, names)} fileStem={`${fileStem}-${requested.report}-${Object.values(requested.query).join('-')}`} />
        </div>
      )}
    </section>
  );
}
