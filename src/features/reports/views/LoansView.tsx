import { COLLECTIBILITY_CLASSES, type Collectibility } from '../../../domain/collectibility.ts';
import { formatDateId, todayInJakarta } from '../../../domain/dates.ts';
import { loansReport, type LoansReport } from '../../../domain/reports/index.ts';
import { DateField, useDateInput } from '../../forms/index.ts';
import { memberNamer } from '../member-label.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { useLedgerQuery } from '../use-ledger-query.ts';

type Messages = ReturnType<typeof reportsMessages.current>;
type ClassRow = { collectibility: Collectibility; count: number; outstanding: number };

/**
 * Daftar pinjaman with each loan's collectibility, and a summary per class (what the pengawas and
 * the Dinas read first: how much of the outstanding is kurang lancar, diragukan or macet).
 */
export function loansSections(body: LoansReport, m: Messages, memberName: (id: string | null) => string): ReportSection[] {
  const total = { principal: 0, outstanding: 0, interest: 0 };
  const byClass = new Map<Collectibility, ClassRow>(COLLECTIBILITY_CLASSES.map((c) => [c, { collectibility: c, count: 0, outstanding: 0 }]));
  for (const loan of body.loans) {
    total.principal += loan.principal;
    total.outstanding += loan.outstanding;
    total.interest += loan.interestPaid;
    const row = byClass.get(loan.collectibility);
    if (row !== undefined && loan.outstanding > 0) {
      row.count += 1;
      row.outstanding += loan.outstanding;
    }
  }
  const classes = [...byClass.values()];
  return [
    section(
      m.names.pinjaman,
      [
        { header: m.col.member, kind: 'text', value: (l) => memberName(l.memberId) },
        { header: m.col.principal, kind: 'money', value: (l) => l.principal },
        { header: m.col.outstanding, kind: 'money', value: (l) => l.outstanding },
        { header: m.col.interestPaid, kind: 'money', value: (l) => l.interestPaid },
        { header: m.col.nextDue, kind: 'date', value: (l) => l.nextDue },
        { header: m.col.daysPastDue, kind: 'count', value: (l) => l.daysPastDue },
        { header: m.col.collectibility, kind: 'text', value: (l) => m.collectibility[l.collectibility] },
      ],
      body.loans,
      [[`${m.totals.all} (${body.loans.length})`, total.principal, total.outstanding, total.interest, null, null, null]],
    ),
    section(
      m.col.collectibility,
      [
        { header: m.col.collectibility, kind: 'text', value: (r: ClassRow) => m.collectibility[r.collectibility] },
        { header: m.loan, kind: 'count', value: (r: ClassRow) => r.count },
        { header: m.col.outstanding, kind: 'money', value: (r: ClassRow) => r.outstanding },
      ],
      classes,
      [[m.totals.all, classes.reduce((s, r) => s + r.count, 0), classes.reduce((s, r) => s + r.outstanding, 0)]],
    ),
  ];
}

export function LoansView() {
  const m = reportsMessages.useMessages();
  const asOf = useDateInput(todayInJakarta());
  const date = asOf.date;
  const sections = useLedgerQuery(
    (state) => (date === undefined ? undefined : loansSections(loansReport(state, date), m, memberNamer(state, m))),
    [date, m],
    ['loans', 'members'],
  );
  return (
    <ReportShell
      title={m.names.pinjaman}
      period={date === undefined ? null : m.periodAsOf(formatDateId(date))}
      fileStem={`pinjaman-${date ?? ''}`}
      controls={<DateField label={m.asOf} input={asOf} />}
      sections={sections}
      problem={date === undefined ? null : undefined}
    />
  );
}
