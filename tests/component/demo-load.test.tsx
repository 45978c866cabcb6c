import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEntry } from '../../src/db/append-entry.ts';
import { DEMO_SEED, generateDemo } from '../../src/domain/demo/generate.ts';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { newMemberId } from '../../src/domain/ids.ts';
import { DemoBanner } from '../../src/features/demo/DemoBanner.tsx';
import { resetDemoJob, useDemoJob } from '../../src/features/demo/demo-job.ts';
import { DemoPanel } from '../../src/features/demo/DemoPanel.tsx';
import { DemoStartChoice } from '../../src/features/demo/DemoStartChoice.tsx';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import { readMeta } from '../../src/db/meta.ts';
import { readCooperative, useCooperative } from '../../src/features/session/cooperative.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
afterEach(() => {
  closeSession(session);
  resetDemoJob();
});

/** A small demo: the full one (3 000 entries) is for phones, not for a test's seconds. */
const SMALL = { members: 4, months: 1, loans: 1 } as const;

function Panel() {
  const cooperative = useCooperative();
  return cooperative ? <DemoPanel cooperative={cooperative} size={SMALL} /> : null;
}

describe('Muat koperasi contoh', () => {
  it('loads the demo into an empty trial phone through appendEntry, with progress, and marks the app DEMO', { timeout: 30_000 }, async () => {
    session = await openSignedInSession();
    render(
      <>
        <DemoBanner />
        <Panel />
      </>,
    );
    expect(screen.queryByTestId('demo-banner')).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Muat koperasi contoh' }));
    const expected = generateDemo({ seed: DEMO_SEED, until: todayInJakarta(), ...SMALL }).drafts;
    expect(await screen.findByTestId('demo-done', {}, { timeout: 20_000 })).toHaveTextContent(`Selesai: ${String(expected.length)} catatan koperasi contoh dimuat.`);

    // The same entries, in the same order, signed as this phone's chain, with the demo's dates.
    const rows = await session.db.entries.orderBy('order').toArray();
    expect(rows.map((r) => r.id)).toEqual(expected.map((d) => d.id));
    expect(rows.map((r) => r.entry.seq)).toEqual(expected.map((_, k) => k + 1));
    expect(rows[0]?.entry.recordedAt).toBe(expected[0]?.recordedAt);
    expect(rows.filter((r) => r.receiptNo !== undefined).length).toBe(expected.filter((d) => d.receipt).length);

    const cooperative = await readCooperative(session.db);
    expect(cooperative?.name).toBe('Koperasi Desa Sumber Makmur (DEMO)');
    expect(cooperative?.settings.simpananWajib).toBe(25_000);
    expect(await screen.findByTestId('demo-banner')).toHaveTextContent('DEMO — koperasi contoh untuk mencoba Lumbung.');
    // Already loaded: no second load button, only "resume", which adds nothing new.
    expect(screen.queryByRole('button', { name: 'Muat koperasi contoh' })).not.toBeInTheDocument();
  });

  it('is never offered into real books: an enrolled phone, or a trial phone that already has entries', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({ cooperative: { name: 'KDMP Sukamaju', village: 'Sukamaju', district: 'Cibadak' } });
    const { unmount } = render(<Panel />);
    const region = await screen.findByRole('region', { name: 'Koperasi contoh' });
    expect(within(region).getByText(/hanya bisa dimuat di HP mode coba yang belum punya catatan/)).toBeInTheDocument();
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
    unmount();
    closeSession(session);

    session = await openSignedInSession();
    const today = todayInJakarta();
    const saved = await appendEntry(
      session.db,
      { type: 'member.joined', date: today, actor: 'Bu Siti', data: { memberId: newMemberId(), number: 'A-001', name: 'Siti', joinedOn: today } },
      { locks: null },
    );
    expect(saved.ok).toBe(true);
    render(<Panel />);
    const again = await screen.findByRole('region', { name: 'Koperasi contoh' });
    expect(within(again).queryByRole('button')).not.toBeInTheDocument();
    expect(await session.db.entries.count()).toBe(1);
  });

  it('one tap on the welcome screen: trial mode starts and the demo loads behind the next step, progress in the banner', { timeout: 30_000 }, async () => {
    const db = openDatabaseForTests(`welcome-${crypto.randomUUID()}`);
    render(
      <>
        <DemoBanner />
        <DemoStartChoice className="welcome-choice" size={SMALL} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Coba dengan koperasi contoh/ }));
    await waitFor(async () => expect((await readMeta(db, 'identity'))?.mode).toBe('local'));
    expect(await screen.findByTestId('demo-banner')).toHaveTextContent('DEMO');
    const expected = generateDemo({ seed: DEMO_SEED, until: todayInJakarta(), ...SMALL }).drafts.length;
    await waitFor(() => expect(useDemoJob.getState().job).toEqual({ state: 'done', loaded: expected }), { timeout: 20_000 });
    expect(await db.entries.count()).toBe(expected);
    expect(screen.getByTestId('demo-banner')).not.toHaveTextContent('Memuat');
    db.close();
  });
});
