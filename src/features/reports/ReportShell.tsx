import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { csvBlob, downloadBlob, exportFileName, titledTablesToCsv, toXlsx, xlsxBlob, type CellTable } from '../export/index.ts';
import { Link } from '../navigation/link.tsx';
import { useCooperative } from '../session/index.ts';
import { reportsMessages } from './messages.ts';
import type { ReportSection } from './report-section.ts';
import { ReportTable } from './ReportTable.tsx';

type Props = {
  readonly title: string;
  /** The period under the title and in the file name ("Per 29/11/2026"); null when it has none. */
  readonly period: string | null;
  /** The file name's stem, e.g. `neraca-2026-11-29`. */
  readonly fileStem: string;
  readonly controls?: ReactNode;
  /** Undefined while computing. */
  readonly sections: readonly ReportSection[] | undefined;
  /**
   * Why the report cannot run: a sentence shown instead of the tables (a reversed range), or null
   * when a field already says it (an invalid date or year announces its own error).
   */
  readonly problem?: string | null | undefined;
  readonly backTo?: string;
  readonly backLabel?: string;
  readonly children?: ReactNode;
};

function withFooter(section: ReportSection): CellTable {
  return { header: section.header, rows: [...section.rows, ...section.footer] };
}

/**
 * The frame every report shares: title and period, its query controls, a print header (cooperative,
 * report, period, print date: only on paper), print / CSV / XLSX, and its tables. Printing shows
 * every row: "Tampilkan semua" is forced in a `beforeprint` handler, flushed before the browser
 * lays out the page.
 */
export function ReportShell({ title, period, fileStem, controls, sections, problem, backTo = '/laporan', backLabel, children }: Props) {
  const m = reportsMessages.useMessages();
  const cooperative = useCooperative();
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    const expand = () => flushSync(() => setShowAll(true));
    window.addEventListener('beforeprint', expand);
    return () => window.removeEventListener('beforeprint', expand);
  }, []);

  const ready = problem === undefined && sections !== undefined;
  const cooperativeName = cooperative?.name ?? m.unnamedCooperative;
  const place = [cooperative?.village, cooperative?.district].filter((p): p is string => p != null).join(', ');

  const download = (kind: 'csv' | 'xlsx') => {
    if (sections === undefined) return;
    const name = exportFileName(fileStem, kind);
    if (kind === 'csv') {
      downloadBlob(name, csvBlob(titledTablesToCsv(sections.map((s) => ({ title: s.title, table: withFooter(s) })))));
    } else {
      downloadBlob(name, xlsxBlob(toXlsx(sections.map((s) => ({ name: s.title, ...withFooter(s) })))));
    }
  };

  return (
    <article className="page report">
      <p className="no-print">
        <Link to={backTo}>{backLabel ?? m.back}</Link>
      </p>
      <header className="report__header">
        <p className="print-only report__cooperative">
          <strong>{cooperativeName}</strong>
          {place === '' ? null : <span> — {place}</span>}
        </p>
        <h1 className="page__title">{title}</h1>
        {period === null ? null : <p className="report__period">{period}</p>}
        <p className="print-only hint">{m.printedAt(formatDateId(todayInJakarta()))}</p>
      </header>
      {controls === undefined ? null : <div className="no-print report__controls">{controls}</div>}
      {problem === null ? null : problem !== undefined ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : !ready ? (
        <p className="loading">{m.loading}</p>
      ) : (
        <>
          <p className="actions no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {m.print}
            </button>
            <button type="button" className="button" onClick={() => download('csv')}>
              {m.csv}
            </button>
            <button type="button" className="button" onClick={() => download('xlsx')}>
              {m.xlsx}
            </button>
          </p>
          {children}
          {sections.map((s) => (
            <ReportTable key={s.title} section={s} showAll={showAll} onShowAll={() => setShowAll(true)} />
          ))}
        </>
      )}
    </article>
  );
}
