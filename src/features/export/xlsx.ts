import { strToU8, zipSync } from 'fflate';
import { assertFiniteNumber, toCellTable, type Cell, type CellTable, type ExportColumn } from './cell.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One worksheet: its tab name and its cells (header row first). */
export type XlsxSheet = CellTable & { readonly name: string };

/** Builds a sheet from typed rows with the same columns a CSV export uses. */
export function sheetFrom<Row>(name: string, rows: readonly Row[], columns: readonly ExportColumn<Row>[]): XlsxSheet {
  return { name, ...toCellTable(rows, columns) };
}

/*
 * A minimal Office Open XML workbook (ECMA-376 SpreadsheetML), written by hand so the phone needs
 * no spreadsheet library: content types, package and workbook relationships, one styles part and
 * one worksheet part per sheet. Numbers are `<v>` cells (so SUM works on rupiah), text is an
 * inline string (no shared-strings part to keep in step). Style 1 = `#,##0` (built-in numFmt 3)
 * for numbers, style 2 = bold for the header row.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const STYLE_NUMBER = 1;
const STYLE_HEADER = 2;

/** Excel refuses more than 31 characters in a sheet name, and these characters. */
const SHEET_NAME_MAX = 31;
const WIDTH_MIN = 8;
const WIDTH_MAX = 60;

/** The workbook as the bytes of an .xlsx file. At least one sheet is required by the format. */
export function toXlsx(sheets: readonly XlsxSheet[]): Uint8Array<ArrayBuffer> {
  if (sheets.length === 0) throw new RangeError('export: a workbook needs at least one sheet');
  const names = uniqueSheetNames(sheets.map((sheet) => sheet.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(packageRels()),
    'xl/workbook.xml': strToU8(workbook(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(styles()),
  };
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(worksheet(sheet));
  });
  return zipSync(files, { level: 6 });
}

function contentTypes(sheetCount: number): string {
  const overrides = sheetNumbers(sheetCount)
    .map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT_SHEET}"/>`)
    .join('');
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_WORKBOOK}"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
    overrides +
    '</Types>'
  );
}

function packageRels(): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}" Target="xl/workbook.xml"/></Relationships>`;
}

function workbook(names: readonly string[]): string {
  const sheets = names
    .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
    .join('');
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = sheetNumbers(sheetCount)
    .map((n) => `<Relationship Id="rId${n}" Type="${REL_SHEET}" Target="worksheets/sheet${n}.xml"/>`)
    .join('');
  const stylesRel = `<Relationship Id="rId${sheetCount + 1}" Type="${REL_STYLES}" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheets}${stylesRel}</Relationships>`;
}

function styles(): string {
  return (
    `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function worksheet(sheet: XlsxSheet): string {
  const header = `<row r="1">${sheet.header.map((text, col) => textCell(cellRef(col, 1), text, STYLE_HEADER)).join('')}</row>`;
  const body = sheet.rows
    .map((cells, index) => {
      const rowNumber = index + 2;
      return `<row r="${rowNumber}">${cells.map((cell, col) => dataCell(cellRef(col, rowNumber), cell)).join('')}</row>`;
    })
    .join('');
  // The header stays in view while scrolling a long member list.
  const views =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}">${views}${columnWidths(sheet)}<sheetData>${header}${body}</sheetData></worksheet>`;
}

function dataCell(ref: string, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return `<c r="${ref}" s="${STYLE_NUMBER}"><v>${String(assertFiniteNumber(cell))}</v></c>`;
  return textCell(ref, cell, 0);
}

function textCell(ref: string, text: string, style: number): string {
  const styleAttr = style === 0 ? '' : ` s="${style}"`;
  return `<c r="${ref}"${styleAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Widths from the longest value of each column, so rupiah and names are readable when opened. */
function columnWidths(sheet: XlsxSheet): string {
  if (sheet.header.length === 0) return '';
  const widths = sheet.header.map((text, col) => {
    const longest = sheet.rows.reduce((max, row) => Math.max(max, displayLength(row[col] ?? null)), text.length);
    return Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, longest + 2));
  });
  const cols = widths.map((width, col) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join('');
  return `<cols>${cols}</cols>`;
}

function displayLength(cell: Cell): number {
  if (cell === null) return 0;
  // A number shows with thousands separators: 1500000 → 1,500,000.
  if (typeof cell === 'number') return String(Math.abs(Math.trunc(cell))).length * 4 / 3 + 1;
  return cell.length;
}

/** Column index (0-based) and row number → "A1", "AB12". */
export function cellRef(col: number, row: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

/**
 * XML text: the five special characters escaped, and the control characters XML 1.0 forbids
 * (everything below U+0020 except tab, LF and CR, plus U+FFFE/U+FFFF) dropped, since one stray
 * character from a pasted name would make Excel call the whole file corrupt.
 */
export function escapeXml(text: string): string {
  return Array.from(text)
    .filter(isXmlChar)
    .join('')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function isXmlChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  return code >= 0x20 && code !== 0xfffe && code !== 0xffff;
}

/** Sheet names Excel accepts: no []:*?/\, not empty, ≤ 31 characters, unique ignoring case. */
function uniqueSheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name, index) => {
    const printable = Array.from(name, (char) => (isXmlChar(char) && !'\t\n\r'.includes(char) ? char : ' ')).join('');
    const cleaned = printable.replace(/[[\]:*?/\\]/gu, ' ').replace(/^'+|'+$/gu, '').trim();
    const base = (cleaned === '' ? `Sheet${index + 1}` : cleaned).slice(0, SHEET_NAME_MAX);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      candidate = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function sheetNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
