import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { newEntryId, newLoanId, newMemberId, type LoanId, type MemberId } from '../../src/domain/ids.ts';
import type { LoanMethod } from '../../src/domain/entry/schema.ts';
import { rupiah } from '../../src/domain/money.ts';
import LoansPage from '../../src/features/loans/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';


/** Saving signs and commits through fake-indexeddb: allow for a busy 2-core CI machine. */
const SLOW = { timeout: 5_000 };
let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
});
afterEach(() => {
  closeSession(session);
  vi.useRealTimers();
});

/** Screens read "today" in Jakarta; pin it (only Date is faked, timers run as usual). */
function todayIs(date: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${date}T03:00:00.000Z`));
}

async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>): Promise<void> {
  const result = await appendEntry(db, { ...draft, actor: 'Bu Siti', id: newEntryId() } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
}

type Seeded = { memberId: MemberId; loanId: LoanId };

/** Rp5.000.000, 12 months, 1,5 % flat, fine 0,1 % per day. */
async function seedLoan(db: LumbungDb, opts: { disbursed: string; firstDue: string; number?: string; name?: string; method?: LoanMethod }): Promise<Seeded> {
  const memberId = newMemberId();
  const loanId = newLoanId();
  await record(db, { type: 'member.joined', date: '2025-01-05', data: { memberId, number: opts.number ?? 'L-001', name: opts.name ?? 'Siti Aminah', joinedOn: '2025-01-05' } });
  await record(db, {
    type: 'loan.disbursed',
    date: opts.disbursed,
    data: { loanId, memberId, principal: rupiah(5_000_000), months: 12, rateBp: 150, method: opts.method ?? 'flat', firstDue: opts.firstDue, adminFee: rupiah(0), fineBpPerDay: 10, via: 'cash' },
  });
  return { memberId, loanId };
}

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<LoansPage />);
}

const repaid = async (db: LumbungDb) =>
  (await db.entries.where('type').equals('loan.repaid').toArray()).map((r) => r.entry).flatMap((e) => (e.type === 'loan.repaid' ? [e] : []));

async function typeAmount(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.type(field, value);
}

describe('Pembayaran angsuran', () => {
  it('suggests fine, then interest, then principal; waiving the fine moves the money on; saves what was paid', async () => {
    const { loanId, memberId } = await seedLoan(session.db, { disbursed: '2026-01-01', firstDue: '2026-02-01' });
    const user = userEvent.setup();
    open(`/pinjaman/${loanId}/bayar`);
    expect(await screen.findByRole('heading', { name: 'Pembayaran angsuran' })).toBeInTheDocument();
    // Installment 1 (Rp491.666) is 10 days late on 11/02/2026: 491 666 × 0,1 % × 10 = 4 916,66 → Rp4.917.
    fireEvent.change(screen.getByLabelText('Tanggal bayar'), { target: { value: '2026-02-11' } });
    expect(screen.getByTestId('repay-suggested-fine')).toHaveTextContent('Rp4.917');
    await typeAmount(user, 'Uang diterima', '496.583');
    expect(screen.getByLabelText('Denda')).toHaveValue('4.917');
    expect(screen.getByLabelText('Jasa (bunga)')).toHaveValue('75.000');
    expect(screen.getByLabelText('Pokok')).toHaveValue('416.666');

    // Waived: the same money pays installment 1 in full and 4 917 of installment 2's interest.
    await user.click(screen.getByLabelText('Hapuskan denda'));
    expect(screen.getByLabelText('Denda')).toHaveValue('0');
    expect(screen.getByLabelText('Jasa (bunga)')).toHaveValue('79.917');
    expect(screen.getByLabelText('Pokok')).toHaveValue('416.666');

    // An edited split must still sum to the money received.
    await typeAmount(user, 'Jasa (bunga)', '75.000');
    expect(screen.getByText('Pokok + jasa + denda (Rp491.666) harus sama dengan uang diterima (Rp496.583).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Simpan pembayaran' })).toBeDisabled();
    await typeAmount(user, 'Pokok', '421.583');
    expect(screen.getByRole('button', { name: 'Simpan pembayaran' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Simpan pembayaran' }));
    expect(await screen.findByText('Tersimpan', {}, SLOW)).toBeInTheDocument();
    const saved = await repaid(session.db);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.date).toBe('2026-02-11');
    expect(saved[0]?.data).toMatchObject({ loanId, memberId, principal: 421_583, interest: 75_000, fine: 0, via: 'cash' });
    expect(screen.getByRole('link', { name: 'Lihat kuitansi' })).toHaveAttribute('href', `/kuitansi/${saved[0]?.id ?? ''}`);
  }, 30_000);

  it('explains that a payment covering only interest cannot be saved (principal must be above zero)', async () => {
    const { loanId } = await seedLoan(session.db, { disbursed: '2026-01-01', firstDue: '2026-02-01' });
    const user = userEvent.setup();
    open(`/pinjaman/${loanId}/bayar`);
    fireEvent.change(await screen.findByLabelText('Tanggal bayar'), { target: { value: '2026-02-01' } });
    await typeAmount(user, 'Uang diterima', '75.000');
    expect(screen.getByLabelText('Pokok')).toHaveValue('0');
    expect(screen.getByText(/Uang ini hanya menutup jasa dan denda\. Setiap pembayaran harus memuat pokok lebih dari nol/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Simpan pembayaran' })).toBeDisabled();
  });

  it('a payment beyond what is owed warns, needs confirmation and is flagged', async () => {
    const { loanId } = await seedLoan(session.db, { disbursed: '2026-01-01', firstDue: '2026-02-01' });
    const user = userEvent.setup();
    open(`/pinjaman/${loanId}/bayar`);
    fireEvent.change(await screen.findByLabelText('Tanggal bayar'), { target: { value: '2026-02-01' } });
    // Everything owed is 5 900 000 (principal + all interest); 100 000 more goes to principal.
    await typeAmount(user, 'Uang diterima', '6jt');
    expect(screen.getByLabelText('Pokok')).toHaveValue('5.100.000');
    expect(screen.getByLabelText('Jasa (bunga)')).toHaveValue('900.000');
    expect(screen.getByTestId('repay-beyond')).toHaveTextContent('Pokok yang dibayar melebihi sisa pinjaman (Rp5.000.000).');
    await user.click(screen.getByRole('button', { name: 'Simpan pembayaran' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Periksa dulu sebelum menyimpan' }, SLOW);
    expect(within(dialog).getByTestId('repay-warnings')).toHaveTextContent('Angsuran melebihi sisa pinjaman');
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(await repaid(session.db)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Simpan pembayaran' }));
    await user.click(within(await screen.findByRole('alertdialog', {}, SLOW)).getByRole('button', { name: 'Tetap simpan' }));
    expect(await screen.findByTestId('flag-note', {}, SLOW)).toHaveTextContent('Angsuran melebihi sisa pinjaman');
    expect((await repaid(session.db))[0]?.data).toMatchObject({ principal: 5_100_000, interest: 900_000, fine: 0 });
  }, 30_000);
});

describe('Rincian pinjaman and pelunasan dipercepat', () => {
  it('shows paid marks and status, and settles early for principal + the running month’s interest', async () => {
    todayIs('2026-03-15');
    const { loanId, memberId } = await seedLoan(session.db, { disbursed: '2026-01-15', firstDue: '2026-02-15' });
    await record(session.db, { type: 'loan.repaid', date: '2026-02-15', data: { loanId, memberId, principal: rupiah(416_666), interest: rupiah(75_000), fine: rupiah(0), via: 'cash' } });
    const user = userEvent.setup();
    open(`/pinjaman/${loanId}`);
    expect(await screen.findByRole('heading', { name: 'Pinjaman: Siti Aminah' })).toBeInTheDocument();
    expect(screen.getByTestId('loan-outstanding')).toHaveTextContent('Rp4.583.334');
    expect(screen.getByTestId('loan-dpd')).toHaveTextContent('0');
    expect(screen.getByTestId('loan-collectibility')).toHaveTextContent('Lancar');
    const rows = within(screen.getByTestId('schedule')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Lunas');
    expect(rows[2]).toHaveTextContent('Belum');
    expect(screen.getAllByTestId('loan-repayment')).toHaveLength(1);
    // Principal 4 583 334 + installment 2's interest (its month is running) 75 000; no fine.
    expect(screen.getByTestId('settlement-total')).toHaveTextContent('Rp4.658.334');

    await user.click(screen.getByRole('link', { name: 'Lunasi sekarang' }));
    expect(await screen.findByRole('heading', { name: 'Pembayaran angsuran' }, { timeout: 5_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Uang diterima')).toHaveValue('4.658.334'), { timeout: 5_000 });
    expect(screen.getByLabelText('Pokok')).toHaveValue('4.583.334');
    expect(screen.getByLabelText('Jasa (bunga)')).toHaveValue('75.000');
    expect(screen.getByLabelText('Denda')).toHaveValue('0');
    await user.click(screen.getByRole('button', { name: 'Simpan pembayaran' }));
    expect(await screen.findByText('Tersimpan', {}, SLOW)).toBeInTheDocument();
    const last = (await repaid(session.db)).find((e) => e.date === '2026-03-15');
    expect(last?.data).toMatchObject({ principal: 4_583_334, interest: 75_000, fine: 0 });

    await user.click(screen.getByRole('link', { name: 'Kembali ke pinjaman' }));
    expect(await screen.findByText('Pinjaman ini sudah lunas.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByTestId('loan-outstanding')).toHaveTextContent('Rp0');
  }, 30_000);

  it('a late loan: days past due, collectibility, fine in the settlement', async () => {
    todayIs('2026-03-15');
    const { loanId } = await seedLoan(session.db, { disbursed: '2025-11-01', firstDue: '2025-12-01' });
    open(`/pinjaman/${loanId}`);
    // 1 Dec 2025 → 15 Mar 2026 = 104 days: kurang lancar (91–180).
    expect(await screen.findByTestId('loan-dpd')).toHaveTextContent('104');
    expect(screen.getByTestId('loan-collectibility')).toHaveTextContent('Kurang lancar');
    const rows = within(screen.getByTestId('schedule')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Terlambat');
    // Fine: 491 666 × (104 + 73 + 42 + 14 days) × 0,1 % = 491 666 × 233 / 1000 = 114 558,18 → 114 558.
    // Interest: installments 1–5 have begun (the 5th's month runs from 2 Mar): 5 × 75 000. Principal 5 000 000.
    expect(screen.getByTestId('settlement-total')).toHaveTextContent('Rp5.489.558');
  });
});

describe('Daftar pinjaman', () => {
  it('lists open loans, most overdue first, and filters the overdue ones', async () => {
    todayIs('2026-03-15');
    await seedLoan(session.db, { disbursed: '2026-03-01', firstDue: '2026-04-01', number: 'L-002', name: 'Budi Lancar' });
    await seedLoan(session.db, { disbursed: '2025-11-01', firstDue: '2025-12-01', number: 'L-003', name: 'Tono Telat' });
    const user = userEvent.setup();
    open('/pinjaman');
    expect(await screen.findByText('2 pinjaman')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('loan-item')[0]).toHaveTextContent('L-003 Tono Telat'));
    const [late, current] = screen.getAllByTestId('loan-item');
    expect(late).toHaveTextContent('terlambat 104 hari');
    expect(late).toHaveTextContent('Kurang lancar');
    expect(late).toHaveTextContent('Rp5.000.000');
    expect(current).toHaveTextContent('01/04/2026');
    expect(current).toHaveTextContent('Lancar');
    await user.click(screen.getByLabelText('Menunggak'));
    expect(await screen.findByText('1 pinjaman')).toBeInTheDocument();
    expect(screen.getAllByTestId('loan-item')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'L-003 Tono Telat' })).toHaveAttribute('href', expect.stringMatching(/^\/pinjaman\/[0-9a-f-]{36}$/));
  });

  it('opens on the overdue loans from a link with ?tampil=menunggak', async () => {
    todayIs('2026-03-15');
    await seedLoan(session.db, { disbursed: '2026-03-01', firstDue: '2026-04-01', number: 'L-004', name: 'Rina Lancar' });
    await seedLoan(session.db, { disbursed: '2026-01-01', firstDue: '2026-02-01', number: 'L-005', name: 'Joko Telat' });
    open('/pinjaman?tampil=menunggak');
    expect(await screen.findByText('1 pinjaman')).toBeInTheDocument();
    expect(screen.getByLabelText('Menunggak')).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('loan-item')).toHaveTextContent('terlambat 42 hari'));
  });
});
