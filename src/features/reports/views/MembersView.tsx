import { formatDateId, todayInJakarta } from '../../../domain/dates.ts';
import { membersReport, type MembersReport } from '../../../domain/reports/index.ts';
import { membersReads } from '../../../domain/reports/members.ts';
import { DateField, useDateInput } from '../../forms/index.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { useLedgerQuery } from '../use-ledger-query.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

/** Daftar anggota: number, name, status, the three savings and what each owes on loans, with totals. */
export function membersSections(body: MembersReport, m: Messages): ReportSection[] {
  const total = { pokok: 0, wajib: 0, sukarela: 0, loans: 0 };
  for (const line of body.members) {
    total.pokok += line.savings.pokok;
    total.wajib += line.savings.wajib;
    total.sukarela += line.savings.sukarela;
    total.loans += line.loanOutstanding;
  }
  return [
    section(
      m.names.anggota,
      [
        { header: m.col.number, kind: 'code', value: (l) => l.number },
        { header: m.col.name, kind: 'text', value: (l) => (l.name === '' ? m.unknownMember : l.name) },
        { header: m.col.status, kind: 'text', value: (l) => m.memberStatus[l.status] },
        { header: m.col.pokok, kind: 'money', value: (l) => l.savings.pokok },
        { header: m.col.wajib, kind: 'money', value: (l) => l.savings.wajib },
        { header: m.col.sukarela, kind: 'money', value: (l) => l.savings.sukarela },
        { header: m.col.loanOutstanding, kind: 'money', value: (l) => l.loanOutstanding },
      ],
      body.members,
      [['', `${m.totals.all} (${body.members.length})`, '', total.pokok, total.wajib, total.sukarela, total.loans]],
    ),
  ];
}

export function MembersView() {
  const m = reportsMessages.useMessages();
  const asOf = useDateInput(todayInJakarta());
  const date = asOf.date;
  // As of today: one month of member rows, not five years of them (membersReads).
  const sections = useLedgerQuery(
    (state) => (date === undefined ? undefined : membersSections(membersReport(state, date), m)),
    [date, m],
    date === undefined ? ['members'] : membersReads(date),
  );
  return (
    <ReportShell
      title={m.names.anggota}
      period={date === undefined ? null : m.periodAsOf(formatDateId(date))}
      fileStem={`anggota-${date ?? ''}`}
      controls={<DateField label={m.asOf} input={asOf} />}
      sections={sections}
      problem={date === undefined ? null : undefined}
    />
  );
}
