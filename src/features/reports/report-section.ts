/**
 * A report on screen, on paper and in a file is the same table: a section holds the cells once
 * (numbers as integer rupiah), the screen formats them by column kind, CSV and XLSX export them
 * as they are.
 */
import { toCellTable, type Cell, type ExportColumn } from '../export/index.ts';

/**
 * `money`: integer rupiah (shown `Rp1.500.000`, right-aligned); `count`: a plain integer; `date`:
 * `YYYY-MM-DD` (shown `29/11/2026`); `code`: text that must not wrap (an account code, a member number).
 */
export type ColumnKind = 'text' | 'code' | 'money' | 'count' | 'date';

export type ReportColumn<Row> = ExportColumn<Row> & { readonly kind: ColumnKind };

export type ReportSection = {
  readonly title: string;
  readonly kinds: readonly ColumnKind[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Totals under the rows (same columns); on screen in `<tfoot>`, in files after the rows. */
  readonly footer: readonly (readonly Cell[])[];
};

export function section<Row>(
  title: string,
  columns: readonly ReportColumn<Row>[],
  rows: readonly Row[],
  footer: readonly (readonly Cell[])[] = [],
): ReportSection {
  const table = toCellTable(rows, columns);
  return { title, kinds: columns.map((c) => c.kind), header: table.header, rows: table.rows, footer };
}

/** Basis points as a percentage for people: 4000 → "40%", 250 → "2,5%". Integer arithmetic only. */
export function percentFromBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  if (rest === 0) return `${whole}%`;
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/u, '')}%`;
}
