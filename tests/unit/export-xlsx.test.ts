// @vitest-environment jsdom
// jsdom only for DOMParser: every part of the package is parsed as XML, so a malformed part fails.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetFrom, toXlsx, type ExportColumn } from '../../src/features/export/index.ts';
import { cellRef, escapeXml } from '../../src/features/export/xlsx.ts';

type Row = { readonly number: string; readonly name: string; readonly wajib: number; readonly note: string | null };

const columns: readonly ExportColumn<Row>[] = [
  { header: 'No. anggota', value: (row) => row.number },
  { header: 'Nama', value: (row) => row.name },
  { header: 'Simpanan wajib (Rp)', value: (row) => row.wajib },
  { header: 'Catatan', value: (row) => row.note },
];

const rows: readonly Row[] = [
  { number: 'A-001', name: 'Siti Nur’aini', wajib: 1_500_000, note: null },
  { number: 'A-002', name: 'Bapak <Joko> & "Ibu" Sri', wajib: 9_007_199_254_740_991, note: 'baris\nkedua' },
  { number: 'A-003', name: 'Nama\u0001dengan kontrol', wajib: -25_000, note: '=1+1' },
];

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('toXlsx', () => {
  const bytes = toXlsx([sheetFrom('Anggota', rows, columns), sheetFrom('Anggota', [], columns)]);
  const files = parts(bytes);

  it('is a zip with every part a workbook needs, each one well-formed XML', () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    expect(bytes[1]).toBe(0x4b);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    for (const text of Object.values(files)) parseXml(text);
  });

  it('declares every sheet in content types, workbook and relationships (names unique)', () => {
    const types = parseXml(files['[Content_Types].xml'] ?? '');
    const overrides = Array.from(types.getElementsByTagName('Override'), (o) => o.getAttribute('PartName'));
    expect(overrides).toEqual(['/xl/workbook.xml', '/xl/styles.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml']);
    const workbook = parseXml(files['xl/workbook.xml'] ?? '');
    const sheets = Array.from(workbook.getElementsByTagNameNS(MAIN, 'sheet'), (s) => s.getAttribute('name'));
    expect(sheets).toEqual(['Anggota', 'Anggota (2)']);
    const rels = parseXml(files['xl/_rels/workbook.xml.rels'] ?? '');
    const targets = Array.from(rels.getElementsByTagName('Relationship'), (r) => r.getAttribute('Target'));
    expect(targets).toEqual(['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'styles.xml']);
  });

  it('writes rupiah as numbers and text as inline strings, escaped, control characters dropped', () => {
    const sheet = parseXml(files['xl/worksheets/sheet1.xml'] ?? '');
    const cells = Array.from(sheet.getElementsByTagNameNS(MAIN, 'c'));
    const byRef = new Map(cells.map((c) => [c.getAttribute('r'), c]));
    expect(byRef.get('C2')?.getAttribute('t')).toBeNull();
    expect(byRef.get('C2')?.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent).toBe('1500000');
    expect(byRef.get('C3')?.textContent).toBe('9007199254740991');
    expect(byRef.get('C4')?.textContent).toBe('-25000');
    expect(byRef.get('B3')?.getAttribute('t')).toBe('inlineStr');
    expect(byRef.get('B3')?.textContent).toBe('Bapak <Joko> & "Ibu" Sri');
    expect(byRef.get('B4')?.textContent).toBe('Namadengan kontrol');
    expect(byRef.get('D3')?.textContent).toBe('baris\nkedua');
    // XLSX keeps formulas apart (<f>), so text starting with "=" is plain text here.
    expect(byRef.get('D4')?.textContent).toBe('=1+1');
    expect(byRef.has('D2')).toBe(false); // null → no cell
    expect(byRef.get('A1')?.textContent).toBe('No. anggota');
    expect(byRef.get('A1')?.getAttribute('s')).toBe('2');
    const rowNumbers = Array.from(sheet.getElementsByTagNameNS(MAIN, 'row'), (r) => r.getAttribute('r'));
    expect(rowNumbers).toEqual(['1', '2', '3', '4']);
  });

  it('an empty sheet still has its header row', () => {
    const sheet = parseXml(files['xl/worksheets/sheet2.xml'] ?? '');
    expect(sheet.getElementsByTagNameNS(MAIN, 'row')).toHaveLength(1);
    expect(sheet.getElementsByTagNameNS(MAIN, 'c')).toHaveLength(4);
  });

  it('refuses a workbook without sheets and a number that is not finite', () => {
    expect(() => toXlsx([])).toThrow(RangeError);
    expect(() => toXlsx([{ name: 'x', header: ['a'], rows: [[Number.NaN]] }])).toThrow(RangeError);
  });

  it('cleans sheet names Excel would refuse', () => {
    const book = parts(toXlsx([{ name: 'Buku kas 01/11–30/11 [Tunai]?', header: [], rows: [] }, { name: "''", header: [], rows: [] }]));
    const workbook = parseXml(book['xl/workbook.xml'] ?? '');
    const names = Array.from(workbook.getElementsByTagNameNS(MAIN, 'sheet'), (s) => s.getAttribute('name') ?? '');
    expect(names[0]).toBe('Buku kas 01 11–30 11  Tunai');
    expect(names[0]?.length).toBeLessThanOrEqual(31);
    expect(names[1]).toBe('Sheet2');
  });
});

describe('cell references and escaping', () => {
  it('names columns like a spreadsheet', () => {
    expect([cellRef(0, 1), cellRef(25, 2), cellRef(26, 3), cellRef(27, 4), cellRef(701, 5), cellRef(702, 6)]).toEqual([
      'A1',
      'Z2',
      'AA3',
      'AB4',
      'ZZ5',
      'AAA6',
    ]);
  });

  it('escapes the XML specials and drops forbidden characters', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0000g\u000Bh\tI\uFFFE`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fgh\tI');
  });
});
