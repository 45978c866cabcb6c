import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { newEntryId, newLoanId, newMemberId, type EntryId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import ReceiptPage from '../../src/features/receipt/index.tsx';
import { whatsAppReceiptLink } from '../../src/features/receipt/receipt-text.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti', cooperative: { name: 'KSP Sumber Rejeki', village: 'Sukamaju', district: 'Cianjur' } });
});
afterEach(() => closeSession(session));

async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>, receipt = false): Promise<{ id: EntryId; receiptNo: string | undefined }> {
  const id = newEntryId();
  const result = await appendEntry(db, { ...draft, actor: 'Bu Siti', id } as EntryDraft, { receipt });
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
  return { id, receiptNo: result.value.receiptNo };
}

async function join(db: LumbungDb, number: string, name: string, phone?: string): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: '2026-01-05', data: { memberId, number, name, joinedOn: '2026-01-05', ...(phone === undefined ? {} : { phone }) } });
  return memberId;
}

function open(entryId: string) {
  window.history.replaceState(null, '', `/kuitansi/${entryId}`);
  return render(<ReceiptPage />);
}

describe('Kuitansi', () => {
  it('shows the numbered receipt of a deposit with terbilang, pending state and a wa.me link to 62…', async () => {
    const memberId = await join(session.db, 'A-007', 'Siti Aminah', '081234567890');
    const first = await record(session.db, { type: 'savings.deposited', date: '2026-03-10', data: { memberId, kind: 'wajib', amount: rupiah(1_500_000), via: 'cash' } }, true);
    const second = await record(session.db, { type: 'savings.deposited', date: '2026-03-11', data: { memberId, kind: 'sukarela', amount: rupiah(25_000), via: 'qris' } }, true);
    expect(first.receiptNo).toMatch(/^2026\/[0-9A-F-]{4}\/00001$/);
    expect(second.receiptNo).toMatch(/^2026\/[0-9A-F-]{4}\/00002$/);

    open(first.id);
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getByTestId('receipt-number')).toHaveTextContent(first.receiptNo ?? 'missing');
    await waitFor(() => expect(receipt).toHaveTextContent('KSP Sumber Rejeki, Sukamaju'));
    expect(receipt).toHaveTextContent('10/03/2026');
    expect(receipt).toHaveTextContent('A-007 Siti Aminah');
    expect(receipt).toHaveTextContent('Setoran simpanan wajib');
    expect(within(receipt).getByTestId('receipt-amount')).toHaveTextContent('Rp1.500.000');
    expect(within(receipt).getByTestId('receipt-words')).toHaveTextContent('Terbilang: satu juta lima ratus ribu rupiah');
    expect(receipt).toHaveTextContent('Tunai');
    expect(receipt).toHaveTextContent('Bu Siti');
    expect(within(receipt).getByTestId('receipt-pending')).toHaveTextContent('Dicatat di HP, belum tersinkron');
    expect(screen.queryByTestId('receipt-void')).not.toBeInTheDocument();

    const wa = screen.getByRole('link', { name: 'Kirim lewat WhatsApp' });
    const href = wa.getAttribute('href') ?? '';
    expect(href.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
    const text = decodeURIComponent(href.split('?text=')[1] ?? '');
    expect(text).toContain(`No. kuitansi: ${first.receiptNo ?? ''}`);
    expect(text).toContain('Jumlah: Rp1.500.000');
    expect(text).toContain('Terbilang: satu juta lima ratus ribu rupiah');
  });

  it('itemises an angsuran into pokok, jasa and denda, and says DIBATALKAN once reversed', async () => {
    const memberId = await join(session.db, 'A-008', 'Budi Santoso', '+6285712345678');
    const loanId = newLoanId();
    await record(session.db, {
      type: 'loan.disbursed',
      date: '2026-02-01',
      data: { loanId, memberId, principal: rupiah(5_000_000), months: 12, rateBp: 150, method: 'flat', firstDue: '2026-03-01', adminFee: rupiah(50_000), fineBpPerDay: 10, via: 'cash' },
    });
    const repaid = await record(session.db, { type: 'loan.repaid', date: '2026-03-05', data: { loanId, memberId, principal: rupiah(416_666), interest: rupiah(75_000), fine: rupiah(1_967), via: 'bank' } }, true);
    await record(session.db, { type: 'entry.reversed', date: '2026-03-06', data: { entryId: repaid.id, reason: 'Salah ketik jumlah' } });

    open(repaid.id);
    const receipt = await screen.findByTestId('receipt');
    expect(receipt).toHaveTextContent('Angsuran pinjaman');
    expect(receipt).toHaveTextContent('PokokRp416.666');
    expect(receipt).toHaveTextContent('JasaRp75.000');
    expect(receipt).toHaveTextContent('DendaRp1.967');
    expect(within(receipt).getByTestId('receipt-amount')).toHaveTextContent('Rp493.633');
    expect(within(receipt).getByTestId('receipt-words')).toHaveTextContent(
      'empat ratus sembilan puluh tiga ribu enam ratus tiga puluh tiga rupiah',
    );
    expect(receipt).toHaveTextContent('Bank');
    expect(within(receipt).getByTestId('receipt-void')).toHaveTextContent('DIBATALKAN');
    expect(receipt).toHaveTextContent('Dibatalkan oleh Bu Siti pada 06/03/2026: Salah ketik jumlah');
    expect(receipt).toHaveClass('receipt--void');
    expect(screen.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/6285712345678\?text=/);
  });

  it('a disbursal receipt shows the principal, the admin fee withheld and what the member received', async () => {
    const memberId = await join(session.db, 'A-012', 'Joko');
    const disbursed = await record(
      session.db,
      {
        type: 'loan.disbursed',
        date: '2026-02-01',
        data: { loanId: newLoanId(), memberId, principal: rupiah(2_000_000), months: 10, rateBp: 200, method: 'anuitas', firstDue: '2026-03-01', adminFee: rupiah(20_000), fineBpPerDay: 0, via: 'cash' },
      },
      true,
    );
    open(disbursed.id);
    const receipt = await screen.findByTestId('receipt');
    expect(receipt).toHaveTextContent('Pencairan pinjaman');
    expect(receipt).toHaveTextContent('Pokok pinjamanRp2.000.000');
    expect(receipt).toHaveTextContent('Dipotong biaya administrasiRp20.000');
    expect(within(receipt).getByTestId('receipt-amount')).toHaveTextContent('Rp1.980.000');
    expect(within(receipt).getByTestId('receipt-words')).toHaveTextContent('satu juta sembilan ratus delapan puluh ribu rupiah');
  });

  it('prints on the chosen paper: the 58 mm slip by default, A4 after the toggle', async () => {
    const memberId = await join(session.db, 'A-009', 'Dewi');
    const dep = await record(session.db, { type: 'savings.deposited', date: '2026-03-10', data: { memberId, kind: 'pokok', amount: rupiah(100_000), via: 'cash' } }, true);
    const print = vi.fn();
    window.print = print;
    const user = userEvent.setup();
    open(dep.id);
    const receipt = await screen.findByTestId('receipt');
    expect(receipt).toHaveClass('receipt--thermal');
    expect(screen.getByLabelText('Struk 58 mm')).toBeChecked();
    await user.click(screen.getByLabelText('A4'));
    expect(receipt).toHaveClass('receipt--a4');
    expect(receipt).not.toHaveClass('receipt--thermal');
    await user.click(screen.getByRole('button', { name: 'Cetak' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByLabelText('Struk 58 mm'));
    expect(receipt).toHaveClass('receipt--thermal');
  });

  it('shares through the Web Share API when the phone has it', async () => {
    const memberId = await join(session.db, 'A-010', 'Rina');
    const dep = await record(session.db, { type: 'savings.deposited', date: '2026-03-10', data: { memberId, kind: 'sukarela', amount: rupiah(20_000), via: 'cash' } }, true);
    const share = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const user = userEvent.setup();
      open(dep.id);
      await user.click(await screen.findByRole('button', { name: 'Bagikan' }));
      expect(share).toHaveBeenCalledTimes(1);
      const shared = share.mock.calls[0] as unknown as [{ text: string }];
      expect(shared[0].text).toContain('Setoran simpanan sukarela');
      expect(shared[0].text).toContain('dua puluh ribu rupiah');
    } finally {
      Reflect.deleteProperty(navigator, 'share');
    }
  });

  it('has no receipt for an entry that moves no money, and says when the entry is unknown', async () => {
    const memberId = newMemberId();
    const joined = await record(session.db, { type: 'member.joined', date: '2026-01-05', data: { memberId, number: 'A-011', name: 'Tono', joinedOn: '2026-01-05' } });
    open(joined.id);
    expect(await screen.findByText('Catatan ini bukan transaksi uang, jadi tidak ada kuitansinya.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lihat rincian catatan' })).toHaveAttribute('href', `/entri/${joined.id}`);
  });

  it('says so when the entry is not on this phone', async () => {
    open(newEntryId());
    expect(await screen.findByText('Catatan ini tidak ada di HP ini.')).toBeInTheDocument();
  });
});

describe('whatsAppReceiptLink', () => {
  it('normalises 08…, +62… and 62… to 62…, and falls back to choosing a chat', () => {
    expect(whatsAppReceiptLink('0812-3456-7890', 'a b')).toBe('https://wa.me/6281234567890?text=a%20b');
    expect(whatsAppReceiptLink('+62 857 1234 5678', 'x')).toBe('https://wa.me/6285712345678?text=x');
    expect(whatsAppReceiptLink('6285712345678', 'x')).toBe('https://wa.me/6285712345678?text=x');
    expect(whatsAppReceiptLink(null, 'x')).toBe('https://wa.me/?text=x');
    expect(whatsAppReceiptLink('bukan nomor', 'x')).toBe('https://wa.me/?text=x');
  });
});
