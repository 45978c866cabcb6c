import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { formatRupiah } from '../../src/domain/money-format.ts';
import { rupiah } from '../../src/domain/money.ts';
import { computeShu, DEFAULT_SHU_ALLOCATION, yearClosedData } from '../../src/domain/shu.ts';
import ClosingPage from '../../src/features/closing/index.tsx';
import { entriesOfType, seedBooks, type SeededBooks } from './cash-seed.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
let books: SeededBooks;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
  books = await seedBooks(session.db);
});
afterEach(() => closeSession(session));

function open() {
  window.history.replaceState(null, '', '/tutup-buku');
  return render(<ClosingPage />);
}

const eventually = (check: () => void) => waitFor(check, { timeout: 5_000 });

function tableRows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return Array.from(table.querySelectorAll('tbody tr, tfoot tr'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent));
}

async function chooseYear(year: string) {
  const user = userEvent.setup();
  const field = screen.getByLabelText('Tahun buku');
  await user.clear(field);
  await user.type(field, year);
  return user;
}

/** The 2025 bases worked out from the seed: capital = pokok + wajib, patronage = interest + purchases. */
function expected2025() {
  return computeShu(2025, rupiah(450_000), DEFAULT_SHU_ALLOCATION, [
    { memberId: books.siti, capitalBasis: rupiah(340_000), patronageBasis: rupiah(500_000) },
    { memberId: books.budi, capitalBasis: rupiah(220_000), patronageBasis: rupiah(15_000) },
  ]);
}

describe('Tutup buku', { timeout: 20_000 }, () => {
  it('previews the SHU exactly as the domain computes it, then closes with a balanced year.closed', async () => {
    open();
    const user = await chooseYear('2025');
    await eventually(() => expect(screen.getByTestId('closing-shu')).toHaveTextContent('Rp450.000'));
    const shu = expected2025();
    const members = tableRows('Bagian anggota');
    const name = (id: string) => (id === books.siti ? 'A-001 Siti Aminah' : 'A-002 Budi Santoso');
    expect(members.slice(0, 2)).toEqual(
      shu.members.map((s) => [name(s.memberId), s.capitalBasis, s.patronageBasis, s.capital, s.patronage, s.total].map((v) => (typeof v === 'string' ? v : formatRupiah(v)))),
    );
    expect(members[3]).toEqual(['Sisa pembulatan (masuk cadangan)', '', '', '', '', formatRupiah(shu.remainder)]);
    expect(shu.remainder).toBe(2);
    const funds = tableRows('Pembagian dana');
    expect(funds.slice(0, 7).map((row) => row[2])).toEqual(shu.funds.map((f) => formatRupiah(f.amount)));
    expect(screen.getByTestId('closing-record')).toHaveTextContent('Cadangan: Rp180.002');
    expect(screen.getByTestId('closing-record')).toHaveTextContent('Utang SHU anggota (2-150): Rp179.998 untuk 2 anggota');
    expect(screen.getByTestId('closing-warnings')).toHaveTextContent(
      'Sesudah tutup buku, catatan baru bertanggal tahun 2025 akan ditandai untuk diperiksa pengawas.',
    );

    const close = screen.getByRole('button', { name: 'Tutup buku tahun 2025' });
    fireEvent.change(screen.getByLabelText('Tanggal tutup buku (tanggal RAT)'), { target: { value: '2025-11-30' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Tanggal tutup buku paling awal 31/12/2025.');
    expect(close).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Tanggal tutup buku (tanggal RAT)'), { target: { value: '2026-03-14' } });
    expect(close).toBeEnabled();
    await user.click(close);
    const dialog = await screen.findByRole('alertdialog', { name: 'Tutup buku tahun 2025?' });
    expect(dialog).toHaveTextContent('SHU Rp450.000 dibagi seperti tabel di atas.');
    await user.click(within(dialog).getByRole('button', { name: 'Ya, tutup buku' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    expect(screen.queryByTestId('flag-note')).not.toBeInTheDocument();

    const [entry] = await entriesOfType(session.db, 'year.closed');
    if (entry?.type !== 'year.closed') throw new Error('expected year.closed');
    expect(entry.date).toBe('2026-03-14');
    expect(entry.data).toEqual(yearClosedData(shu));
    expect(entry.lines).toEqual([
      { account: '3-130', debit: 450_000, credit: 0 },
      { account: '3-110', debit: 0, credit: 180_002 },
      { account: '2-141', debit: 0, credit: 22_500 },
      { account: '2-142', debit: 0, credit: 22_500 },
      { account: '2-143', debit: 0, credit: 22_500 },
      { account: '2-144', debit: 0, credit: 22_500 },
      { account: '2-150', debit: 0, credit: 179_998 },
    ]);
    const debit = entry.lines.reduce((sum, l) => sum + l.debit, 0);
    const credit = entry.lines.reduce((sum, l) => sum + l.credit, 0);
    expect(debit).toBe(credit);

    // The year is closed now: said so, and no second close is offered.
    await eventually(() => expect(screen.getByTestId('closing-warnings')).toHaveTextContent('Tahun 2025 sudah ditutup pada 14/03/2026.'));
    await chooseYear('2024');
    await chooseYear('2025');
    await eventually(() => expect(screen.getByTestId('closing-warnings')).toHaveTextContent('sudah ditutup'));
    expect(screen.queryByRole('button', { name: 'Tutup buku tahun 2025' })).not.toBeInTheDocument();
  });

  it('a year with no SHU closes with no lines; the current year cannot be closed', async () => {
    open();
    const user = await chooseYear('2024');
    await eventually(() => expect(screen.getByTestId('closing-shu')).toHaveTextContent('Rp0'));
    expect(screen.getByTestId('closing-warnings')).toHaveTextContent('SHU nol atau rugi: tidak ada yang dibagi.');
    await user.click(screen.getByRole('button', { name: 'Tutup buku tahun 2024' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ya, tutup buku' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const [entry] = await entriesOfType(session.db, 'year.closed');
    expect(entry?.data).toEqual({ year: 2024, shu: 0, funds: [], members: [] });
    expect(entry?.lines).toEqual([]);

    const thisYear = todayInJakarta().slice(0, 4);
    await chooseYear(thisYear);
    await eventually(() =>
      expect(screen.getByTestId('closing-warnings')).toHaveTextContent(`Tahun ${thisYear} belum selesai. Tutup buku baru bisa setelah 31 Desember ${thisYear}.`),
    );
    expect(screen.queryByRole('button', { name: `Tutup buku tahun ${thisYear}` })).not.toBeInTheDocument();
  });

  it('a pengawas sees the preview but cannot close', async () => {
    closeSession(session);
    session = await openSignedInSession({ role: 'pengawas', name: 'Pak Harun' });
    books = await seedBooks(session.db);
    open();
    await chooseYear('2025');
    await eventually(() => expect(screen.getByTestId('closing-shu')).toHaveTextContent('Rp450.000'));
    expect(screen.getByText('Pengguna pengawas hanya bisa melihat, tidak bisa menutup buku.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tutup buku tahun/ })).not.toBeInTheDocument();
  });
});
