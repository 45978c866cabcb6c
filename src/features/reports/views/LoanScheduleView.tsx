import { useId, useState } from 'react';
import { formatDateId } from '../../../domain/dates.ts';
import { formatRupiah } from '../../../domain/money-format.ts';
import { loanScheduleReport, type LoanScheduleReport } from '../../../domain/reports/index.ts';
import { memberLabel } from '../member-label.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { useLedgerQuery } from '../use-ledger-query.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

export function loanScheduleSections(body: LoanScheduleReport, title: string, m: Messages): ReportSection[] {
  const total = body.installments.reduce(
    (sum, i) => ({ principal: sum.principal + i.principal, interest: sum.interest + i.interest, total: sum.total + i.total }),
    { principal: 0, interest: 0, total: 0 },
  );
  return [
    section(
      title,
      [
        { header: m.col.n, kind: 'count', value: (i) => i.n },
        { header: m.col.due, kind: 'date', value: (i) => i.due },
        { header: m.col.installmentPrincipal, kind: 'money', value: (i) => i.principal },
        { header: m.col.interest, kind: 'money', value: (i) => i.interest },
        { header: m.col.total, kind: 'money', value: (i) => i.total },
        { header: m.col.remaining, kind: 'money', value: (i) => i.balance },
      ],
      body.installments,
      [[m.totals.all, null, total.principal, total.interest, total.total, null]],
    ),
  ];
}

type LoanChoice = { loanId: string; label: string };

/** Jadwal angsuran of a loan picked from the list of disbursed loans (newest first). */
export function LoanScheduleView() {
  const m = reportsMessages.useMessages();
  const pickId = useId();
  const [picked, setPicked] = useState<string | null>(() => new URLSearchParams(window.location.search).get('pinjaman'));
  const data = useLedgerQuery(
    (state) => {
      const choices: (LoanChoice & { date: string })[] = [];
      for (const loan of state.loans.values()) {
        if (loan.disbursedOn === null) continue;
        const who = memberLabel(state, loan.memberId, m.unknownMember);
        choices.push({ loanId: loan.loanId, date: loan.disbursedOn, label: m.loanLabel(who, formatDateId(loan.disbursedOn), formatRupiah(loan.principal)) });
      }
      choices.sort((a, b) => (a.date === b.date ? (a.loanId < b.loanId ? 1 : -1) : a.date < b.date ? 1 : -1));
      const loanId = picked ?? choices[0]?.loanId ?? null;
      const body = loanId === null ? undefined : loanScheduleReport(state, loanId);
      const label = choices.find((c) => c.loanId === loanId)?.label ?? '';
      return { choices, loanId, label, sections: body === undefined ? [] : loanScheduleSections(body, m.names['jadwal-angsuran'], m) };
    },
    [picked, m],
    ['loans', 'members'],
  );
  return (
    <ReportShell
      title={m.names['jadwal-angsuran']}
      period={data === undefined || data.label === '' ? null : data.label}
      fileStem={`jadwal-angsuran-${data?.loanId ?? ''}`}
      controls={
        data === undefined ? undefined : data.choices.length === 0 ? (
          <p className="hint">{m.noLoans}</p>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={pickId}>
              {m.chooseLoan}
            </label>
            <select id={pickId} className="field__input" value={data.loanId ?? ''} onChange={(e) => setPicked(e.target.value)}>
              {data.choices.map((c) => (
                <option key={c.loanId} value={c.loanId}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )
      }
      sections={data?.sections}
    />
  );
}
