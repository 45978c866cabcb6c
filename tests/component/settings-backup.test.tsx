import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import SettingsPage from '../../src/features/settings/index.tsx';
import { readText } from '../../src/features/settings/read-text.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
let other: LumbungDb | undefined;
let blobs: Blob[] = [];

beforeEach(() => {
  blobs = [];
  // jsdom has no object URLs: keep the blob the page hands to the download link instead.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${String(blobs.length)}`;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  closeSession(session);
  other?.close();
  other = undefined;
});

const today = todayInJakarta();
const COOP = { name: 'KDMP Sumber Makmur', village: 'Sumbermakmur', district: 'Kab. Malang' };

async function recordSome(db: LumbungDb): Promise<void> {
  const member = newMemberId();
  const drafts: Omit<EntryDraft, 'actor'>[] = [
    { type: 'member.joined', date: today, data: { memberId: member, number: 'A-001', name: 'Siti Aminah', joinedOn: today } },
    { type: 'savings.deposited', date: today, data: { memberId: member, kind: 'pokok', amount: rupiah(100_000), via: 'cash' } },
    { type: 'savings.deposited', date: today, data: { memberId: member, kind: 'wajib', amount: rupiah(25_000), via: 'cash' } },
  ];
  for (const draft of drafts) {
    const result = await appendEntry(db, { ...draft, actor: 'Bu Siti' } as EntryDraft, { locks: null });
    if (!result.ok) throw new Error(result.error);
  }
}

/** Downloads a backup through the page and returns the file's parsed content. */
async function downloadBackup(): Promise<{ cooperativeId: string; entries: Record<string, unknown>[] } & Record<string, unknown>> {
  await userEvent.click(await screen.findByRole('button', { name: 'Unduh cadangan' }));
  await screen.findByTestId('backup-made');
  const blob = blobs.at(-1);
  if (blob === undefined) throw new Error('no download');
  return JSON.parse(await readText(blob)) as { cooperativeId: string; entries: Record<string, unknown>[] };
}

async function upload(content: string): Promise<void> {
  const input = await screen.findByLabelText('Pilih berkas cadangan');
  await userEvent.upload(input, new File([content], 'cadangan.json', { type: 'application/json' }));
}

/**
 * A second store of the same phone (same identity and device key) without its entries, opened as
 * the app's database: what a phone whose entries were lost would restore into.
 */
async function emptyTwinOf(db: LumbungDb): Promise<LumbungDb> {
  const [identity, keys, users] = await Promise.all([db.meta.get('identity'), db.keys.toArray(), db.users.toArray()]);
  const twin = openDatabaseForTests(`twin-${crypto.randomUUID()}`);
  if (identity === undefined) throw new Error('no identity');
  await twin.meta.put(identity);
  await twin.keys.bulkPut(keys);
  await twin.users.bulkPut(users);
  return twin;
}

describe('Pengaturan: backup and restore', () => {
  it('downloads every signed entry as lumbung-<koperasi>-<date>.json and reminds to keep it off the phone', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    await recordSome(session.db);
    render(<SettingsPage />);
    const file = await downloadBackup();
    expect(screen.getByText(/Simpan di luar HP/)).toBeInTheDocument();
    expect(file.format).toBe('lumbung-backup');
    expect(file.entries).toHaveLength(3);
    expect(file.entries.map((e) => e.type)).toEqual(['member.joined', 'savings.deposited', 'savings.deposited']);
    expect(file.entries[1]).toMatchObject({ data: { kind: 'pokok', amount: 100_000 }, seq: 2 });
    expect(typeof file.entries[0]?.sig).toBe('string');
    expect(screen.getByTestId('backup-made')).toHaveTextContent(`lumbung-kdmp-sumber-makmur-${today}.json (3 catatan). Pindahkan berkas ini keluar dari HP.`);
  });

  it('restoring the same file again adds nothing (idempotent)', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    await recordSome(session.db);
    render(<SettingsPage />);
    const file = await downloadBackup();
    await upload(JSON.stringify(file));
    const preview = await screen.findByTestId('restore-preview');
    expect(preview).toHaveTextContent('Berkas ini berisi 0 catatan baru dan 3 catatan yang sudah ada di HP.');
    expect(preview).toHaveTextContent('Semua catatan di berkas ini sudah ada di HP.');
    expect(within(preview).queryByRole('button', { name: 'Pulihkan sekarang' })).not.toBeInTheDocument();
    expect(await session.db.entries.count()).toBe(3);
  });

  it('restores onto the phone’s emptied store: shows what will be added, then adds it', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    await recordSome(session.db);
    const { unmount } = render(<SettingsPage />);
    const file = await downloadBackup();
    unmount();
    other = await emptyTwinOf(session.db);
    render(<SettingsPage />);
    await upload(JSON.stringify(file));
    const preview = await screen.findByTestId('restore-preview');
    expect(preview).toHaveTextContent('Berkas ini berisi 3 catatan baru dan 0 catatan yang sudah ada di HP.');
    await userEvent.click(within(preview).getByRole('button', { name: 'Pulihkan sekarang' }));
    expect(await screen.findByTestId('restore-done')).toHaveTextContent('Selesai: 3 catatan ditambahkan, 0 sudah ada.');
    expect(await other.entries.count()).toBe(3);
  });

  it('refuses a corrupt file, another cooperative’s file and a tampered file, changing nothing', { timeout: 30_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    await recordSome(session.db);
    const { unmount } = render(<SettingsPage />);
    const file = await downloadBackup();
    unmount();
    other = await emptyTwinOf(session.db);
    render(<SettingsPage />);

    await upload('{"format": "lumbung-backup", "entries": [');
    let refused = await screen.findByTestId('restore-refused');
    expect(refused).toHaveTextContent('Cadangan ditolak. Tidak ada yang diubah di HP ini.');
    expect(refused).toHaveTextContent('Berkas ini bukan cadangan Lumbung, atau isinya rusak.');

    await upload(JSON.stringify({ ...file, cooperativeId: crypto.randomUUID() }));
    await waitFor(() => expect(screen.getByTestId('restore-refused')).toHaveTextContent('Cadangan ini milik koperasi lain'));

    // The wajib deposit made ten times larger, its hash left as it was.
    const tampered = structuredClone(file);
    const third = tampered.entries[2] as { data: { amount: number } };
    third.data.amount = 250_000;
    await upload(JSON.stringify(tampered));
    const preview = await screen.findByTestId('restore-preview');
    await userEvent.click(within(preview).getByRole('button', { name: 'Pulihkan sekarang' }));
    refused = await screen.findByTestId('restore-refused');
    expect(refused).toHaveTextContent('Isi sebuah catatan tidak cocok dengan sidik (hash)-nya');
    expect(refused).toHaveTextContent('Tidak ada yang diubah di HP ini.');
    expect(await other.entries.count()).toBe(0);
    expect(await other.projections.count()).toBe(0);
  });
});
