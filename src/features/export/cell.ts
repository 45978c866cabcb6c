/**
 * One value of an exported table. Money is integer rupiah and travels as a number, so a
 * spreadsheet can sum it; everything else is text. `null` is an empty cell.
 */
export type Cell = string | number | null;

/** How one column of a typed row is exported: its heading and how to read its value. */
export type ExportColumn<Row> = {
  readonly header: string;
  readonly value: (row: Row) => Cell;
};

/** A table already reduced to cells: the header row plus the data rows, in order. */
export type CellTable = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
};

/** Reads typed rows through their columns once, so CSV and XLSX export the same cells. */
export function toCellTable<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): CellTable {
  return {
    header: columns.map((column) => column.header),
    rows: rows.map((row) => columns.map((column) => column.value(row))),
  };
}

/**
 * A number cell must be finite: NaN or Infinity in an export is a bug upstream, and writing it
 * would give the district office a file that opens with an error or a silent wrong total.
 */
export function assertFiniteNumber(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`export: a number cell is not finite (${String(value)})`);
  return value;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading
 * apostrophe (OWASP "CSV injection"). Member names and memos are typed on many phones and opened
 * at the district office, so a name like `=HYPERLINK(…)` must stay text there.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}
