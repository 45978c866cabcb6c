import { useState } from 'react';
import { addMonthsClamped, todayInJakarta } from '../../domain/dates.ts';
import type { LoanMethod } from '../../domain/entry/schema.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { Link } from '../navigation/link.tsx';
import { useCanWrite, useCooperative } from '../session/index.ts';
import { parseLoanDefaults } from './loan-defaults.ts';
import { LoanPageTitle } from './LoanPageTitle.tsx';
import { loansMessages } from './messages.ts';
import { MethodPicker } from './MethodPicker.tsx';
import { formatBpPercent } from './rate-input.ts';
import { ScheduleTable } from './ScheduleTable.tsx';
import { compareMethods, LOAN_METHODS, type MethodSummary } from './simulate.ts';
import { TermsFields } from './TermsFields.tsx';
import { useLoanTermsInput, usePrefillTerms } from './terms-input.ts';

type Row = { key: 'firstInstallment' | 'lastInstallment' | 'totalInterest' | 'totalPaid' | 'effective'; cell: (s: MethodSummary) => string };

const ROWS: readonly Row[] = [
  { key: 'firstInstallment', cell: (s) => formatRupiah(s.firstInstallment) },
  { key: 'lastInstallment', cell: (s) => formatRupiah(s.lastInstallment) },
  { key: 'totalInterest', cell: (s) => formatRupiah(s.totalInterest) },
  { key: 'totalPaid', cell: (s) => formatRupiah(s.totalPaid) },
  { key: 'effective', cell: (s) => (s.effectiveAnnualBp === null ? '—' : formatBpPercent(s.effectiveAnnualBp)) },
];

/**
 * `/pinjaman/simulasi`: the three methods side by side for the terms typed, and the full schedule
 * of the one chosen. Nothing is saved; "Cairkan dengan syarat ini" carries the terms to the form.
 */
export function Simulator() {
  const all = loansMessages.useMessages();
  const m = all.sim;
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const defaults = parseLoanDefaults(cooperative?.settings.loanDefaults);
  const input = useLoanTermsInput({ months: defaults.months, rateBp: defaults.rateBp });
  usePrefillTerms(input, defaults);
  const [method, setMethod] = useState<LoanMethod>(defaults.method);
  const firstDue = addMonthsClamped(todayInJakarta(), 1);
  const terms = input.value;
  const summaries = terms === undefined ? null : compareMethods({ ...terms, firstDue }, terms.adminFee);
  const chosen = summaries?.find((s) => s.method === method);
  const carry =
    terms === undefined
      ? ''
      : `?pokok=${String(terms.principal)}&bulan=${String(terms.months)}&bunga=${String(terms.rateBp)}&biaya=${String(terms.adminFee)}&metode=${method}`;

  return (
    <article className="page">
      <LoanPageTitle back={{ to: '/pinjaman', label: all.back }}>{m.title}</LoanPageTitle>
      <p className="page__intro">{m.intro}</p>
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        <TermsFields input={input} />
      </form>
      {summaries === null ? (
        <p className="hint">{m.fillIn}</p>
      ) : (
        <section aria-labelledby="sim-compare">
          <h2 id="sim-compare" className="section-title">
            {m.compare}
          </h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="sim-compare">
              <thead>
                <tr>
                  <th scope="col" />
                  {LOAN_METHODS.map((method) => (
                    <th key={method} scope="col">
                      {all.methods[method]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{m[row.key]}</th>
                    {summaries.map((s) => (
                      <td key={s.method} className="amount" data-testid={`sim-${s.method}-${row.key}`}>
                        {row.cell(s)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MethodPicker legend={m.choose} name="sim-method" value={method} onChange={setMethod} />
          {chosen === undefined ? null : <ScheduleTable schedule={chosen.schedule} caption={`${all.schedule.title}: ${all.methods[method]}`} />}
          {canWrite ? (
            <p className="actions">
              <Link to={`/pinjaman/baru${carry}`} className="button button--primary">
                {m.toDisburse}
              </Link>
            </p>
          ) : null}
        </section>
      )}
    </article>
  );
}
