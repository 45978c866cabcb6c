import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import { markRejected } from '../../src/db/outbox.ts';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';
import { notifyEntrySaved } from '../../src/features/forms/saved-listeners.ts';
import { getSyncEngine, startSyncEngine } from '../../src/features/sync/engine.ts';
import SyncPage from '../../src/features/sync/index.tsx';
import { SyncBadge } from '../../src/features/sync/SyncBadge.tsx';
import { SyncEngineHost } from '../../src/features/sync/SyncEngineHost.tsx';
import { DEFAULT_BATCH_LIMITS } from '../../src/sync/push-batch.ts';
import type { SyncEnvironment } from '../../src/sync/sync-environment.ts';
import { writeSyncMeta } from '../../src/sync/sync-meta.ts';
import { createSyncEngine } from '../../src/sync/triggers.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  closeSession(session);
});

const today = todayInJakarta();
const COOP = { name: 'KDMP Sumber Makmur', village: 'Sumbermakmur', district: 'Kab. Malang' };

/** A platform where nothing happens by itself: no timers fire, no events, no Background Sync. */
const stillEnvironment: SyncEnvironment = {
  isOnline: () => true,
  isVisible: () => true,
  onOnline: () => () => undefined,
  onVisible: () => () => undefined,
  setTimer: () => 0,
  clearTimer: () => undefined,
  registerBackgroundSync: () => Promise.resolve(false),
  whenLockFree: () => Promise.resolve(),
};

async function record(draft: Omit<EntryDraft, 'actor'>): Promise<string> {
  if (session === undefined) throw new Error('no session');
  const result = await appendEntry(session.db, { ...draft, actor: 'Bu Siti' } as EntryDraft, { locks: null });
  if (!result.ok) throw new Error(result.error);
  return result.value.entry.id;
}

/** Starts the app's engine on the test database with a fetch that finds no network. */
function startOffline(): { calls: () => number } {
  let calls = 0;
  const db = session?.db;
  if (db === undefined) throw new Error('no session');
  stop = startSyncEngine(db, (d) =>
    createSyncEngine({
      db: d,
      fetch: () => {
        calls++;
        return Promise.reject(new TypeError('Failed to fetch'));
      },
      environment: stillEnvironment,
      // jsdom's Blob has no stream(), which gzip needs; real browsers and Node have it.
      syncOptions: { batchLimits: { ...DEFAULT_BATCH_LIMITS, gzip: false } },
    }),
  );
  return { calls: () => calls };
}

describe('Sinkron', () => {
  it('shows the pending entries, the last error in Indonesian, and syncs on the button', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    const member = newMemberId();
    await record({ type: 'member.joined', date: today, data: { memberId: member, number: 'A-001', name: 'Siti Aminah', joinedOn: today } });
    await record({ type: 'savings.deposited', date: today, data: { memberId: member, kind: 'wajib', amount: rupiah(25_000), via: 'cash' } });
    const network = startOffline();
    render(<SyncPage />);

    expect(await screen.findByText('2 catatan belum terkirim')).toBeInTheDocument();
    const error = await screen.findByTestId('sync-error');
    expect(error).toHaveTextContent('Tidak ada sambungan ke server. Data tetap aman di HP dan akan dikirim nanti.');
    expect(screen.getByTestId('sync-phase')).toHaveTextContent('Tidak ada sambungan');
    expect(screen.getByTestId('sync-last-success')).toHaveTextContent('Belum pernah');
    const before = network.calls();
    expect(before).toBeGreaterThan(0);

    await userEvent.click(screen.getByRole('button', { name: 'Sinkronkan sekarang' }));
    await waitFor(() => expect(network.calls()).toBeGreaterThan(before));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeEnabled());

    // A save elsewhere in the app reaches the engine: the pending count follows.
    await record({ type: 'savings.deposited', date: today, data: { memberId: member, kind: 'sukarela', amount: rupiah(10_000), via: 'cash' } });
    act(() => notifyEntrySaved());
    expect(await screen.findByText('3 catatan belum terkirim')).toBeInTheDocument();
  });

  it('prints the sync receipt from the last sync: confirmed entries, server seq, chain head short and full', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    const hash = 'ab12cd34ef56'.padEnd(64, '0');
    await writeSyncMeta(session.db, 'sync.receipt', {
      finishedAt: '2026-11-29T03:54:29.123Z',
      serverTime: '2026-11-29T03:54:29.500Z',
      pushed: 14,
      acked: 14,
      rejected: 0,
      flagged: 1,
      pulled: 3,
      lastServerSeq: 412,
      chainHead: { seq: 57, hash },
    });
    startOffline();
    render(<SyncPage />);
    const receipt = await screen.findByTestId('sync-receipt');
    expect(within(receipt).getByRole('heading', { name: 'Tanda terima sinkronisasi' })).toBeInTheDocument();
    expect(await within(receipt).findByTestId('receipt-acked')).toHaveTextContent('14');
    expect(within(receipt).getByTestId('receipt-server-seq')).toHaveTextContent('412');
    expect(within(receipt).getByTestId('receipt-hash-short')).toHaveTextContent('ab12cd34ef56');
    expect(within(receipt).getByTestId('receipt-hash-full')).toHaveTextContent(hash);
    // 03:54 UTC is 10.54 in Jakarta.
    expect(receipt).toHaveTextContent('29/11/2026 10.54 WIB');
    expect(receipt).toHaveTextContent('KDMP Sumber Makmur');
    expect(within(receipt).getByRole('button', { name: 'Cetak tanda terima' })).toBeInTheDocument();
  });

  it('lists refused and flagged entries with the reason in Indonesian and a link to each', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    const member = newMemberId();
    await record({ type: 'member.joined', date: today, data: { memberId: member, number: 'A-001', name: 'Siti Aminah', joinedOn: today } });
    const refused = await record({ type: 'cash.paid', date: today, data: { account: '5-150', amount: rupiah(5_000), via: 'bank', memo: 'ATK' } });
    const overdraft = await record({ type: 'savings.withdrawn', date: today, data: { memberId: member, kind: 'sukarela', amount: rupiah(50_000), via: 'cash' } });
    await markRejected(session.db, refused, 'signature-invalid');
    startOffline();
    render(<SyncPage />);

    const rejected = await screen.findByTestId('sync-rejected');
    await waitFor(() => expect(within(rejected).getAllByRole('listitem')).toHaveLength(1));
    expect(rejected).toHaveTextContent('Tanda tangan');
    expect(within(rejected).getByRole('link', { name: 'Lihat catatan' })).toHaveAttribute('href', `/entri/${refused}`);

    const flagged = screen.getByTestId('sync-flagged');
    await waitFor(() => expect(within(flagged).getAllByRole('listitem')).toHaveLength(1));
    expect(flagged).toHaveTextContent('Penarikan melebihi saldo simpanan');
    expect(within(flagged).getByRole('link', { name: 'Lihat catatan' })).toHaveAttribute('href', `/entri/${overdraft}`);
  });

  it('explains a revoked phone: entries kept, contact the Dinas, no sync button', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    startOffline();
    render(<SyncPage />);
    await screen.findByTestId('sync-phase');
    act(() => getSyncEngine()?.status.update({ phase: 'revoked', lastError: 'revoked', lastErrorDetail: 'device-revoked' }));
    expect(await screen.findByText('HP ini sudah dicabut aksesnya oleh Dinas Koperasi')).toBeInTheDocument();
    expect(screen.getByText(/Semua catatan tetap tersimpan di HP dan tidak akan dihapus/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeDisabled();
  });

  it('top bar badge shows syncing and the number waiting, and links to Sinkron', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: COOP });
    startOffline();
    render(<SyncBadge />);
    const engine = getSyncEngine();
    act(() => engine?.status.update({ phase: 'idle', pendingCount: 4 }));
    expect(await screen.findByTestId('sync-badge-detail')).toHaveTextContent('4 belum terkirim');
    act(() => engine?.status.update({ phase: 'syncing' }));
    expect(screen.getByTestId('sync-badge-detail')).toHaveTextContent('sinkron…');
    expect(screen.getByRole('link')).toHaveAttribute('href', '/sinkron');
  });

  it('a local-only phone starts no engine and is told how to enroll; an enrolled one starts it', { timeout: 20_000 }, async () => {
    session = await openSignedInSession();
    const { unmount } = render(
      <>
        <SyncEngineHost />
        <SyncPage />
      </>,
    );
    expect(await screen.findByText('HP ini belum terdaftar')).toBeInTheDocument();
    expect(getSyncEngine()).toBeNull();
    unmount();
    closeSession(session);

    session = await openSignedInSession({ cooperative: COOP });
    const host = render(<SyncEngineHost />);
    await waitFor(() => expect(getSyncEngine()).not.toBeNull());
    host.unmount();
    expect(getSyncEngine()).toBeNull();
  });
});
