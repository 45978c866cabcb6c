import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { memberById } from '../../src/db/queries.ts';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { newEntryId, newMemberId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import SavingsPage from '../../src/features/savings/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession;
beforeEach(async () => {
  session = await openSignedInSession({ name: 'Pak Joko' });
});
afterEach(() => {
  cleanup();
  closeSession(session);
});

async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor'>): Promise<void> {
  const result = await appendEntry(db, { ...draft, actor: 'Pak Joko', id: newEntryId() } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
}

async function join(db: LumbungDb, number: string, name: string, joinedOn = '2026-01-05'): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: joinedOn, data: { memberId, number, name, joinedOn } });
  return memberId;
}

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<SavingsPage />);
}

const flagsOf = async (db: LumbungDb) =>
  (await db.projections.where('[t+k]').between(['flags', ''], ['flags', '\uffff']).toArray()).map((f) => (f.v as { reason: string }).reason);

describe('Simpanan: deposit and withdraw', () => {
  it('prefills the monthly wajib, refuses bad amounts, saves and links the receipt', async () => {
    const memberId = await join(session.db, 'A-001', 'Siti Aminah');
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    expect(await screen.findByText(/Siti Aminah/)).toBeInTheDocument();
    const amount = screen.getByLabelText('Jumlah');
    await waitFor(() => expect(amount).toHaveValue('20.000'));
    const save = screen.getByRole('button', { name: 'Simpan setoran' });

    for (const [typed, message] of [
      ['0', 'Jumlah harus lebih dari nol.'],
      ['-20000', 'Jumlah tidak boleh negatif.'],
      ['abc', 'Jumlah harus angka, misalnya 150000, 150.000 atau 1,5jt.'],
      ['999999999999', 'Jumlah terlalu besar: paling banyak Rp10.000.000.000. Periksa lagi angkanya.'],
    ] as const) {
      await user.clear(amount);
      await user.type(amount, typed);
      expect(screen.getByRole('alert')).toHaveTextContent(message);
      expect(save).toBeDisabled();
    }
    await user.clear(amount);
    await user.type(amount, '20rb');
    expect(screen.getByText(/dua puluh ribu rupiah/)).toBeInTheDocument();
    expect(save).toBeEnabled();
    await user.click(save);
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const rows = await session.db.entries.where('type').equals('savings.deposited').toArray();
    expect(rows).toHaveLength(1);
    const entry = rows[0]?.entry;
    if (entry?.type !== 'savings.deposited') throw new Error('expected a deposit');
    expect(entry.data).toMatchObject({ memberId, kind: 'wajib', amount: 20_000, via: 'cash' });
    expect(entry.actor).toBe('Pak Joko');
    expect(entry.lines).toEqual([
      { account: '1-101', debit: 20_000, credit: 0 },
      { account: '3-102', debit: 0, credit: 20_000 },
    ]);
    expect(screen.getByRole('link', { name: 'Lihat kuitansi' })).toHaveAttribute('href', `/kuitansi/${entry.id}`);
    expect(screen.queryByTestId('flag-note')).not.toBeInTheDocument();
  });

  it('"Tersimpan" replaces the form; "Catat transaksi lain" brings it back for the same member with the preset amount, and saves a second entry', async () => {
    const memberId = await join(session.db, 'A-002', 'Budi Santoso');
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    expect(await screen.findByText(/Budi Santoso/)).toBeInTheDocument();
    const amount = screen.getByLabelText('Jumlah');
    await waitFor(() => expect(amount).toHaveValue('20.000'));
    await user.click(screen.getByLabelText('Sukarela'));
    await user.type(amount, '35000');
    await user.click(screen.getByRole('button', { name: 'Simpan setoran' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    // The fields are out of sight (and out of the accessibility tree) while the outcome shows.
    expect(screen.queryByRole('button', { name: 'Simpan setoran' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Buku anggota' })).toHaveAttribute('href', `/anggota/${memberId}`);
    await user.click(screen.getByRole('button', { name: 'Catat transaksi lain' }));
    expect(screen.queryByText('Tersimpan')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Sukarela')).toBeChecked();
    await user.click(screen.getByLabelText('Wajib'));
    await waitFor(() => expect(screen.getByLabelText('Jumlah')).toHaveValue('20.000'));
    await user.click(screen.getByRole('button', { name: 'Simpan setoran' }));
    expect(await screen.findByText('Tersimpan')).toBeInTheDocument();
    const deposits = (await session.db.entries.where('type').equals('savings.deposited').toArray()).map((row) => row.entry);
    expect(deposits.map((e) => (e.type === 'savings.deposited' ? [e.data.memberId, e.data.kind, e.data.amount] : []))).toEqual([
      [memberId, 'sukarela', 35_000],
      [memberId, 'wajib', 20_000],
    ]);
    expect((await memberById(session.db, memberId))?.savings).toMatchObject({ sukarela: 35_000, wajib: 20_000 });
  });

  it('a sukarela withdrawal beyond the balance needs confirmation and is flagged', async () => {
    const memberId = await join(session.db, 'A-002', 'Budi Santoso');
    await record(session.db, { type: 'savings.deposited', date: '2026-02-01', data: { memberId, kind: 'sukarela', amount: rupiah(50_000), via: 'cash' } });
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    expect(await screen.findByText(/Budi Santoso/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Tarik'));
    await user.click(screen.getByLabelText('Sukarela'));
    expect(await screen.findByText(/Saldo sekarang: Rp50.000/)).toBeInTheDocument();
    const amount = screen.getByLabelText('Jumlah');
    await user.clear(amount);
    await user.type(amount, '75.000');
    expect(screen.getByTestId('savings-warnings')).toHaveTextContent('Penarikan melebihi saldo (Rp50.000).');

    await user.click(screen.getByRole('button', { name: 'Simpan penarikan' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Periksa dulu sebelum menyimpan' });
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(await session.db.entries.where('type').equals('savings.withdrawn').count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Simpan penarikan' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tetap simpan' }));
    expect(await screen.findByTestId('flag-note')).toHaveTextContent('Ditandai untuk diperiksa pengawas: Penarikan melebihi saldo simpanan.');
    expect(await session.db.entries.where('type').equals('savings.withdrawn').count()).toBe(1);
    expect(await flagsOf(session.db)).toEqual(['savings-overdrawn']);
    expect((await memberById(session.db, memberId))?.savings.sukarela).toBe(-25_000);
  });

  it('a wajib withdrawal of an active member warns that it is locked', async () => {
    const memberId = await join(session.db, 'A-003', 'Dewi Lestari');
    await record(session.db, { type: 'savings.deposited', date: '2026-02-01', data: { memberId, kind: 'wajib', amount: rupiah(20_000), via: 'cash' } });
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    expect(await screen.findByText(/Dewi Lestari/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Tarik'));
    await user.type(screen.getByLabelText('Jumlah'), '20000');
    expect(screen.getByTestId('savings-warnings')).toHaveTextContent('Simpanan pokok dan wajib hanya boleh ditarik saat anggota keluar.');
    await user.click(screen.getByRole('button', { name: 'Simpan penarikan' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tetap simpan' }));
    expect(await screen.findByTestId('flag-note')).toHaveTextContent('Simpanan pokok/wajib ditarik padahal anggota belum keluar');
    expect(await flagsOf(session.db)).toEqual(['savings-locked']);
  });
});

describe('Simpanan: amounts from settings and the pokok rule', () => {
  it('uses the wajib and pokok amounts set in Pengaturan, and warns that pokok is paid once', async () => {
    const db = session.db;
    await record(db, { type: 'settings.changed', date: '2026-01-01', data: { key: 'simpananWajib', value: 25_000 } });
    await record(db, { type: 'settings.changed', date: '2026-01-01', data: { key: 'simpananPokok', value: 100_000 } });
    const memberId = await join(db, 'A-005', 'Rina Wati');
    await record(db, { type: 'savings.deposited', date: '2026-01-05', data: { memberId, kind: 'pokok', amount: rupiah(100_000), via: 'cash' } });
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    const amount = await screen.findByLabelText('Jumlah');
    await waitFor(() => expect(amount).toHaveValue('25.000'));
    expect(screen.queryByTestId('savings-warnings')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Pokok'));
    await waitFor(() => expect(amount).toHaveValue('100.000'));
    expect(screen.getByTestId('savings-warnings')).toHaveTextContent(
      'Simpanan pokok anggota ini sudah dibayar (Rp100.000). Pokok hanya dibayar sekali.',
    );
    await user.click(screen.getByRole('button', { name: 'Simpan setoran' }));
    expect(await screen.findByRole('alertdialog', { name: 'Periksa dulu sebelum menyimpan' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect(await db.entries.where('type').equals('savings.deposited').count()).toBe(1);
  });

  it('a deposit from a member who left is recorded only on confirmation, flagged', async () => {
    const db = session.db;
    const memberId = await join(db, 'A-006', 'Joko Susilo');
    await record(db, { type: 'member.left', date: '2026-03-01', data: { memberId, leftOn: '2026-03-01' } });
    const user = userEvent.setup();
    open(`/simpanan?anggota=${memberId}`);
    expect(await screen.findByTestId('savings-warnings')).toHaveTextContent('Anggota ini sudah keluar dari koperasi.');
    await waitFor(() => expect(screen.getByLabelText('Jumlah')).toHaveValue('20.000'));
    await user.click(screen.getByRole('button', { name: 'Simpan setoran' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tetap simpan' }));
    expect(await screen.findByTestId('flag-note')).toHaveTextContent('Anggota sudah keluar');
    expect(await flagsOf(db)).toEqual(['member-left']);
  });
});

describe('Simpanan wajib: monthly collection', () => {
  it('saves one deposit per ticked member, and a second run saves none twice', async () => {
    const db = session.db;
    const month = todayInJakarta().slice(0, 7);
    const ids: MemberId[] = [];
    for (let i = 1; i <= 23; i++) ids.push(await join(db, `W-${String(i).padStart(2, '0')}`, `Warga ${i}`));
    // One already paid this month, one who left: neither is listed.
    const paid = await join(db, 'W-90', 'Sudah Bayar');
    await record(db, { type: 'savings.deposited', date: todayInJakarta(), data: { memberId: paid, kind: 'wajib', amount: rupiah(20_000), via: 'cash' } });
    const gone = await join(db, 'W-91', 'Sudah Keluar');
    await record(db, { type: 'member.left', date: '2026-01-20', data: { memberId: gone, leftOn: '2026-01-20' } });

    const user = userEvent.setup();
    open('/simpanan/wajib');
    expect(await screen.findByText('23 anggota aktif belum membayar wajib bulan ini.')).toBeInTheDocument();
    expect(screen.getByLabelText('Bulan')).toHaveValue(month);
    await user.click(screen.getByRole('button', { name: 'Pilih semua' }));
    expect(screen.getByText('23 dipilih, total Rp460.000')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Simpan 23 setoran wajib' }));
    expect(await screen.findByText('Tersimpan 23 dari 23', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByText('Semua anggota aktif sudah membayar wajib bulan ini.')).toBeInTheDocument();

    const deposits = (await db.entries.where('type').equals('savings.deposited').toArray()).map((r) => r.entry);
    const wajib = deposits.filter((e) => e.type === 'savings.deposited' && ids.includes(e.data.memberId));
    expect(wajib).toHaveLength(23);
    expect(new Set(wajib.map((e) => (e.type === 'savings.deposited' ? e.data.memberId : ''))).size).toBe(23);
    for (const id of ids) expect((await memberById(db, id))?.wajibByMonth[month]).toBe(20_000);

    // A second run (the screen opened again) finds no one to collect from: nothing is doubled.
    cleanup();
    open('/simpanan/wajib');
    expect(await screen.findByText('Semua anggota aktif sudah membayar wajib bulan ini.')).toBeInTheDocument();
    expect(await db.entries.where('type').equals('savings.deposited').count()).toBe(24);
  }, 60_000);

  it('resumes after an interruption: only the members still unpaid are listed', async () => {
    const db = session.db;
    const a = await join(db, 'R-01', 'Rina');
    await join(db, 'R-02', 'Rudi');
    await join(db, 'R-03', 'Ratna');
    // The first of three was saved before the phone died.
    await record(db, { type: 'savings.deposited', date: todayInJakarta(), data: { memberId: a, kind: 'wajib', amount: rupiah(20_000), via: 'cash' } });
    const user = userEvent.setup();
    open('/simpanan/wajib');
    expect(await screen.findByText('2 anggota aktif belum membayar wajib bulan ini.')).toBeInTheDocument();
    expect(screen.queryByText('Rina')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/R-02/));
    await user.click(screen.getByRole('button', { name: 'Simpan 1 setoran wajib' }));
    expect(await screen.findByText('Tersimpan 1 dari 1')).toBeInTheDocument();
    expect(await screen.findByText('1 anggota aktif belum membayar wajib bulan ini.')).toBeInTheDocument();
    expect(await db.entries.where('type').equals('savings.deposited').count()).toBe(2);
  });
});
