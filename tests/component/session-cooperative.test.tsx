import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEntry } from '../../src/db/append-entry.ts';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { useCooperative } from '../../src/features/session/cooperative.ts';
import EnrollPage from '../../src/features/enroll/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
afterEach(() => closeSession(session));

function Probe() {
  const cooperative = useCooperative();
  if (cooperative === undefined) return <p>memuat</p>;
  if (cooperative === null) return <p>belum disiapkan</p>;
  return (
    <p>
      {cooperative.mode}|{cooperative.name ?? '-'}|{cooperative.village ?? '-'}|{JSON.stringify(cooperative.settings.simpananWajib ?? null)}
    </p>
  );
}

describe('useCooperative', () => {
  it('in trial mode takes the name from the profile setting and follows new settings live', async () => {
    session = await openSignedInSession();
    render(<Probe />);
    expect(await screen.findByText('local|-|-|null')).toBeInTheDocument();
    const date = todayInJakarta();
    const profile = await appendEntry(
      session.db,
      { type: 'settings.changed', date, actor: 'Bu Siti', data: { key: 'profile', value: { name: 'Koperasi Tani Makmur', village: 'Cikupa' } } },
      { locks: null },
    );
    const wajib = await appendEntry(
      session.db,
      { type: 'settings.changed', date, actor: 'Bu Siti', data: { key: 'simpananWajib', value: 25_000 } },
      { locks: null },
    );
    expect(profile.ok && wajib.ok).toBe(true);
    expect(await screen.findByText('local|Koperasi Tani Makmur|Cikupa|25000')).toBeInTheDocument();
  });

  it('once enrolled uses the cooperative the district server named', async () => {
    session = await openSignedInSession({ cooperative: { name: 'KDMP Sukamaju', village: 'Sukamaju', district: 'Cibadak' } });
    render(<Probe />);
    expect(await screen.findByText('enrolled|KDMP Sukamaju|Sukamaju|null')).toBeInTheDocument();
  });
});

describe('enrollment page', () => {
  it('in trial mode says so and offers the form; a pengawas sees no form', async () => {
    session = await openSignedInSession({ name: 'Pak Joko', role: 'pengawas' });
    render(<EnrollPage />);
    expect(await screen.findByText('Mode coba — belum terhubung ke Dinas')).toBeInTheDocument();
    expect(screen.queryByLabelText('Kode pendaftaran')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Daftarkan' })).not.toBeInTheDocument();
  });

  it('once enrolled names the cooperative instead of the form', async () => {
    session = await openSignedInSession({ cooperative: { name: 'KDMP Sukamaju', village: 'Sukamaju', district: 'Cibadak' } });
    render(<EnrollPage />);
    expect(await screen.findByText('HP ini terdaftar di KDMP Sukamaju.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Kode pendaftaran')).not.toBeInTheDocument();
  });
});
