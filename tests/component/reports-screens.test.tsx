import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rupiah } from '../../src/domain/money.ts';
import ReportsPage from '../../src/features/reports/index.tsx';
import { captureDownloads, readBlob } from './report-downloads.ts';
import { record, seedBooks, type SeededBooks } from './cash-seed.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
let books: SeededBooks;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
  books = await seedBooks(session.db);
});
afterEach(() => {
  closeSession(session);
  vi.restoreAllMocks();
});

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<ReportsPage />);
}

function setDate(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The table with this caption, as rows of cell texts (body rows, then footer rows). */
function tableRows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  // Plain selectors for the cells: role queries over every cell make a slow machine slower.
  return Array.from(table.querySelectorAll('tbody tr, tfoot tr'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent));
}

/** Reports are computed in a live query: wait for the numbers (a slow CI machine gets time). */
const eventually = (check: () => void) => waitFor(check, { timeout: 5_000 });

const rowOf = (rows: string[][], first: string): string[] | undefined => rows.find((r) => r[0] === first || r[1] === first);

describe('Laporan', { timeout: 20_000 }, () => {
  it('lists every report and charts savings and loans with a table of the numbers', async () => {
    open('/laporan');
    for (const name of [
      'Neraca',
      'Perhitungan hasil usaha (laba rugi)',
      'Buku kas',
      'Daftar anggota dan simpanan',
      'Daftar pinjaman (kolektibilitas)',
      'Jadwal angsuran',
      'Pembagian SHU',
      'Catatan untuk diperiksa',
    ]) {
      expect(screen.getByRole('link', { name })).toBeInTheDocument();
    }
    expect(await screen.findByRole('img', { name: /Simpanan dan pinjaman, 12 bulan terakhir/ })).toBeInTheDocument();
    const table = screen.getByTestId('chart-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(13);
    // Every month of the last twelve is after 2025-06: savings 560.000, loans outstanding 900.000.
    expect(rows[12]).toHaveTextContent(/Rp560\.000\s*Rp900\.000/);
  });

  it('Neraca: balances as of a date, assets = liabilities + equity', async () => {
    open('/laporan/neraca');
    setDate('Per tanggal', '2025-12-31');
    expect(await screen.findByText('Per 31/12/2025')).toBeInTheDocument();
    await eventually(() => expect(rowOf(tableRows('Neraca'), '1-101')).toEqual(['1-101', 'Kas', 'Aset', 'Rp910.000']));
    // The rows past the table's first frame follow once it is painted (ReportTable FIRST_FRAME_ROWS).
    await eventually(() => expect(rowOf(tableRows('Neraca'), '3-130')?.[3]).toBe('Rp450.000'));
    const rows = tableRows('Neraca');
    expect(rowOf(rows, '1-102')).toEqual(['1-102', 'Bank', 'Aset', 'Rp200.000']);
    expect(rowOf(rows, '1-110')?.[3]).toBe('Rp900.000');
    expect(rowOf(rows, '3-101')?.[3]).toBe('Rp200.000');
    expect(rowOf(rows, '3-102')?.[3]).toBe('Rp360.000');
    expect(rowOf(rows, '3-120')?.[3]).toBe('Rp1.000.000');
    expect(rowOf(rows, '3-130')?.[3]).toBe('Rp450.000');
    expect(rowOf(rows, 'Jumlah aset')?.[3]).toBe('Rp2.010.000');
    expect(rowOf(rows, 'Jumlah kewajiban')?.[3]).toBe('Rp0');
    expect(rowOf(rows, 'Jumlah kewajiban dan ekuitas')?.[3]).toBe('Rp2.010.000');
    // Before the loan: cash had the savings and the grant only.
    setDate('Per tanggal', '2025-02-28');
    await eventually(() => expect(rowOf(tableRows('Neraca'), '1-101')?.[3]).toBe('Rp1.560.000'));
    // Right-aligned amounts.
    for (const cell of screen.getAllByRole('cell', { name: 'Rp1.560.000' })) expect(cell).toHaveClass('num');
  });

  it('Laba rugi: revenues, expenses and the SHU of a period; a reversed range is refused', async () => {
    open('/laporan/laba-rugi');
    setDate('Dari tanggal', '2025-01-01');
    setDate('Sampai tanggal', '2025-12-31');
    await eventually(() => expect(rowOf(tableRows('Perhitungan hasil usaha (laba rugi)'), 'Jumlah pendapatan')?.[3]).toBe('Rp525.000'));
    const rows = tableRows('Perhitungan hasil usaha (laba rugi)');
    expect(rowOf(rows, '4-101')?.[3]).toBe('Rp15.000');
    expect(rowOf(rows, '4-102')?.[3]).toBe('Rp10.000');
    expect(rowOf(rows, '4-110')?.[3]).toBe('Rp500.000');
    expect(rowOf(rows, '5-150')?.[3]).toBe('Rp75.000');
    expect(rowOf(rows, 'Jumlah beban')?.[3]).toBe('Rp75.000');
    expect(rowOf(rows, 'Sisa hasil usaha (SHU)')?.[3]).toBe('Rp450.000');
    setDate('Dari tanggal', '2026-01-01');
    setDate('Sampai tanggal', '2025-01-01');
    expect(await screen.findByRole('alert')).toHaveTextContent('Tanggal awal sesudah tanggal akhir. Tukar tanggalnya.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('Buku kas: opening, one row per movement, running balance, per via', async () => {
    const user = userEvent.setup();
    open('/laporan/buku-kas');
    setDate('Dari tanggal', '2025-03-01');
    setDate('Sampai tanggal', '2025-06-30');
    await eventually(() => expect((tableRows('Buku kas'))[0]).toEqual(['01/03/2025', 'Saldo awal', '', '', '', 'Rp1.560.000']));
    let rows = tableRows('Buku kas');
    expect(rows.slice(1)).toEqual([
      ['01/03/2025', 'Pencairan pinjaman', 'Pencairan pinjaman', '', 'Rp990.000', 'Rp570.000'],
      ['01/04/2025', 'Angsuran pinjaman', 'Angsuran pinjaman', 'Rp115.000', '', 'Rp685.000'],
      ['10/05/2025', 'Penjualan gerai 10/05/2025', 'Kas masuk', 'Rp500.000', '', 'Rp1.185.000'],
      ['01/06/2025', 'ATK dan listrik', 'Kas keluar', '', 'Rp75.000', 'Rp1.110.000'],
      ['02/06/2025', 'Pemindahan dana kas ke bank', 'Pindah kas', 'Rp200.000', 'Rp200.000', 'Rp1.110.000'],
      ['', 'Saldo akhir', '', 'Rp815.000', 'Rp1.265.000', 'Rp1.110.000'],
    ]);
    await user.selectOptions(screen.getByLabelText('Kas'), 'bank');
    await eventually(() => expect((tableRows('Buku kas')).at(-1)).toEqual(['', 'Saldo akhir', '', 'Rp200.000', 'Rp0', 'Rp200.000']));
    rows = tableRows('Buku kas');
    expect(rows).toHaveLength(3);
  });

  it('Catatan untuk diperiksa: lists flagged entries, follows new flags, and drops a flagged entry once reversed', async () => {
    const r = rupiah;
    // Siti holds sukarela 0: withdrawing 50.000 overdraws it (flagged, accepted as a fact).
    const overdrawn = await record(session.db, { type: 'savings.withdrawn', date: '2025-06-10', data: { memberId: books.siti, kind: 'sukarela', amount: r(50_000), via: 'cash' } });
    open('/laporan/catatan');
    await eventually(() => expect(tableRows('Catatan untuk diperiksa')).toHaveLength(1));
    expect(tableRows('Catatan untuk diperiksa')[0]?.slice(0, 4)).toEqual(['10/06/2025', 'Penarikan melebihi saldo simpanan', 'Penarikan simpanan', 'A-001 Siti Aminah']);
    // A second flag while the screen is open (Budi's pokok withdrawn while a member: locked).
    await record(session.db, { type: 'savings.withdrawn', date: '2025-07-01', data: { memberId: books.budi, kind: 'pokok', amount: r(10_000), via: 'cash' } });
    await eventually(() => expect(tableRows('Catatan untuk diperiksa')).toHaveLength(2));
    expect(tableRows('Catatan untuk diperiksa')[1]?.slice(0, 2)).toEqual(['01/07/2025', 'Simpanan pokok/wajib ditarik padahal anggota belum keluar']);
    // The overdraw was a mistake and is reversed: it leaves the list.
    await record(session.db, { type: 'entry.reversed', date: '2025-06-11', data: { entryId: overdrawn.id, reason: 'Salah catat' } });
    await eventually(() => expect(tableRows('Catatan untuk diperiksa')).toHaveLength(1));
    expect(tableRows('Catatan untuk diperiksa')[0]?.[0]).toBe('01/07/2025');
  });

  it('Daftar anggota: savings and loans per member with totals; CSV has the same numbers', async () => {
    const user = userEvent.setup();
    let saved: { name: string; blob: Blob } | undefined;
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = { name: '', blob: blob as Blob };
      return 'blob:report';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (saved !== undefined) saved.name = this.download;
    });
    open('/laporan/anggota');
    setDate('Per tanggal', '2025-12-31');
    await eventually(() => expect(rowOf(tableRows('Daftar anggota dan simpanan'), 'A-001')).toBeDefined());
    const rows = tableRows('Daftar anggota dan simpanan');
    expect(rows).toEqual([
      ['A-001', 'Siti Aminah', 'Aktif', 'Rp100.000', 'Rp240.000', 'Rp0', 'Rp0'],
      ['A-002', 'Budi Santoso', 'Aktif', 'Rp100.000', 'Rp120.000', 'Rp0', 'Rp900.000'],
      ['', 'Jumlah (2)', '', 'Rp200.000', 'Rp360.000', 'Rp0', 'Rp900.000'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(created).toHaveBeenCalledTimes(1);
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(saved?.name).toBe('anggota-2025-12-31.csv');
    expect(saved?.blob.type).toBe('text/csv;charset=utf-8');
    // Decoded keeping the BOM: Excel needs it to read the file as UTF-8.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBlob(saved?.blob));
    expect(text).toBe(
      '\uFEFFNo. anggota,Nama,Status,Pokok (Rp),Wajib (Rp),Sukarela (Rp),Sisa pinjaman (Rp)\r\n' +
        'A-001,Siti Aminah,Aktif,100000,240000,0,0\r\n' +
        'A-002,Budi Santoso,Aktif,100000,120000,0,900000\r\n' +
        ',Jumlah (2),,200000,360000,0,900000\r\n',
    );
  });

  it('Daftar pinjaman: outstanding, next due, days past due and collectibility; XLSX has the numbers', async () => {
    const user = userEvent.setup();
    const downloaded = captureDownloads();
    open('/laporan/pinjaman');
    setDate('Per tanggal', '2025-06-30');
    await eventually(() => expect(rowOf(tableRows('Daftar pinjaman (kolektibilitas)'), 'A-002 Budi Santoso')).toBeDefined());
    const rows = tableRows('Daftar pinjaman (kolektibilitas)');
    expect(rows[0]).toEqual(['A-002 Budi Santoso', 'Rp1.000.000', 'Rp900.000', 'Rp15.000', '01/05/2025', '60', 'Lancar']);
    const classes = tableRows('Kolektibilitas');
    expect(rowOf(classes, 'Lancar')).toEqual(['Lancar', '1', 'Rp900.000']);
    expect(rowOf(classes, 'Macet')).toEqual(['Macet', '0', 'Rp0']);
    // A year later nothing more was paid: 425 days past due, macet.
    setDate('Per tanggal', '2026-06-30');
    await eventually(() => expect((tableRows('Daftar pinjaman (kolektibilitas)'))[0]?.slice(5)).toEqual(['425', 'Macet']));

    await user.click(screen.getByRole('button', { name: 'Unduh XLSX' }));
    expect(downloaded()?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(await readBlob(downloaded()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<c r="B2" s="1"><v>1000000</v></c><c r="C2" s="1"><v>900000</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">A-002 Budi Santoso</t>');
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('name="Kolektibilitas"');
  });

  it('Jadwal angsuran: the loan’s installments with totals', async () => {
    open(`/laporan/jadwal-angsuran?pinjaman=${books.loanId}`);
    await eventually(() => expect(tableRows('Jadwal angsuran')).toHaveLength(11));
    const rows = tableRows('Jadwal angsuran');
    expect(rows[0]).toEqual(['1', '01/04/2025', 'Rp100.000', 'Rp15.000', 'Rp115.000', 'Rp900.000']);
    expect(rows[9]).toEqual(['10', '01/01/2026', 'Rp100.000', 'Rp15.000', 'Rp115.000', 'Rp0']);
    expect(rows[10]).toEqual(['Jumlah', '', 'Rp1.000.000', 'Rp150.000', 'Rp1.150.000', '']);
    expect(screen.getByLabelText('Pilih pinjaman')).toHaveDisplayValue('A-002 Budi Santoso — 01/03/2025 — Rp1.000.000');
  });

  it('SHU: funds by the default allocation and each member’s share', async () => {
    const user = userEvent.setup();
    open('/laporan/shu');
    const year = screen.getByLabelText('Tahun buku');
    await user.clear(year);
    await user.type(year, '20x5');
    expect(screen.getByRole('alert')).toHaveTextContent('Tahun harus 4 angka, 2000 sampai 2200.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.clear(year);
    await user.type(year, '2025');
    await eventually(() => expect(rowOf(tableRows('Pembagian dana'), 'Cadangan')).toEqual(['Cadangan', '40%', 'Rp180.000']));
    const funds = tableRows('Pembagian dana');
    expect(rowOf(funds, 'Jasa modal (simpanan)')).toEqual(['Jasa modal (simpanan)', '20%', 'Rp90.000']);
    expect(rowOf(funds, 'Dana sosial')).toEqual(['Dana sosial', '5%', 'Rp22.500']);
    expect(rowOf(funds, 'SHU tahun ini')).toEqual(['SHU tahun ini', '100%', 'Rp450.000']);
    // Capital 340.000 : 220.000 of 90.000; patronage 500.000 purchases : 15.000 interest of 90.000.
    const members = tableRows('Bagian anggota');
    expect(rowOf(members, 'A-001 Siti Aminah')).toEqual(['A-001 Siti Aminah', 'Rp340.000', 'Rp500.000', 'Rp54.642', 'Rp87.378', 'Rp142.020']);
    expect(rowOf(members, 'A-002 Budi Santoso')).toEqual(['A-002 Budi Santoso', 'Rp220.000', 'Rp15.000', 'Rp35.357', 'Rp2.621', 'Rp37.978']);
    expect(rowOf(members, 'Sisa pembulatan (masuk cadangan)')?.[5]).toBe('Rp2');
  });

  it('Catatan: a flagged entry with its reason in words; gone once reversed', async () => {
    const withdrawal = await record(session.db, {
      type: 'savings.withdrawn',
      date: '2025-07-01',
      data: { memberId: books.siti, kind: 'sukarela', amount: rupiah(50_000), via: 'cash' },
    });
    open('/laporan/catatan');
    await eventually(() =>
      expect((tableRows('Catatan untuk diperiksa'))[0]?.slice(0, 4)).toEqual([
        '01/07/2025',
        'Penarikan melebihi saldo simpanan',
        'Penarikan simpanan',
        'A-001 Siti Aminah',
      ]),
    );
    await record(session.db, { type: 'entry.reversed', date: '2025-07-02', data: { entryId: withdrawal.id, reason: 'Salah catat' } });
    await eventually(() => expect(tableRows('Catatan untuk diperiksa')).toEqual([['Belum ada data untuk periode ini.']]));
  });
});
