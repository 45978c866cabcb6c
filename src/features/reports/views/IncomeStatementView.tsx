import { formatDateId, todayInJakarta } from '../../../domain/dates.ts';
import { incomeStatement, type IncomeStatement } from '../../../domain/reports/index.ts';
import { DateField, useDateInput } from '../../forms/index.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { accountDaysFor } from '../account-days.ts';
import { useLedgerQuery } from '../use-ledger-query.ts';
import { rangeProblem } from './range-problem.ts';

type Messages = ReturnType<typeof reportsMessages.current>;
type Line = { code: string; name: string; group: string; amount: number };

/** Perhitungan hasil usaha: revenue lines, expense lines, their totals and the SHU of the period. */
export function incomeStatementSections(body: IncomeStatement, m: Messages): ReportSection[] {
  const lines: Line[] = [
    ...body.revenues.map((l) => ({ ...l, group: m.accountTypes.revenue })),
    ...body.expenses.map((l) => ({ ...l, group: m.accountTypes.expense })),
  ];
  return [
    section(
      m.names['laba-rugi'],
      [
        { header: m.col.code, kind: 'code', value: (l: Line) => l.code },
        { header: m.col.account, kind: 'text', value: (l: Line) => l.name },
        { header: m.col.group, kind: 'text', value: (l: Line) => l.group },
        { header: m.col.amount, kind: 'money', value: (l: Line) => l.amount },
      ],
      lines,
      [
        ['', m.totals.revenue, '', body.totalRevenue],
        ['', m.totals.expense, '', body.totalExpense],
        ['', m.totals.shu, '', body.shu],
      ],
    ),
  ];
}

export function startOfThisYear(): string {
  return `${todayInJakarta().slice(0, 4)}-01-01`;
}

export function IncomeStatementView() {
  const m = reportsMessages.useMessages();
  const from = useDateInput(startOfThisYear());
  const to = useDateInput(todayInJakarta());
  const problem = rangeProblem(from.date, to.date, m);
  const sections = useLedgerQuery(
    (state) =>
      problem !== undefined || from.date === undefined || to.date === undefined
        ? undefined
        : incomeStatementSections(incomeStatement(state, from.date, to.date), m),
    [from.date, to.date, problem, m],
    accountDaysFor(from.date, to.date),
  );
  return (
    <ReportShell
      title={m.names['laba-rugi']}
      period={from.date === undefined || to.date === undefined ? null : m.periodRange(formatDateId(from.date), formatDateId(to.date))}
      fileStem={`laba-rugi-${from.date ?? ''}-${to.date ?? ''}`}
      controls={
        <>
          <DateField label={m.from} input={from} />
          <DateField label={m.to} input={to} />
        </>
      }
      sections={sections}
      problem={problem}
    />
  );
}
