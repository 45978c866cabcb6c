import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { memberById } from '../../src/db/queries.ts';
import { newEntryId, newMemberId, type EntryId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import CorrectionsPage from '../../src/features/corrections/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';


/** Saving signs and commits through fake-indexeddb: allow for a busy 2-core CI machine. */
const SLOW = { timeout: 5_000 };
let session: TestSession | undefined;
afterEach(() => closeSession(session));

async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>): Promise<EntryId> {
  const id = newEntryId();
  const result = await appendEntry(db, { ...draft, actor: 'Bu Siti', id } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
  return id;
}

async function join(db: LumbungDb, number: string, name: string): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: '2026-01-05', data: { memberId, number, name, joinedOn: '2026-01-05' } });
  return memberId;
}

function open(path: string) {
  window.history.replaceState(null, '', path);
  return render(<CorrectionsPage />);
}

describe('Koreksi: reversing an entry', () => {
  it('needs a reason, records entry.reversed with mirrored lines, keeps the original marked, and cannot reverse twice', async () => {
    session = await openSignedInSession({ name: 'Bu Siti' });
    const db = session.db;
    const memberId = await join(db, 'A-001', 'Siti Aminah');
    const deposit = await record(db, { type: 'savings.deposited', date: '2026-03-02', data: { memberId, kind: 'wajib', amount: rupiah(50_000), via: 'cash' } });
    const user = userEvent.setup();
    open(`/entri/${deposit}`);

    expect(await screen.findByRole('heading', { name: 'Rincian catatan: Setoran simpanan' })).toBeInTheDocument();
    expect(screen.getByTestId('entry-sync')).toHaveTextContent('Belum tersinkron (hanya di HP ini)');
    expect(screen.getByText(/^\d{2}\/\d{2}\/\d{2,4},? \d{2}[.:]\d{2}[.:]\d{2} WIB$/)).toBeInTheDocument();
    const journal = screen.getByRole('table');
    expect(within(journal).getByText('1-101 Kas').closest('tr')).toHaveTextContent('Rp50.000');
    expect(within(journal).getByText('3-102 Simpanan wajib').closest('tr')).toHaveTextContent('Rp50.000');
    expect(screen.getByRole('link', { name: 'Lihat kuitansi' })).toHaveAttribute('href', `/kuitansi/${deposit}`);

    await user.click(screen.getByRole('button', { name: 'Batalkan entri ini' }));
    const reason = screen.getByLabelText('Alasan pembatalan');
    const save = screen.getByRole('button', { name: 'Simpan pembatalan' });
    expect(save).toBeDisabled();
    await user.type(reason, '   ');
    expect(screen.getByRole('alert')).toHaveTextContent('Isi alasan pembatalan.');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(save).toBeDisabled();
    await user.clear(reason);
    await user.type(reason, 'Salah anggota,  seharusnya Budi ');
    expect(save).toBeEnabled();
    await user.click(save);
    const dialog = await screen.findByRole('alertdialog', { name: 'Batalkan catatan ini?' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Ya, batalkan' }));
    expect(await screen.findByText('Catatan sudah dibatalkan.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Tersimpan')).toBeInTheDocument();

    const reversals = await db.entries.where('type').equals('entry.reversed').toArray();
    expect(reversals).toHaveLength(1);
    const reversal = reversals[0]?.entry;
    if (reversal?.type !== 'entry.reversed') throw new Error('expected a reversal');
    expect(reversal.data).toEqual({ entryId: deposit, reason: 'Salah anggota, seharusnya Budi' });
    expect(reversal.actor).toBe('Bu Siti');
    expect(reversal.lines).toEqual([
      { account: '1-101', debit: 0, credit: 50_000 },
      { account: '3-102', debit: 50_000, credit: 0 },
    ]);
    // The original entry is still there, unchanged; its effect on the member's savings is gone.
    expect((await db.entries.get(deposit))?.entry.type).toBe('savings.deposited');
    expect((await memberById(db, memberId))?.savings.wajib).toBe(0);
    expect(await screen.findByTestId('reversed-note')).toHaveTextContent('Dibatalkan oleh Bu Siti');
    expect(screen.getByTestId('reversed-note')).toHaveTextContent('Alasan: Salah anggota, seharusnya Budi');

    // Opened again: the button is there, disabled, with the reason under it.
    cleanup();
    open(`/entri/${deposit}`);
    const again = await screen.findByRole('button', { name: 'Batalkan entri ini' });
    expect(again).toBeDisabled();
    expect(again).toHaveAccessibleDescription('Catatan ini sudah dibatalkan; satu catatan hanya bisa dibatalkan sekali.');

    // The reversal itself cannot be reversed.
    cleanup();
    open(`/entri/${reversal.id}`);
    expect(await screen.findByRole('heading', { name: 'Rincian catatan: Pembatalan' })).toBeInTheDocument();
    const onReversal = screen.getByRole('button', { name: 'Batalkan entri ini' });
    expect(onReversal).toBeDisabled();
    expect(onReversal).toHaveAccessibleDescription(/Pembatalan tidak bisa dibatalkan lagi/);
    expect(await db.entries.where('type').equals('entry.reversed').count()).toBe(1);
  }, 30_000);

  it('warns before a reversal that would overdraw savings, and flags it once confirmed', async () => {
    session = await openSignedInSession({ name: 'Bu Siti' });
    const db = session.db;
    const memberId = await join(db, 'A-002', 'Budi');
    const deposit = await record(db, { type: 'savings.deposited', date: '2026-03-02', data: { memberId, kind: 'sukarela', amount: rupiah(50_000), via: 'cash' } });
    await record(db, { type: 'savings.withdrawn', date: '2026-03-03', data: { memberId, kind: 'sukarela', amount: rupiah(30_000), via: 'cash' } });
    const user = userEvent.setup();
    open(`/entri/${deposit}`);
    await user.click(await screen.findByRole('button', { name: 'Batalkan entri ini' }));
    await user.type(screen.getByLabelText('Alasan pembatalan'), 'Uang palsu');
    await user.click(screen.getByRole('button', { name: 'Simpan pembatalan' }));
    const dialog = await screen.findByRole('alertdialog', {}, SLOW);
    expect(await within(dialog).findByTestId('reverse-warnings')).toHaveTextContent('Penarikan melebihi saldo simpanan');
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(await db.entries.where('type').equals('entry.reversed').count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Simpan pembatalan' }));
    await user.click(within(await screen.findByRole('alertdialog', {}, SLOW)).getByRole('button', { name: 'Ya, batalkan' }));
    expect(await screen.findByTestId('flag-note', {}, SLOW)).toHaveTextContent('Penarikan melebihi saldo simpanan');
    expect((await memberById(db, memberId))?.savings.sukarela).toBe(-30_000);
  }, 30_000);

  it('a pengawas sees the entry but cannot reverse it', async () => {
    session = await openSignedInSession({ name: 'Pak Pengawas', role: 'pengawas' });
    const memberId = await join(session.db, 'A-003', 'Dewi');
    const deposit = await record(session.db, { type: 'savings.deposited', date: '2026-03-02', data: { memberId, kind: 'wajib', amount: rupiah(20_000), via: 'cash' } });
    open(`/entri/${deposit}`);
    const button = await screen.findByRole('button', { name: 'Batalkan entri ini' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Pengguna pengawas hanya bisa melihat, tidak bisa membatalkan catatan.');
  });
});

describe('Koreksi: the list of recent entries', () => {
  it('pages newest first, 20 at a time, and marks reversed entries', async () => {
    session = await openSignedInSession({ name: 'Bu Siti' });
    const db = session.db;
    const memberId = await join(db, 'B-001', 'Rina');
    const deposits: EntryId[] = [];
    for (let i = 1; i <= 23; i++) {
      deposits.push(await record(db, { type: 'savings.deposited', date: '2026-04-01', data: { memberId, kind: 'sukarela', amount: rupiah(1_000 * i), via: 'cash' } }));
    }
    await record(db, { type: 'entry.reversed', date: '2026-04-02', data: { entryId: deposits[5] ?? newEntryId(), reason: 'Dobel' } });
    const user = userEvent.setup();
    open('/koreksi');
    await waitFor(() => expect(screen.getAllByTestId('entry-item')).toHaveLength(20));
    const first = screen.getAllByTestId('entry-item')[0];
    expect(first).toHaveTextContent('Pembatalan');
    expect(screen.getAllByTestId('entry-item')[1]).toHaveTextContent('Rp23.000');
    expect(screen.getByRole('button', { name: 'Lebih baru' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Lebih lama' }));
    // 25 entries: the reversal, 23 deposits, the join. Page 2 holds deposits 5..1 and the join.
    await waitFor(() => expect(screen.getAllByTestId('entry-item')).toHaveLength(5));
    const items = screen.getAllByTestId('entry-item');
    expect(items[0]).toHaveTextContent('Rp4.000');
    expect(items[4]).toHaveTextContent('Masuk menjadi anggota');
    expect(screen.getByRole('button', { name: 'Lebih lama' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Lebih baru' }));
    await waitFor(() => expect(screen.getAllByTestId('entry-item')).toHaveLength(20));
    const sixth = screen.getAllByTestId('entry-item').find((li) => li.textContent.includes('Rp6.000'));
    expect(sixth).toHaveTextContent('Dibatalkan');
  }, 30_000);
});
