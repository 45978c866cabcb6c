import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newMemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import { compareNatural, sortNatural } from '../../src/domain/reports/order.ts';
import ReportsPage from '../../src/features/reports/index.tsx';
import { FIRST_FRAME_ROWS } from '../../src/features/reports/ReportTable.tsx';
import { captureDownloads, readBlobText } from './report-downloads.ts';
import { recordedOnAnotherPhone, type PulledBody } from './pulled-entries.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

/**
 * SHU of a cooperative with more members than one page of a report table: the screen renders a
 * page at a time, and the totals, print and export still cover every member.
 */
const MEMBERS = 230;

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
  // 230 members, member k saving k × Rp1.000 pokok; one sale of Rp10.000.000 at the gerai in 2025.
  const bodies: PulledBody[] = [];
  for (let k = 1; k <= MEMBERS; k++) {
    const memberId = newMemberId();
    const number = `A-${String(k)}`;
    bodies.push({ type: 'member.joined', date: '2025-01-05', data: { memberId, number, name: `Warga ${String(k)}`, joinedOn: '2025-01-05' } });
    bodies.push({ type: 'savings.deposited', date: '2025-01-05', data: { memberId, kind: 'pokok', amount: rupiah(k * 1_000), via: 'cash' } });
  }
  bodies.push({ type: 'cash.received', date: '2025-06-01', data: { account: '4-110', amount: rupiah(10_000_000), via: 'cash', memo: 'Penjualan gerai' } });
  await recordedOnAnotherPhone(session.db, bodies);
});
afterEach(() => {
  closeSession(session);
  vi.restoreAllMocks();
});

const cellsOf = (rows: Iterable<Element>) => Array.from(rows, (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent));
const bodyRows = () => cellsOf(screen.getByRole('table', { name: 'Bagian anggota' }).querySelectorAll('tbody tr'));
const footRows = () => cellsOf(screen.getByRole('table', { name: 'Bagian anggota' }).querySelectorAll('tfoot tr'));
const rupiahOf = (text: string | null | undefined) => Number((text ?? '').replace(/^Rp/, '').replaceAll('.', ''));

async function openShu2025() {
  window.history.replaceState(null, '', '/laporan/shu');
  render(<ReportsPage />);
  const year = screen.getByLabelText('Tahun buku');
  fireEvent.change(year, { target: { value: '2025' } });
  await waitFor(() => expect(screen.getByRole('table', { name: 'Bagian anggota' })).toBeInTheDocument(), { timeout: 20_000 });
}

describe('SHU with more members than a page', { timeout: 60_000 }, () => {
  it('pages through every member in number order, and the shown shares add up to the totals row', async () => {
    const user = userEvent.setup();
    await openShu2025();
    // The first frame holds a screen's worth of rows; the page's other rows follow once it is painted,
    // while the table says from the start that it shows the whole page.
    expect(bodyRows()).toHaveLength(FIRST_FRAME_ROWS);
    expect(screen.getByText('Menampilkan 50 dari 230 baris.')).toBeInTheDocument();
    await waitFor(() => expect(bodyRows()).toHaveLength(50));
    expect(screen.getByText('Menampilkan 50 dari 230 baris.')).toBeInTheDocument();
    // The totals are of all 230 members from the first page on.
    const [totals] = footRows();
    expect(totals?.[0]).toBe('Jumlah (230)');
    // Pokok saved: 1 000 × (1 + … + 230) = Rp26.565.000.
    expect(rupiahOf(totals?.[1])).toBe(26_565_000);

    for (const shown of [100, 150, 200]) {
      await user.click(screen.getByRole('button', { name: 'Tampilkan 50 baris lagi' }));
      expect(bodyRows()).toHaveLength(shown);
    }
    await user.click(screen.getByRole('button', { name: 'Tampilkan 30 baris lagi' }));
    const rows = bodyRows();
    expect(rows).toHaveLength(MEMBERS);
    expect(screen.queryByRole('button', { name: /baris lagi/ })).not.toBeInTheDocument();
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: MEMBERS }, (_, k) => `A-${String(k + 1)} Warga ${String(k + 1)}`));
    // Every money column of the pages adds up to its total.
    for (let col = 1; col <= 5; col++) {
      expect(rows.reduce((sum, r) => sum + rupiahOf(r[col]), 0)).toBe(rupiahOf(totals?.[col]));
    }
    expect(rupiahOf(rows[229]?.[1])).toBe(230_000);
  });

  it('prints and exports every member whatever page is on screen', async () => {
    const user = userEvent.setup();
    const downloaded = captureDownloads();
    await openShu2025();
    await waitFor(() => expect(bodyRows()).toHaveLength(50));

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    const csv = await readBlobText(downloaded());
    const memberLines = csv.split('\r\n').filter((line) => /^A-\d+ Warga/.test(line));
    expect(memberLines).toHaveLength(MEMBERS);
    expect(csv).toContain('Jumlah (230),26565000,');

    fireEvent(window, new Event('beforeprint'));
    expect(bodyRows()).toHaveLength(MEMBERS);
    expect(within(screen.getByRole('table', { name: 'Bagian anggota' })).queryByRole('button')).toBeNull();
  });
});

describe('natural order of member labels', () => {
  it('sortNatural orders as compareNatural does (A-2 before A-10, leading zeros, mixed text)', () => {
    const labels = ['A-10 Budi', 'A-2 Siti', 'A-002 Sri', 'B-1 Eko', 'A-2 Ani', 'a-3', 'A-02', '10', '9', 'A-', ''];
    expect(sortNatural(labels, (l) => l)).toEqual([...labels].sort(compareNatural));
    expect(sortNatural(labels, (l) => l).slice(0, 2)).toEqual(['', '9']);
  });
});
