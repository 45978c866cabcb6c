import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { csvBlob, downloadBlob, exportFileName, titledTablesToCsv, toXlsx, xlsxBlob, type CellTable } from '../export/index.ts';
import { reportsMessages } from '../reports/messages.ts';
import type { ReportSection } from '../reports/report-section.ts';
import { ReportTable } from '../reports/ReportTable.tsx';

type Props = {
  /** Built by the phone's own section builders (src/features/reports), from the server's body. */
  readonly sections: readonly ReportSection[];
  /** The file name's stem, e.g. `ksp-maju-neraca-2026-11-29`. */
  readonly fileStem: string;
};

const withFooter = (section: ReportSection): CellTable => ({ header: section.header, rows: [...section.rows, ...section.footer] });

/**
 * A server report in the phone's own tables (ReportTable: the first rows, "Tampilkan semua", the
 * totals in the footer), so the office reads the same layout and words the treasurer does, plus
 * CSV and XLSX of the same cells. Printing shows every row.
 */
export function ReportSections({ sections, fileStem }: Props) {
  const m = reportsMessages.useMessages();
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    const expand = () => flushSync(() => setShowAll(true));
    window.addEventListener('beforeprint', expand);
    return () => window.removeEventListener('beforeprint', expand);
  }, []);

  const download = (kind: 'csv' | 'xlsx') => {
    const name = exportFileName(fileStem, kind);
    if (kind === 'csv') downloadBlob(name, csvBlob(titledTablesToCsv(sections.map((s) => ({ title: s.title, table: withFooter(s) })))));
    else downloadBlob(name, xlsxBlob(toXlsx(sections.map((s) => ({ name: s.title, ...withFooter(s) })))));
  };

  return (
    <>
      <p className="actions no-print">
        <button type="button" className="button" onClick={() => download('csv')}>
          {m.csv}
        </button>
        <button type="button" className="button" onClick={() => download('xlsx')}>
          {m.xlsx}
        </button>
      </p>
      {sections.map((section) => (
        <ReportTable key={section.title} section={section} showAll={showAll} onShowAll={() => setShowAll(true)} />
      ))}
    </>
  );
}
