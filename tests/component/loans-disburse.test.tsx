import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { newEntryId, newMemberId, type MemberId } from '../../src/domain/ids.ts';
import LoansPage from '../../src/features/loans/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';


/** Saving signs and commits through fake-indexeddb: allow for a busy 2-core CI machine. */
const SLOW = { timeout: 5_000 };
let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Bu Siti' });
});
afterEach(() => closeSession(session));

async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>): Promise<void> {
  const result = await appendEntry(db, { ...draft, actor: 'Bu Siti', id: newEntryId() } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
}

async function join(db: LumbungDb, number: string, name: string): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: '2026-01-05', data: { memberId, number, name, joinedOn: '2026-01-05' } });
  return memberId;
}

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<LoansPage />);
}

const flagsOf = async (db: LumbungDb) =>
  (await db.projections.where('[t+k]').between(['flags', ''], ['flags', '\uffff']).toArray()).map((f) => (f.v as { reason: string }).reason);

describe('Pencairan pinjaman', () => {
  it('validates every field as typed, shows the schedule, saves loan.disbursed and links the receipt', async () => {
    const memberId = await join(session.db, 'P-001', 'Siti Aminah');
    const user = userEvent.setup();
    open(`/pinjaman/baru?anggota=${memberId}`);
    expect(await screen.findByText(/Siti Aminah/)).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Simpan pencairan' });
    const principal = screen.getByLabelText('Pokok pinjaman');
    const months = screen.getByLabelText('Lama pinjaman (bulan)');
    const rate = screen.getByLabelText('Bunga per bulan (%)');
    const fee = screen.getByLabelText('Biaya administrasi (dipotong saat pencairan)');
    expect(save).toBeDisabled();

    for (const [typed, message] of [
      ['0', 'Jumlah harus lebih dari nol.'],
      ['-5000000', 'Jumlah tidak boleh negatif.'],
      ['lima juta', 'Jumlah harus angka, misalnya 150000, 150.000 atau 1,5jt.'],
    ] as const) {
      await user.clear(principal);
      await user.type(principal, typed);
      expect(principal).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent(message);
      expect(save).toBeDisabled();
    }
    await user.clear(principal);
    await user.type(principal, '5jt');

    await user.clear(months);
    await user.type(months, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Lama pinjaman paling sedikit 1 bulan.');
    expect(save).toBeDisabled();
    await user.clear(months);
    await user.type(months, '12');

    await user.clear(rate);
    await user.type(rate, '150');
    expect(screen.getByRole('alert')).toHaveTextContent('Bunga terlalu tinggi: paling banyak 10 % per bulan. Periksa lagi angkanya.');
    expect(save).toBeDisabled();
    await user.clear(rate);
    await user.type(rate, '1,5');

    await user.clear(fee);
    await user.type(fee, '5.000.000');
    expect(screen.getByRole('alert')).toHaveTextContent('Biaya administrasi harus lebih kecil dari pokok pinjaman.');
    expect(save).toBeDisabled();
    await user.clear(fee);
    await user.type(fee, '50.000');

    const fine = screen.getByLabelText('Denda keterlambatan (% per hari dari angsuran yang telat)');
    await user.clear(fine);
    await user.type(fine, '5');
    expect(screen.getByRole('alert')).toHaveTextContent('Denda terlalu tinggi: paling banyak 1 % per hari.');
    await user.clear(fine);
    await user.type(fine, '0,1');

    fireEvent.change(screen.getByLabelText('Tanggal pencairan'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Angsuran pertama jatuh tempo'), { target: { value: '2026-02-15' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Angsuran pertama harus sesudah tanggal pencairan.');
    expect(save).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Angsuran pertama jatuh tempo'), { target: { value: '2026-04-01' } });

    expect(screen.getByTestId('disburse-received')).toHaveTextContent('Rp4.950.000');
    expect(screen.getByTestId('disburse-installment')).toHaveTextContent('Rp491.666 (terakhir Rp491.674)');
    const rows = within(screen.getByTestId('schedule')).getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(rows[1]).toHaveTextContent('01/04/2026');
    expect(rows[12]).toHaveTextContent('01/03/2027');
    expect(save).toBeEnabled();

    await user.click(save);
    expect(await screen.findByText('Tersimpan', {}, SLOW)).toBeInTheDocument();
    const rowsSaved = await session.db.entries.where('type').equals('loan.disbursed').toArray();
    expect(rowsSaved).toHaveLength(1);
    const entry = rowsSaved[0]?.entry;
    if (entry?.type !== 'loan.disbursed') throw new Error('expected a disbursal');
    expect(entry.date).toBe('2026-03-01');
    expect(entry.data).toMatchObject({
      memberId,
      principal: 5_000_000,
      months: 12,
      rateBp: 150,
      method: 'flat',
      firstDue: '2026-04-01',
      adminFee: 50_000,
      fineBpPerDay: 10,
      via: 'cash',
    });
    expect(entry.lines).toEqual([
      { account: '1-110', debit: 5_000_000, credit: 0 },
      { account: '1-101', debit: 0, credit: 4_950_000 },
      { account: '4-102', debit: 0, credit: 50_000 },
    ]);
    expect(rowsSaved[0]?.receiptNo).toMatch(/^2026\//);
    expect(screen.getByRole('link', { name: 'Lihat kuitansi' })).toHaveAttribute('href', `/kuitansi/${entry.id}`);
    expect(screen.getByRole('link', { name: 'Buka pinjaman' })).toHaveAttribute('href', `/pinjaman/${entry.data.loanId}`);
    expect(screen.queryByTestId('flag-note')).not.toBeInTheDocument();
  }, 30_000);

  it('a loan to a member who left is recorded only after confirmation, and flagged', async () => {
    const memberId = await join(session.db, 'P-002', 'Budi Santoso');
    await record(session.db, { type: 'member.left', date: '2026-02-01', data: { memberId, leftOn: '2026-02-01' } });
    const user = userEvent.setup();
    open(`/pinjaman/baru?anggota=${memberId}`);
    expect(await screen.findByTestId('member-left')).toHaveTextContent('Anggota ini sudah keluar dari koperasi.');
    await user.type(screen.getByLabelText('Pokok pinjaman'), '1.000.000');
    await user.click(screen.getByRole('button', { name: 'Simpan pencairan' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Periksa dulu sebelum mencairkan' }, SLOW);
    expect(within(dialog).getByTestId('disburse-warnings')).toHaveTextContent('Anggota ini sudah keluar dari koperasi.');
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(await session.db.entries.where('type').equals('loan.disbursed').count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Simpan pencairan' }));
    await user.click(within(await screen.findByRole('alertdialog', {}, SLOW)).getByRole('button', { name: 'Tetap cairkan' }));
    expect(await screen.findByTestId('flag-note', {}, SLOW)).toHaveTextContent('Anggota sudah keluar');
    expect(await session.db.entries.where('type').equals('loan.disbursed').count()).toBe(1);
    expect(await flagsOf(session.db)).toContain('member-left');
  });

  it('"Cairkan pinjaman lain" after a disbursal: no member, no principal, and the next one is a new loan', async () => {
    const first = await join(session.db, 'P-003', 'Citra Dewi');
    const second = await join(session.db, 'P-004', 'Dodi Prakoso');
    const user = userEvent.setup();
    open(`/pinjaman/baru?anggota=${first}`);
    expect(await screen.findByText(/Citra Dewi/, {}, SLOW)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Pokok pinjaman'), '1.000.000');
    await user.click(screen.getByRole('button', { name: 'Simpan pencairan' }));
    expect(await screen.findByText('Tersimpan', {}, SLOW)).toBeInTheDocument();
    // The fields are out of sight (and out of the accessibility tree) while the outcome shows.
    expect(screen.queryByRole('button', { name: 'Simpan pencairan' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cairkan pinjaman lain' }));
    expect(screen.queryByText('Tersimpan')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Pokok pinjaman')).toHaveValue('');
    await user.type(screen.getByLabelText('Cari anggota (nama atau nomor)'), 'Dodi');
    await user.click(await screen.findByRole('button', { name: /Dodi Prakoso/ }, SLOW));
    await user.type(screen.getByLabelText('Pokok pinjaman'), '2.000.000');
    await user.click(screen.getByRole('button', { name: 'Simpan pencairan' }));
    expect(await screen.findByText('Tersimpan', {}, SLOW)).toBeInTheDocument();
    const loans = (await session.db.entries.where('type').equals('loan.disbursed').toArray()).map((row) => row.entry);
    const data = loans.map((e) => (e.type === 'loan.disbursed' ? e.data : undefined));
    expect(data.map((d) => [d?.memberId, d?.principal])).toEqual([
      [first, 1_000_000],
      [second, 2_000_000],
    ]);
    expect(new Set(data.map((d) => d?.loanId)).size).toBe(2);
  }, 30_000);

  it('a pengawas can look at loans but not disburse', async () => {
    closeSession(session);
    session = await openSignedInSession({ name: 'Pak Pengawas', role: 'pengawas' });
    open('/pinjaman/baru');
    expect(await screen.findByText('Pengguna pengawas hanya bisa melihat, tidak bisa mencatat.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Simpan pencairan' })).not.toBeInTheDocument();
    closeSession(session);
    session = await openSignedInSession({ name: 'Pak Pengawas', role: 'pengawas' });
    open('/pinjaman');
    expect(await screen.findByRole('link', { name: 'Simulasi pinjaman' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Cairkan pinjaman' })).not.toBeInTheDocument();
  });

  it('takes the terms carried from the simulator', async () => {
    const memberId = await join(session.db, 'P-003', 'Dewi');
    open(`/pinjaman/baru?anggota=${memberId}&pokok=3000000&bulan=6&bunga=200&biaya=30000&metode=anuitas`);
    expect(await screen.findByText(/Dewi/)).toBeInTheDocument();
    expect(screen.getByLabelText('Pokok pinjaman')).toHaveValue('3.000.000');
    expect(screen.getByLabelText('Lama pinjaman (bulan)')).toHaveValue('6');
    expect(screen.getByLabelText('Bunga per bulan (%)')).toHaveValue('2');
    expect(screen.getByLabelText('Biaya administrasi (dipotong saat pencairan)')).toHaveValue('30.000');
    expect(screen.getByLabelText('Anuitas')).toBeChecked();
    expect(screen.getByTestId('disburse-received')).toHaveTextContent('Rp2.970.000');
  });
});
