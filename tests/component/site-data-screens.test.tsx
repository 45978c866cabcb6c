// The words about lost books (issue 6, cleared site data): the welcome screen's alert when the note
// kept in localStorage says the phone had books, and the Sinkron page's restore notice — in
// Indonesian and in English, from the note as the watch writes it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DBCoreTransaction } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeEnrollment } from '../../src/db/enrollment.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { MARKER_KEY, RESTORE_NOTICE_KEY, noteEnrollment, type SiteDataMarker } from '../../src/db/site-data-marker.ts';
import { EnrollForm } from '../../src/features/enroll/EnrollForm.tsx';
import { WelcomeScreen } from '../../src/features/enroll/WelcomeScreen.tsx';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import { RestoreNoticeCard } from '../../src/features/sync/SiteDataCards.tsx';
import { useSiteDataWatch } from '../../src/features/sync/site-data.ts';
import { setLanguage, useLanguageStore } from '../../src/i18n/language-store.ts';
import { writeSyncMeta } from '../../src/sync/sync-meta.ts';
import { watchMetaWrites } from '../support/meta-writes.ts';

const COOP = '4f1c2a9e-3b7d-4c1e-9a2f-6d8e0b1c2d3e';
const OLD_DEVICE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const NEW_DEVICE = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';

const lostNote: SiteDataMarker = {
  mode: 'enrolled',
  cooperativeId: COOP,
  deviceId: OLD_DEVICE,
  cooperativeName: 'KSP Sumber Rejeki',
  entries: 12,
  ownSeq: 9,
  pending: 2,
  at: '2026-11-20T03:00:00.000Z',
};

let db: LumbungDb;
beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
  localStorage.clear();
  db = openDatabaseForTests(`site-data-${crypto.randomUUID()}`);
});
afterEach(() => {
  db.close();
  localStorage.clear();
});

describe('lost books on the welcome screen', () => {
  it('says nothing on a new phone', () => {
    render(<WelcomeScreen />);
    expect(screen.queryByTestId('lost-books')).not.toBeInTheDocument();
  });

  it('names the cooperative, the entries, the unsent ones and what to do — Indonesian, then English', async () => {
    localStorage.setItem(MARKER_KEY, JSON.stringify(lostNote));
    const { unmount } = render(<WelcomeScreen />);
    const alert = screen.getByTestId('lost-books');
    expect(alert).toHaveTextContent('Data Lumbung di HP ini hilang');
    expect(alert).toHaveTextContent('memegang buku KSP Sumber Rejeki dengan 12 catatan (terakhir tercatat 20/11/2026)');
    expect(alert).toHaveTextContent('Minta kode pendaftaran baru ke Dinas Koperasi');
    expect(alert).toHaveTextContent('2 catatan terakhir belum terkirim ke server saat data hilang');
    unmount();
    await setLanguage('en');
    render(<WelcomeScreen />);
    expect(screen.getByTestId('lost-books')).toHaveTextContent('This phone held the books of KSP Sumber Rejeki with 12 entries');
    expect(screen.getByTestId('lost-books')).toHaveTextContent('The last 2 entries had not been sent');
  });
});

function Watched({ deviceId }: { readonly deviceId: string }) {
  useSiteDataWatch();
  return <RestoreNoticeCard deviceId={deviceId} />;
}

describe('the restore notice on Sinkron', () => {
  it('after enrolling again: waits for the server, keeps saying what was lost, and goes when understood', async () => {
    localStorage.setItem(MARKER_KEY, JSON.stringify(lostNote));
    const enrolled = await completeEnrollment(db, {
      cooperativeId: COOP,
      deviceId: NEW_DEVICE,
      cooperative: { name: 'KSP Sumber Rejeki', village: 'Sukamaju', district: 'Malang' },
    });
    expect(enrolled.ok).toBe(true);
    noteEnrollment(localStorage, { deviceId: NEW_DEVICE, entriesNow: 0 }, new Date());
    const user = userEvent.setup();
    render(<Watched deviceId={NEW_DEVICE} />);
    const notice = await screen.findByTestId('restore-notice');
    // No sync has run since the enrollment: it says it is fetching, and what cannot come back.
    expect(notice).toHaveTextContent('Sedang mengambil catatan koperasi dari server');
    expect(notice).toHaveTextContent('dengan 12 catatan');
    expect(notice).toHaveTextContent('2 catatan belum terkirim ke server saat data HP hilang');
    // The watch has moved the note on to the new books, and kept the loss in the notice.
    await expect.poll(() => JSON.parse(localStorage.getItem(MARKER_KEY) ?? '{}') as { deviceId?: string }).toMatchObject({ deviceId: NEW_DEVICE });
    await user.click(screen.getByRole('button', { name: 'Mengerti' }));
    expect(screen.queryByTestId('restore-notice')).not.toBeInTheDocument();
    expect(localStorage.getItem(RESTORE_NOTICE_KEY)).toBeNull();
  });

  it('after enrolling again: counts the first sync run even when it finished before the form noted the enrollment', async () => {
    localStorage.setItem(MARKER_KEY, JSON.stringify(lostNote));
    const server = districtAnswering();
    await enrollThroughTheForm(server.fetch);
    const answeredAt = server.answeredAt();
    // The sync engine starts once the identity is stored, inside the enrollment: its first run
    // may end before the form has noted the enrollment. This one ended as the server answered.
    await writeSyncMeta(db, 'sync.receipt', {
      finishedAt: answeredAt,
      serverTime: answeredAt,
      pushed: 0,
      acked: 0,
      rejected: 0,
      flagged: 0,
      pulled: 0,
      lastServerSeq: null,
      chainHead: null,
    });
    render(<Watched deviceId={NEW_DEVICE} />);
    const notice = await screen.findByTestId('restore-notice');
    // Synced: it reports what the server sent (nothing, here) instead of still waiting for it.
    expect(notice).toHaveTextContent('Belum ada catatan koperasi yang diambil dari server.');
    expect(notice).not.toHaveTextContent('Sedang mengambil');
    // Of the 9 entries the lost phone had made, none came back; its 2 unsent ones never reached the server.
    expect(notice).toHaveTextContent('Dari 9 catatan yang dulu dicatat HP ini, 0 sudah kembali.');
  });
});

describe('the restore notice when the page closes as the enrollment commits', () => {
  it('is already noted when the transaction storing the identity completes', async () => {
    localStorage.setItem(MARKER_KEY, JSON.stringify(lostNote));
    const noticeAtCommit = noticeWhenTheIdentityCommits(db);
    await enrollThroughTheForm(districtAnswering().fetch);
    // What a page closed right then would find on its next start: the notice, with the lost books.
    expect(noticeAtCommit()).toMatchObject({ deviceId: NEW_DEVICE, lost: { deviceId: OLD_DEVICE, entries: 12 } });
  });
});

/** The district server's answer to the enrollment, a few milliseconds after it was asked. */
function districtAnswering(): { fetch: () => Promise<Response>; answeredAt: () => string } {
  let answeredAt = '';
  return {
    answeredAt: () => answeredAt,
    fetch: async () => {
      answeredAt = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cooperative = { id: COOP, name: 'KSP Sumber Rejeki', village: 'Sukamaju', district: 'Malang' };
      return new Response(JSON.stringify({ deviceId: NEW_DEVICE, cooperative, chart: [], settings: {}, serverTime: answeredAt }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

async function enrollThroughTheForm(fetch: () => Promise<Response>): Promise<void> {
  const user = userEvent.setup();
  render(<EnrollForm fetch={fetch} />);
  await user.type(screen.getByLabelText('Kode pendaftaran'), 'ABCD-EFGH-JK23');
  await user.click(screen.getByRole('button', { name: 'Daftarkan' }));
  await screen.findByText('HP ini sudah terdaftar di KSP Sumber Rejeki.');
}

/**
 * The restore notice in localStorage at the moment the transaction that stores the identity
 * completes — before any code after the commit runs, as a page closed right then would leave it.
 */
function noticeWhenTheIdentityCommits(database: LumbungDb): () => unknown {
  let seen: unknown = 'the identity was never committed';
  const storingIdentity = new WeakSet<DBCoreTransaction>();
  watchMetaWrites(database, {
    onWrite: (keys, trans) => {
      if (keys.includes('identity')) storingIdentity.add(trans);
    },
    onCommit: (trans) => {
      if (storingIdentity.has(trans)) seen = JSON.parse(localStorage.getItem(RESTORE_NOTICE_KEY) ?? 'null');
    },
  });
  return () => seen;
}
