import { formatDateId, todayInJakarta } from '../../../domain/dates.ts';
import { balanceSheet, type BalanceSheet } from '../../../domain/reports/index.ts';
import { DateField, useDateInput } from '../../forms/index.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { accountDaysFor } from '../account-days.ts';
import { useLedgerQuery } from '../use-ledger-query.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

/** Neraca: every balance-sheet account in its natural sign, then the totals (assets = liabilities + equity). */
export function balanceSheetSections(body: BalanceSheet, m: Messages): ReportSection[] {
  const { assets, liabilities, equity } = body.totals;
  return [
    section(
      m.names.neraca,
      [
        { header: m.col.code, kind: 'code', value: (l) => l.code },
        { header: m.col.account, kind: 'text', value: (l) => l.name },
        { header: m.col.group, kind: 'text', value: (l) => m.accountTypes[l.type] },
        { header: m.col.balance, kind: 'money', value: (l) => l.balance },
      ],
      body.accounts,
      [
        ['', m.totals.assets, '', assets],
        ['', m.totals.liabilities, '', liabilities],
        ['', m.totals.equity, '', equity],
        ['', m.totals.liabilitiesEquity, '', liabilities + equity],
      ],
    ),
  ];
}

export function BalanceSheetView() {
  const m = reportsMessages.useMessages();
  const asOf = useDateInput(todayInJakarta());
  const date = asOf.date;
  const sections = useLedgerQuery(
    (state) => (date === undefined ? undefined : balanceSheetSections(balanceSheet(state, date), m)),
    [date, m],
    accountDaysFor(date),
  );
  return (
    <ReportShell
      title={m.names.neraca}
      period={date === undefined ? null : m.periodAsOf(formatDateId(date))}
      fileStem={`neraca-${date ?? ''}`}
      controls={<DateField label={m.asOf} input={asOf} />}
      sections={sections}
      problem={date === undefined ? null : undefined}
    />
  );
}
