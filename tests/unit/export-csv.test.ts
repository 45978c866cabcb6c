import { describe, expect, it } from 'vitest';
import { exportFileName, titledTablesToCsv, toCsv, type ExportColumn } from '../../src/features/export/index.ts';

type Row = { readonly name: string; readonly amount: number; readonly memo: string | null };
const columns: readonly ExportColumn<Row>[] = [
  { header: 'Nama', value: (row) => row.name },
  { header: 'Jumlah', value: (row) => row.amount },
  { header: 'Keterangan', value: (row) => row.memo },
];

describe('toCsv', () => {
  it('writes RFC 4180 with a UTF-8 BOM, CRLF, quoting only where needed and numbers as digits', () => {
    const text = toCsv(
      [
        { name: 'Siti Nur’aini', amount: 1_500_000, memo: null },
        { name: 'Joko, S.Pd', amount: -25_000, memo: 'kata "pas"\nbaris dua' },
      ],
      columns,
    );
    expect(text).toBe(
      '\uFEFFNama,Jumlah,Keterangan\r\n' +
        'Siti Nur’aini,1500000,\r\n' +
        '"Joko, S.Pd",-25000,"kata ""pas""\nbaris dua"\r\n',
    );
  });

  it('keeps text that starts a formula as text, but leaves negative numbers as numbers', () => {
    const text = toCsv([{ name: '=HYPERLINK("x")', amount: -1, memo: '+62812' }], columns);
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-1,'+62812`);
  });

  it('refuses a number that is not finite', () => {
    expect(() => toCsv([{ name: 'x', amount: Number.POSITIVE_INFINITY, memo: null }], columns)).toThrow(RangeError);
  });
});

describe('exportFileName', () => {
  it('makes a plain, safe file name', () => {
    expect(exportFileName('Neraca 29/11/2026 — Koperasi Sumber Makmur', 'xlsx')).toBe('neraca-29-11-2026-koperasi-sumber-makmur.xlsx');
    expect(exportFileName('///', 'csv')).toBe('lumbung.csv');
  });
});

describe('titledTablesToCsv', () => {
  it('stacks several tables under their titles, one BOM', () => {
    const text = titledTablesToCsv([
      { title: 'Dana', table: { header: ['Dana', 'Jumlah'], rows: [['cadangan', 400]] } },
      { title: 'Anggota, per nama', table: { header: ['Nama', 'Total'], rows: [['Siti', 12]] } },
    ]);
    expect(text).toBe('\uFEFFDana\r\nDana,Jumlah\r\ncadangan,400\r\n\r\n"Anggota, per nama"\r\nNama,Total\r\nSiti,12\r\n');
  });

  it('a single table has no title row', () => {
    expect(titledTablesToCsv([{ title: 'x', table: { header: ['a'], rows: [[1]] } }])).toBe('\uFEFFa\r\n1\r\n');
  });
});
