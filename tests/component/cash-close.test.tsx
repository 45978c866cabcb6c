import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateId, todayInJakarta } from '../../src/domain/dates.ts';
import { rupiah } from '../../src/domain/money.ts';
import CashPage from '../../src/features/cash/index.tsx';
import { closeMemo } from '../../src/features/cash/cash-close.ts';
import { entriesOfType, record } from './cash-seed.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
  const today = todayInJakarta();
  // Book balance of Kas tunai today: 250.000 in, 17.500 out; bank money does not count.
  await record(session.db, { type: 'cash.received', date: today, data: { account: '4-110', amount: rupiah(250_000), via: 'cash', memo: 'Penjualan gerai' } });
  await record(session.db, { type: 'cash.paid', date: today, data: { account: '5-150', amount: rupiah(17_500), via: 'cash', memo: 'Bensin' } });
  await record(session.db, { type: 'cash.received', date: today, data: { account: '4-190', amount: rupiah(90_000), via: 'bank', memo: 'Bunga bank' } });
});
afterEach(() => closeSession(session));

function open() {
  window.history.replaceState(null, '', '/kas/tutup-harian');
  return render(<CashPage />);
}

describe('Tutup kas harian', { timeout: 20_000 }, () => {
  it('records a shortage as cash.paid 5-190 after confirmation, with the counts in the memo', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByTestId('cash-close-book')).toHaveTextContent('Rp232.500');
    const record = screen.getByRole('button', { name: 'Catat selisih' });
    expect(record).toBeDisabled();
    await user.type(screen.getByLabelText('Uang di kotak (hasil hitung)'), '230000');
    expect(screen.getByTestId('cash-close-outcome')).toHaveTextContent('Uang di kotak KURANG Rp2.500 dari catatan.');
    expect(screen.getByTestId('cash-close-outcome')).toHaveTextContent('5-190');
    await user.type(screen.getByLabelText('Catatan (boleh kosong)'), 'kembalian salah');
    await user.click(record);
    const dialog = await screen.findByRole('alertdialog', { name: 'Catat selisih kas?' });
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(await entriesOfType(session.db, 'cash.paid')).toHaveLength(1);

    await user.click(record);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ya, catat selisihnya' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const paid = await entriesOfType(session.db, 'cash.paid');
    const entry = paid.find((e) => e.type === 'cash.paid' && e.data.account === '5-190');
    if (entry?.type !== 'cash.paid') throw new Error('expected the shortage entry');
    expect(entry.data).toEqual({
      account: '5-190',
      amount: 2_500,
      via: 'cash',
      memo: `Selisih kurang kas ${formatDateId(todayInJakarta())}: dihitung Rp230.000, catatan Rp232.500 — kembalian salah`,
    });
    expect(entry.date).toBe(todayInJakarta());
    expect(entry.lines).toEqual([
      { account: '5-190', debit: 2_500, credit: 0 },
      { account: '1-101', debit: 0, credit: 2_500 },
    ]);
    // The books now say what the box holds.
    await waitFor(() => expect(screen.getByTestId('cash-close-book')).toHaveTextContent('Rp230.000'));
  });

  it('records a surplus as cash.received 4-190, using the denomination counter', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByTestId('cash-close-book')).toHaveTextContent('Rp232.500');
    await user.click(screen.getByText('Bantu hitung per pecahan (boleh dilewati)'));
    await user.type(screen.getByLabelText('Lembar/keping 100.000'), '2');
    await user.type(screen.getByLabelText('Lembar/keping 20.000'), '1');
    await user.type(screen.getByLabelText('Lembar/keping 10.000'), '1');
    await user.type(screen.getByLabelText('Lembar/keping 2.000'), '1');
    await user.type(screen.getByLabelText('Lembar/keping 500'), '3');
    await user.click(screen.getByRole('button', { name: 'Pakai jumlah ini: Rp233.500' }));
    expect(screen.getByLabelText('Uang di kotak (hasil hitung)')).toHaveValue('233.500');
    expect(screen.getByTestId('cash-close-outcome')).toHaveTextContent('Uang di kotak LEBIH Rp1.000 dari catatan.');
    await user.click(screen.getByRole('button', { name: 'Catat selisih' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ya, catat selisihnya' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const received = await entriesOfType(session.db, 'cash.received');
    const entry = received.find((e) => e.type === 'cash.received' && e.data.memo.startsWith('Selisih lebih kas'));
    if (entry?.type !== 'cash.received') throw new Error('expected the surplus entry');
    expect(entry.data).toMatchObject({ account: '4-190', amount: 1_000, via: 'cash' });
    expect(entry.lines).toEqual([
      { account: '1-101', debit: 1_000, credit: 0 },
      { account: '4-190', debit: 0, credit: 1_000 },
    ]);
  });

  it('a matching count records nothing; a bad count is refused', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByTestId('cash-close-book')).toHaveTextContent('Rp232.500');
    const counted = screen.getByLabelText('Uang di kotak (hasil hitung)');
    await user.type(counted, '-5');
    expect(screen.getByRole('alert')).toHaveTextContent('Jumlah tidak boleh negatif.');
    await user.clear(counted);
    await user.type(counted, '232.500');
    expect(screen.getByTestId('cash-close-outcome')).toHaveTextContent('Kas cocok');
    expect(screen.getByRole('button', { name: 'Catat selisih' })).toBeDisabled();
    expect(await session.db.entries.count()).toBe(3);
  });

  it('keeps the memo within 200 characters whatever the note', () => {
    const memo = closeMemo({ kind: 'short', difference: rupiah(1) }, '2026-11-29', rupiah(1), rupiah(2), 'n'.repeat(400));
    expect(memo.length).toBe(200);
    expect(memo.startsWith('Selisih kurang kas 29/11/2026: dihitung Rp1, catatan Rp2 — nnn')).toBe(true);
  });
});
