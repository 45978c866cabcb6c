import { assertFiniteNumber, neutraliseFormula, toCellTable, type Cell, type CellTable, type ExportColumn } from './cell.ts';

export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * The byte-order mark makes Excel read the file as UTF-8 (without it, "Simpanan Wajib – Bu Ni'mah"
 * turns into mojibake on Windows in the Dinas office). Other readers skip it.
 */
const BOM = '\uFEFF';

/** RFC 4180 line ending. */
const CRLF = '\r\n';

/**
 * A CSV text (RFC 4180): comma separated, CRLF line ends, a field quoted when it holds a comma,
 * a quote or a line break (quotes doubled), UTF-8 BOM first. Numbers are written as plain digits
 * (integer rupiah, no thousands separators) so a spreadsheet reads them as numbers; text that
 * would start a formula is neutralised.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): string {
  return BOM + csvLines(toCellTable(rows, columns)) + CRLF;
}

/** A table already reduced to cells, as CSV (BOM first). */
export function cellTableToCsv(table: CellTable): string {
  return BOM + csvLines(table) + CRLF;
}

/**
 * Several tables in one CSV file (a report with a fund table and a member table): each one
 * preceded by a one-cell title row, separated by an empty line. Spreadsheets open it as one sheet;
 * XLSX keeps them on separate sheets.
 */
export function titledTablesToCsv(tables: readonly { readonly title: string; readonly table: CellTable }[]): string {
  if (tables.length === 1 && tables[0] !== undefined) return cellTableToCsv(tables[0].table);
  return BOM + tables.map(({ title, table }) => `${csvField(title)}${CRLF}${csvLines(table)}`).join(CRLF + CRLF) + CRLF;
}

function csvLines(table: CellTable): string {
  const lines = [table.header.map((text) => csvField(text)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((fields) => fields.join(',')).join(CRLF);
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(assertFiniteNumber(cell));
  const text = neutraliseFormula(cell);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
