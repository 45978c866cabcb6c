import { useEffect, useState } from 'react';
import { formatDateId, isValidBusinessDate } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import type { Cell } from '../export/index.ts';
import { afterPaint } from '../forms/after-paint.ts';
import { reportsMessages } from './messages.ts';
import type { ColumnKind, ReportSection } from './report-section.ts';

/**
 * Rows a phone renders at first and adds with each "Tampilkan … baris lagi": three screens of a
 * 823 px phone, and bounded, so SHU's 5 000 members are 300 cells on screen, not 30 000 (laying
 * out the rows was most of SHU's time after the report itself).
 */
export const PAGE_ROWS = 50;

export function formatCell(cell: Cell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return kind === 'date' && isValidBusinessDate(cell) ? formatDateId(cell) : cell;
  switch (kind) {
    case 'money':
      return formatRupiah(rupiah(cell));
    case 'count':
    case 'text':
    case 'code':
    case 'date':
      return String(cell);
  }
}

/** Numbers right-aligned; numbers, dates and codes never broken across lines (a 360 px table scrolls instead). */
function alignClass(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'money':
    case 'count':
      return 'num';
    case 'date':
    case 'code':
      return 'nowrap';
    case 'text':
      return undefined;
  }
}

/**
 * Rows of the page put in a table's first frame: a screen of a 823 px phone and some. The rest of
 * the page follows once that frame is painted, so a report reaches the glass before the rows
 * below the fold are styled, laid out and painted: SHU's first open at CPU ×6 took 0.89× the time
 * (docs/performance.md §2 "Session 12"). What the table says it shows ("Menampilkan 50 dari …") is
 * the whole page from the start, so nothing it announces changes when the rest arrives.
 */
export const FIRST_FRAME_ROWS = 15;

/** False in a table's first render, true from the task after the frame that showed it. */
function useFirstFramePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let mounted = true;
    afterPaint(() => {
      if (mounted) setPainted(true);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return painted;
}

type Props = { readonly section: ReportSection; readonly showAll: boolean; readonly onShowAll: () => void };

/**
 * One section as a table: caption, header repeated on every printed page, totals in the footer
 * (always of every row, whatever is shown). On screen the rows come a page at a time; `showAll`
 * (print, "Tampilkan semua") shows them all.
 */
export function ReportTable({ section, showAll, onShowAll }: Props) {
  const m = reportsMessages.useMessages();
  const [limit, setLimit] = useState(PAGE_ROWS);
  const painted = useFirstFramePainted();
  const shown = showAll ? section.rows : section.rows.slice(0, limit);
  const rendered = painted || showAll ? shown : shown.slice(0, FIRST_FRAME_ROWS);
  const more = Math.min(PAGE_ROWS, section.rows.length - shown.length);
  return (
    <div className="table-scroll report__section">
      <table className="data-table report-table">
        <caption>{section.title}</caption>
        <thead>
          <tr>
            {section.header.map((text, col) => (
              <th key={col} scope="col" className={alignClass(section.kinds[col] ?? 'text')}>
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rendered.length === 0 ? (
            <tr>
              <td colSpan={section.header.length}>{m.empty}</td>
            </tr>
          ) : (
            rendered.map((row, index) => (
              <tr key={index}>
                {row.map((cell, col) => {
                  const kind = section.kinds[col] ?? 'text';
                  return (
                    <td key={col} className={alignClass(kind)}>
                      {formatCell(cell, kind)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
        {section.footer.length === 0 ? null : (
          <tfoot>
            {section.footer.map((row, index) => (
              <tr key={index}>
                {row.map((cell, col) => {
                  const kind = section.kinds[col] ?? 'text';
                  return (
                    <td key={col} className={alignClass(kind)}>
                      {formatCell(cell, kind)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
      {shown.length < section.rows.length ? (
        <p className="no-print actions">
          <span className="hint" role="status">
            {m.showingFirst(shown.length, section.rows.length)}
          </span>
          <button type="button" className="button" onClick={() => setLimit(shown.length + PAGE_ROWS)}>
            {m.showMore(more)}
          </button>
          <button type="button" className="button" onClick={onShowAll}>
            {m.showAll(section.rows.length)}
          </button>
        </p>
      ) : null}
    </div>
  );
}
