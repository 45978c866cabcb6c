import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayInJakarta, formatDateId } from '../../src/domain/dates.ts';
import { rupiah } from '../../src/domain/money.ts';
import CashPage from '../../src/features/cash/index.tsx';
import { entriesOfType, join, record } from './cash-seed.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
});
afterEach(() => closeSession(session));

function open(path = '/kas') {
  window.history.replaceState(null, '', path);
  return render(<CashPage />);
}

describe('Kas masuk and kas keluar', { timeout: 20_000 }, () => {
  it('offers the right accounts and validates amount and memo as typed', async () => {
    const user = userEvent.setup();
    open();
    const form = await screen.findByRole('form', { name: 'Kas masuk' });
    const account = within(form).getByLabelText('Akun');
    await waitFor(() => expect(within(account).getAllByRole('option').length).toBeGreaterThan(3));
    const codes = within(account)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    // Revenue, equity and liability accounts; never cash itself, savings, loans or the current SHU.
    expect(codes).toEqual(expect.arrayContaining(['4-190', '4-110', '3-120', '2-110']));
    for (const handled of ['1-101', '1-102', '1-103', '1-110', '3-101', '3-102', '2-101', '3-130', '5-150']) {
      expect(codes).not.toContain(handled);
    }
    expect(account).toHaveValue('4-190');
    const save = within(form).getByRole('button', { name: 'Simpan kas masuk' });
    const amount = within(form).getByLabelText('Jumlah');
    const memo = within(form).getByLabelText('Keterangan');

    for (const [typed, message] of [
      ['0', 'Jumlah harus lebih dari nol.'],
      ['-5000', 'Jumlah tidak boleh negatif.'],
      ['lima ribu', 'Jumlah harus angka, misalnya 150000, 150.000 atau 1,5jt.'],
      ['20000000000', 'Jumlah terlalu besar: paling banyak Rp10.000.000.000. Periksa lagi angkanya.'],
    ] as const) {
      await user.clear(amount);
      await user.paste(typed);
      expect(within(form).getByRole('alert')).toHaveTextContent(message);
      expect(save).toBeDisabled();
    }
    await user.clear(amount);
    await user.type(amount, '2,5jt');
    expect(save).toBeDisabled(); // memo still empty
    await user.type(memo, '   ');
    expect(within(form).getByRole('alert')).toHaveTextContent('Isi keterangannya.');
    expect(memo).toHaveAttribute('aria-invalid', 'true');
    await user.click(memo);
    await user.paste('x'.repeat(201));
    expect(within(form).getByRole('alert')).toHaveTextContent('Keterangan paling banyak 200 huruf.');
    expect(save).toBeDisabled();
    expect(await entriesOfType(session.db, 'cash.received')).toHaveLength(0);
  });

  it('records cash.received against the chosen account, with a receipt number', async () => {
    const user = userEvent.setup();
    open();
    const form = await screen.findByRole('form', { name: 'Kas masuk' });
    const account = within(form).getByLabelText('Akun');
    await waitFor(() => expect(account).toHaveValue('4-190'));
    const save = within(form).getByRole('button', { name: 'Simpan kas masuk' });
    const memo = within(form).getByLabelText('Keterangan');
    await user.type(within(form).getByLabelText('Jumlah'), '2,5jt');
    await user.type(memo, '  Hibah dari Pemdes  ');
    await user.selectOptions(account, '3-120');
    await user.click(within(form).getByLabelText('Bank'));
    expect(save).toBeEnabled();
    await user.click(save);
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();

    const [entry] = await entriesOfType(session.db, 'cash.received');
    if (entry?.type !== 'cash.received') throw new Error('expected cash.received');
    expect(entry.data).toEqual({ account: '3-120', amount: 2_500_000, via: 'bank', memo: 'Hibah dari Pemdes' });
    expect(entry.lines).toEqual([
      { account: '1-102', debit: 2_500_000, credit: 0 },
      { account: '3-120', debit: 0, credit: 2_500_000 },
    ]);
    expect(screen.getByRole('link', { name: 'Lihat kuitansi' })).toHaveAttribute('href', `/kuitansi/${entry.id}`);
    expect((await session.db.entries.get(entry.id))?.receiptNo).toBeTruthy();
  });

  it('"Tersimpan" replaces the form; "Catat lagi" brings it back empty but for account, via and date, and saves a second entry', async () => {
    const user = userEvent.setup();
    open();
    const form = await screen.findByRole('form', { name: 'Kas masuk' });
    const account = within(form).getByLabelText('Akun');
    await waitFor(() => expect(account).toHaveValue('4-190'));
    await user.selectOptions(account, '3-120');
    await user.click(within(form).getByLabelText('Bank'));
    await user.type(within(form).getByLabelText('Jumlah'), '75000');
    await user.type(within(form).getByLabelText('Keterangan'), 'Hibah pertama');
    await user.click(within(form).getByRole('button', { name: 'Simpan kas masuk' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    // The form is out of sight (and out of the accessibility tree) while the outcome shows.
    expect(screen.queryByRole('form', { name: 'Kas masuk' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Catat lagi' }));
    const again = await screen.findByRole('form', { name: 'Kas masuk' });
    expect(screen.queryByText('Tersimpan')).not.toBeInTheDocument();
    expect(within(again).getByLabelText('Jumlah')).toHaveValue('');
    expect(within(again).getByLabelText('Keterangan')).toHaveValue('');
    expect(within(again).getByLabelText('Akun')).toHaveValue('3-120');
    expect(within(again).getByLabelText('Bank')).toBeChecked();
    await user.type(within(again).getByLabelText('Jumlah'), '25000');
    await user.type(within(again).getByLabelText('Keterangan'), 'Hibah kedua');
    await user.click(within(again).getByRole('button', { name: 'Simpan kas masuk' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const entries = await entriesOfType(session.db, 'cash.received');
    expect(entries.map((e) => (e.type === 'cash.received' ? [e.data.amount, e.data.memo, e.data.via, e.data.account] : []))).toEqual([
      [75_000, 'Hibah pertama', 'bank', '3-120'],
      [25_000, 'Hibah kedua', 'bank', '3-120'],
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(2);
  });

  it('records cash.paid from an expense account and warns when it is more than the cash box holds', async () => {
    await record(session.db, {
      type: 'cash.received',
      date: todayInJakarta(),
      data: { account: '4-190', amount: rupiah(100_000), via: 'cash', memo: 'Modal awal kas' },
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByLabelText('Kas keluar'));
    const form = await screen.findByRole('form', { name: 'Kas keluar' });
    const account = within(form).getByLabelText('Akun');
    await waitFor(() => expect(account).toHaveValue('5-150'));
    const codes = within(account)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(codes).toEqual(expect.arrayContaining(['5-110', '5-150', '5-190', '1-130', '2-150']));
    expect(codes).not.toContain('4-190');
    expect(within(form).queryByText('Anggota (boleh kosong)')).not.toBeInTheDocument();

    await user.type(within(form).getByLabelText('Jumlah'), '150.000');
    expect(await within(form).findByText('Lebih dari saldo Tunai saat ini (Rp100.000). Periksa lagi.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Jumlah'));
    await user.type(within(form).getByLabelText('Jumlah'), '35000');
    expect(within(form).queryByText(/Lebih dari saldo/)).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('Keterangan'), 'Listrik bulan November');
    await user.click(within(form).getByRole('button', { name: 'Simpan kas keluar' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const [entry] = await entriesOfType(session.db, 'cash.paid');
    if (entry?.type !== 'cash.paid') throw new Error('expected cash.paid');
    expect(entry.data).toEqual({ account: '5-150', amount: 35_000, via: 'cash', memo: 'Listrik bulan November' });
    expect(entry.lines).toEqual([
      { account: '5-150', debit: 35_000, credit: 0 },
      { account: '1-101', debit: 0, credit: 35_000 },
    ]);
    // Today's list shows both movements and the new balance.
    expect(await screen.findByText('Saldo Tunai: Rp65.000')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Listrik bulan November' })).toHaveAttribute('href', `/kuitansi/${entry.id}`);
  });
});

describe('Accounts added to the chart', { timeout: 20_000 }, () => {
  it('an added revenue account is offered for cash in, not for cash out', async () => {
    await record(session.db, { type: 'account.added', date: '2026-01-02', data: { code: '4-120', name: 'Sewa tenda dan kursi', type: 'revenue' } });
    const user = userEvent.setup();
    open();
    const form = await screen.findByRole('form', { name: 'Kas masuk' });
    expect(await within(form).findByRole('option', { name: '4-120 Sewa tenda dan kursi' })).toBeInTheDocument();
    await user.click(screen.getByLabelText('Kas keluar'));
    const out = await screen.findByRole('form', { name: 'Kas keluar' });
    await waitFor(() => expect(within(out).getByLabelText('Akun')).toHaveValue('5-150'));
    expect(within(out).queryByRole('option', { name: '4-120 Sewa tenda dan kursi' })).not.toBeInTheDocument();
  });
});

describe('Penjualan gerai', { timeout: 20_000 }, () => {
  it('records the day’s sales to 4-110 with the dated memo and the buying member', async () => {
    const memberId = await join(session.db, 'A-007', 'Sri Wahyuni');
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByLabelText('Penjualan gerai'));
    const form = await screen.findByRole('form', { name: 'Penjualan gerai' });
    expect(within(form).queryByLabelText('Akun')).not.toBeInTheDocument();
    expect(within(form).getByText(`Keterangan: Penjualan gerai ${formatDateId(todayInJakarta())}`)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Anggota (boleh kosong)'), 'Sri');
    await user.click(await within(form).findByRole('button', { name: /Sri Wahyuni/ }));
    await user.click(within(form).getByLabelText('QRIS'));
    await user.type(within(form).getByLabelText('Jumlah'), '345500');
    await user.click(within(form).getByRole('button', { name: 'Simpan penjualan' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const [entry] = await entriesOfType(session.db, 'cash.received');
    if (entry?.type !== 'cash.received') throw new Error('expected cash.received');
    expect(entry.data).toEqual({
      account: '4-110',
      amount: 345_500,
      via: 'qris',
      memo: `Penjualan gerai ${formatDateId(todayInJakarta())}`,
      memberId,
    });
    expect(entry.lines).toEqual([
      { account: '1-103', debit: 345_500, credit: 0 },
      { account: '4-110', debit: 0, credit: 345_500 },
    ]);
  });
});

describe('Pindah dana', { timeout: 20_000 }, () => {
  it('refuses the same via on both sides, then records cash.transferred', async () => {
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByLabelText('Pindah dana'));
    const form = await screen.findByRole('form', { name: 'Pindah dana' });
    const [fromGroup, toGroup] = within(form).getAllByRole('group');
    if (fromGroup === undefined || toGroup === undefined) throw new Error('expected two via groups');
    expect(fromGroup).toHaveAccessibleName('Dari');
    expect(toGroup).toHaveAccessibleName('Ke');
    await user.type(within(form).getByLabelText('Jumlah'), '500000');
    const save = within(form).getByRole('button', { name: 'Simpan pemindahan' });
    expect(save).toBeEnabled();
    await user.click(within(toGroup).getByLabelText('Tunai'));
    expect(within(form).getByText('Asal dan tujuan tidak boleh sama. Pilih tujuan yang lain.')).toBeInTheDocument();
    expect(save).toBeDisabled();
    await user.click(save);
    expect(await entriesOfType(session.db, 'cash.transferred')).toHaveLength(0);

    await user.click(within(fromGroup).getByLabelText('Bank'));
    expect(within(form).queryByText(/tidak boleh sama/)).not.toBeInTheDocument();
    await user.click(save);
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const [entry] = await entriesOfType(session.db, 'cash.transferred');
    if (entry?.type !== 'cash.transferred') throw new Error('expected a transfer');
    expect(entry.data).toEqual({ from: 'bank', to: 'cash', amount: 500_000 });
    expect(entry.lines).toEqual([
      { account: '1-101', debit: 500_000, credit: 0 },
      { account: '1-102', debit: 0, credit: 500_000 },
    ]);
  });

  it('a pengawas sees the movements but no form', async () => {
    closeSession(session);
    session = await openSignedInSession({ role: 'pengawas', name: 'Pak Harun' });
    open();
    expect(await screen.findByText('Pengguna pengawas hanya bisa melihat, tidak bisa mencatat.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(await screen.findByText('Belum ada uang masuk atau keluar hari ini.')).toBeInTheDocument();
  });
});
