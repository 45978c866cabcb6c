import { useId, useState } from 'react';
import { formatDateId, todayInJakarta } from '../../../domain/dates.ts';
import type { EntryType, Via } from '../../../domain/entry/schema.ts';
import { cashBookReads } from '../../../domain/reports/cash-book.ts';
import { cashBook, type CashBook } from '../../../domain/reports/index.ts';
import { DateField, formsMessages, useDateInput, VIAS } from '../../forms/index.ts';
import { membersMessages } from '../../members/messages.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { accountDaysFor } from '../account-days.ts';
import { useLedgerQuery } from '../use-ledger-query.ts';
import { rangeProblem } from './range-problem.ts';

type Messages = ReturnType<typeof reportsMessages.current>;
type Row = { date: string; memo: string; type: string; in: number | null; out: number | null; balance: number };

/** Buku kas: the opening balance, one row per money movement, the closing balance. */
export function cashBookSections(body: CashBook, from: string, m: Messages, typeName: (t: EntryType) => string): ReportSection[] {
  let totalIn = 0;
  let totalOut = 0;
  const rows: Row[] = [{ date: from, memo: m.totals.opening, type: '', in: null, out: null, balance: body.opening }];
  for (const r of body.rows) {
    totalIn += r.in;
    totalOut += r.out;
    rows.push({ date: r.date, memo: r.memo, type: typeName(r.type), in: r.in === 0 ? null : r.in, out: r.out === 0 ? null : r.out, balance: r.balance });
  }
  return [
    section(
      m.names['buku-kas'],
      [
        { header: m.col.date, kind: 'date', value: (r: Row) => r.date },
        { header: m.col.memo, kind: 'text', value: (r: Row) => r.memo },
        { header: m.col.type, kind: 'text', value: (r: Row) => r.type },
        { header: m.col.moneyIn, kind: 'money', value: (r: Row) => r.in },
        { header: m.col.moneyOut, kind: 'money', value: (r: Row) => r.out },
        { header: m.col.balance, kind: 'money', value: (r: Row) => r.balance },
      ],
      rows,
      [['', m.totals.closing, '', totalIn, totalOut, body.closing]],
    ),
  ];
}

export function startOfThisMonth(): string {
  return `${todayInJakarta().slice(0, 7)}-01`;
}

export function CashBookView() {
  const m = reportsMessages.useMessages();
  const f = formsMessages.useMessages();
  const types = membersMessages.useMessages().types;
  const viaId = useId();
  const from = useDateInput(startOfThisMonth());
  const to = useDateInput(todayInJakarta());
  const [via, setVia] = useState<Via | 'all'>('all');
  const problem = rangeProblem(from.date, to.date, m);
  const sections = useLedgerQuery(
    (state) =>
      problem !== undefined || from.date === undefined || to.date === undefined
        ? undefined
        : cashBookSections(cashBook(state, from.date, to.date, via === 'all' ? undefined : via), from.date, m, (t) => types[t]),
    [from.date, to.date, via, problem, m, types],
    // Only the moves of the dates asked for: a month's book reads a month, not five years of moves.
    [...(from.date === undefined || to.date === undefined ? [] : cashBookReads(from.date, to.date)), ...accountDaysFor(from.date)],
  );
  const viaName = via === 'all' ? m.viaAll : f.via[via];
  return (
    <ReportShell
      title={m.names['buku-kas']}
      period={
        from.date === undefined || to.date === undefined ? null : `${m.periodRange(formatDateId(from.date), formatDateId(to.date))} — ${viaName}`
      }
      fileStem={`buku-kas-${via === 'all' ? 'semua' : via}-${from.date ?? ''}-${to.date ?? ''}`}
      controls={
        <>
          <DateField label={m.from} input={from} />
          <DateField label={m.to} input={to} />
          <div className="field">
            <label className="field__label" htmlFor={viaId}>
              {m.via}
            </label>
            <select id={viaId} className="field__input" value={via} onChange={(e) => setVia(VIAS.find((v) => v === e.target.value) ?? 'all')}>
              <option value="all">{m.viaAll}</option>
              {VIAS.map((v) => (
                <option key={v} value={v}>
                  {f.via[v]}
                </option>
              ))}
            </select>
          </div>
        </>
      }
      sections={sections}
      problem={problem}
    />
  );
}
