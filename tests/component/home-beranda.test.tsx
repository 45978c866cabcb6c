import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import { addDays, addMonthsClamped, todayInJakarta } from '../../src/domain/dates.ts';
import { newLoanId, newMemberId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import HomePage from '../../src/features/home/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
afterEach(() => closeSession(session));

const today = todayInJakarta();
const threeMonthsAgo = addMonthsClamped(today, -3);
const DAY = 86_400_000;

async function record(draft: Omit<EntryDraft, 'actor'>, recordedAt?: Date): Promise<number> {
  if (session === undefined) throw new Error('no session');
  const result = await appendEntry(session.db, { ...draft, actor: 'Bu Siti' } as EntryDraft, {
    locks: null,
    ...(recordedAt === undefined ? {} : { now: () => recordedAt }),
  });
  if (!result.ok) throw new Error(`append failed: ${result.error}`);
  return result.value.flags.length;
}

const join = (memberId: MemberId, number: string, name: string) =>
  record({ type: 'member.joined', date: today, data: { memberId, number, name, joinedOn: today } });

describe('Beranda', () => {
  it('shows cash per via as of today, the unsent entries and what needs attention, from real entries', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: { name: 'KDMP Sukamaju', village: 'Sukamaju', district: 'Cibadak' } });
    const [a, b, c] = [newMemberId(), newMemberId(), newMemberId()];
    let flags = 0;
    // Oldest unsent entry recorded two days (and an hour) ago.
    flags += await record(
      { type: 'cash.received', date: threeMonthsAgo, data: { account: '3-120', amount: rupiah(5_000_000), via: 'bank', memo: 'Hibah desa' } },
      new Date(Date.now() - 2 * DAY - 3_600_000),
    );
    flags += await join(a, 'A-001', 'Siti Aminah');
    flags += await join(b, 'A-002', 'Budi Santoso');
    flags += await join(c, 'A-003', 'Cahya Dewi');
    // An overdue loan (first installment two months ago, nothing repaid) and one not yet due.
    flags += await record({
      type: 'loan.disbursed',
      date: threeMonthsAgo,
      data: { loanId: newLoanId(), memberId: a, principal: rupiah(1_200_000), months: 12, rateBp: 150, method: 'flat', firstDue: addMonthsClamped(today, -2), adminFee: rupiah(0), fineBpPerDay: 10, via: 'bank' },
    });
    flags += await record({
      type: 'loan.disbursed',
      date: today,
      data: { loanId: newLoanId(), memberId: b, principal: rupiah(600_000), months: 6, rateBp: 150, method: 'flat', firstDue: addMonthsClamped(today, 1), adminFee: rupiah(6_000), fineBpPerDay: 10, via: 'bank' },
    });
    flags += await record({ type: 'savings.deposited', date: today, data: { memberId: a, kind: 'pokok', amount: rupiah(50_000), via: 'cash' } });
    flags += await record({ type: 'savings.deposited', date: today, data: { memberId: a, kind: 'wajib', amount: rupiah(20_000), via: 'cash' } });
    flags += await record({ type: 'savings.deposited', date: today, data: { memberId: b, kind: 'wajib', amount: rupiah(10_000), via: 'cash' } });
    flags += await record({ type: 'cash.transferred', date: today, data: { from: 'bank', to: 'cash', amount: rupiah(500_000) } });
    flags += await record({ type: 'cash.paid', date: today, data: { account: '5-150', amount: rupiah(25_000), via: 'cash', memo: 'ATK' } });
    // Withdrawing sukarela that C never deposited: recorded, and flagged.
    const overdraft = await record({ type: 'savings.withdrawn', date: today, data: { memberId: c, kind: 'sukarela', amount: rupiah(5_000), via: 'cash' } });
    expect(overdraft).toBeGreaterThan(0);
    flags += overdraft;
    // Post-dated to tomorrow: not in the box today.
    flags += await record({ type: 'cash.received', date: addDays(today, 1), data: { account: '4-190', amount: rupiah(1_000_000), via: 'qris', memo: 'Sewa tenda' } });

    render(<HomePage />);

    const cash = await screen.findByTestId('home-cash');
    const row = (label: string) => {
      const dt = within(cash).getByText(label);
      const group = dt.parentElement;
      if (group === null) throw new Error('no row');
      return group;
    };
    const balance = (label: string) => within(cash).getByText(label).nextElementSibling?.textContent;
    // Kas: 50.000 + 20.000 + 10.000 + 500.000 − 25.000 − 5.000
    await waitFor(() => expect(balance('Kas tunai')).toBe('Rp550.000'));
    expect(row('Kas tunai')).toHaveTextContent('Hari ini masuk Rp580.000, keluar Rp30.000');
    // Bank: 5.000.000 − 1.200.000 − (600.000 − 6.000) − 500.000
    expect(balance('Bank')).toBe('Rp2.706.000');
    expect(row('Bank')).toHaveTextContent('Hari ini masuk Rp0, keluar Rp1.094.000');
    expect(balance('QRIS')).toBe('Rp0');
    expect(row('QRIS')).toHaveTextContent('Hari ini masuk Rp0, keluar Rp0');
    expect(balance('Jumlah')).toBe('Rp3.256.000');

    expect(await screen.findByTestId('home-outbox')).toHaveTextContent('13 entri menunggu, tertua 2 hari');
    expect(screen.getByRole('link', { name: 'Buka Sinkron' })).toHaveAttribute('href', '/sinkron');

    const wajib = await screen.findByTestId('home-wajib');
    expect(wajib).toHaveTextContent(/^2 anggota belum lunas simpanan wajib/);
    expect(within(wajib).getByRole('link', { name: 'Tagih simpanan wajib' })).toHaveAttribute('href', '/simpanan/wajib');

    const overdue = await screen.findByTestId('home-overdue');
    expect(overdue).toHaveTextContent('1 pinjaman menunggak, sisa pokok Rp1.200.000');

    expect(flags).toBeGreaterThan(0);
    expect(await screen.findByTestId('home-flags')).toHaveTextContent(`${flags} catatan bertanda perlu diperiksa`);

    expect(screen.getByRole('link', { name: 'Setor simpanan' })).toHaveAttribute('href', '/simpanan');
    expect(screen.getByRole('link', { name: 'Anggota baru' })).toHaveAttribute('href', '/anggota/baru');
  });

  it('updates live when an entry is saved while it is on screen', async () => {
    session = await openSignedInSession();
    render(<HomePage />);
    const cash = await screen.findByTestId('home-cash');
    const cashBalance = () => within(cash).getByText('Kas tunai').nextElementSibling?.textContent;
    await waitFor(() => expect(cashBalance()).toBe('Rp0'));
    expect(await screen.findByTestId('home-outbox')).toHaveTextContent('Belum ada catatan.');
    expect(await screen.findByTestId('home-wajib')).toHaveTextContent('Belum ada anggota aktif.');

    const member = newMemberId();
    await join(member, '017', 'Dewi Lestari');
    await record({ type: 'savings.deposited', date: today, data: { memberId: member, kind: 'sukarela', amount: rupiah(150_000), via: 'cash' } });

    await waitFor(() => expect(cashBalance()).toBe('Rp150.000'));
    // Trial mode: the entries stay on the phone until it is enrolled.
    expect(screen.getByTestId('home-outbox')).toHaveTextContent('2 entri tersimpan di HP ini saja.');
    expect(screen.getByRole('link', { name: 'Daftarkan HP' })).toHaveAttribute('href', '/daftar');
  });

  it('shows a pengawas no recording actions', async () => {
    session = await openSignedInSession({ name: 'Pak Joko', role: 'pengawas' });
    render(<HomePage />);
    expect(await screen.findByText('Masuk sebagai Pak Joko (Pengawas)')).toBeInTheDocument();
    expect(screen.getByText('Anda masuk sebagai pengawas: bisa melihat semua, tidak bisa mencatat.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Setor simpanan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Anggota baru' })).not.toBeInTheDocument();
  });
});
