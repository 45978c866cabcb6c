import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addUser, MAX_FREE_ATTEMPTS } from '../../src/db/users.ts';
import { usePathname } from '../../src/features/navigation/location.ts';
import { SessionGate } from '../../src/features/session/SessionGate.tsx';
import { lockSession, signIn, useSessionStore } from '../../src/features/session/session-store.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
/** PIN checks run PBKDF2 (150 000 rounds, ~0.3 s here): give each answer time on a busy CI machine. */
const slow = { timeout: 5_000 };
afterEach(() => {
  vi.useRealTimers();
  closeSession(session);
});

function Screen() {
  return <p>Saldo kas Rp4.750.000 di {usePathname()}</p>;
}

const gate = () =>
  render(
    <SessionGate>
      <Screen />
    </SessionGate>,
  );

describe('lock screen', () => {
  it('shows only user names, unlocks with the right PIN and returns to the same screen', { timeout: 20_000 }, async () => {
    session = await openSignedInSession({
      cooperative: { name: 'KDMP Sukamaju', village: 'Sukamaju', district: 'Cibadak' },
      signedIn: false,
    });
    await addUser(session.db, { name: 'Pak Darto', role: 'ketua', pin: '654321' });
    window.history.replaceState(null, '', '/anggota');
    const user = userEvent.setup();
    gate();

    expect(await screen.findByRole('heading', { name: 'Lumbung terkunci' })).toBeInTheDocument();
    expect(await screen.findByLabelText(/Pak Darto/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Bu Siti/)).toBeInTheDocument();
    // No cooperative data on the lock screen: not the amounts, not even the cooperative's name.
    expect(document.body).not.toHaveTextContent('Rp');
    expect(document.body).not.toHaveTextContent('Sukamaju');

    await user.click(screen.getByLabelText(/Pak Darto/));
    await user.type(screen.getByLabelText('PIN (6 angka)'), '654321');
    await user.click(screen.getByRole('button', { name: 'Buka' }));

    expect(await screen.findByText('Saldo kas Rp4.750.000 di /anggota', {}, slow)).toBeInTheDocument();
    expect(useSessionStore.getState().user).toMatchObject({ name: 'Pak Darto', role: 'ketua' });

    // Locking hides the screen at once; the path stays, so unlocking returns here.
    act(() => lockSession());
    expect(screen.queryByText(/Saldo kas/)).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Lumbung terkunci' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/anggota');
  });

  it('refuses a wrong PIN, then throttles after five with a countdown that blocks PIN entry', { timeout: 30_000 }, async () => {
    session = await openSignedInSession({ signedIn: false });
    const user = userEvent.setup();
    gate();
    // One user: no name to pick, straight to the PIN.
    const pin = await screen.findByLabelText('PIN (6 angka)');
    expect(screen.getByText('Bu Siti')).toBeInTheDocument();

    await user.type(pin, '111111');
    await user.click(screen.getByRole('button', { name: 'Buka' }));
    expect(await screen.findByText('PIN salah. Sisa 4 kali percobaan sebelum dikunci sementara.', {}, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('PIN (6 angka)')).toHaveValue('');

    for (let attempt = 2; attempt <= MAX_FREE_ATTEMPTS; attempt++) {
      await user.type(screen.getByLabelText('PIN (6 angka)'), '111111');
      await user.click(screen.getByRole('button', { name: 'Buka' }));
      if (attempt < MAX_FREE_ATTEMPTS) {
        expect(
          await screen.findByText(`PIN salah. Sisa ${MAX_FREE_ATTEMPTS - attempt} kali percobaan sebelum dikunci sementara.`, {}, slow),
        ).toBeInTheDocument();
      }
    }
    expect(await screen.findByText(/Terlalu banyak PIN salah\. Coba lagi dalam 0:(30|29)\./, {}, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('PIN (6 angka)')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Buka' })).toBeDisabled();
    // The wait is stored: even the right PIN is refused until it is over.
    const row = await session.db.users.get(session.user.id);
    expect(row?.failedAttempts).toBe(MAX_FREE_ATTEMPTS);
    expect((row?.lockedUntil ?? 0) - Date.now()).toBeGreaterThan(25_000);
    expect(useSessionStore.getState().user).toBeNull();
    expect(screen.queryByText(/Saldo kas/)).not.toBeInTheDocument();
  });

  it('shows the countdown at once for a user still locked from before', async () => {
    session = await openSignedInSession({ signedIn: false });
    await session.db.users.update(session.user.id, { failedAttempts: 6, lockedUntil: Date.now() + 61_000 });
    gate();
    expect(await screen.findByText(/Terlalu banyak PIN salah\. Coba lagi dalam 1:0[01]\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Buka' })).toBeDisabled();
  });
});

describe('auto-lock', () => {
  it('locks after five idle minutes by default, and not before', async () => {
    session = await openSignedInSession();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    gate();
    expect(await screen.findByText(/Saldo kas/)).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.getByText(/Saldo kas/)).toBeInTheDocument();
    // A touch resets the idle clock.
    act(() => {
      window.dispatchEvent(new Event('pointerdown'));
    });
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.getByText(/Saldo kas/)).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(65_000);
    });
    expect(useSessionStore.getState().user).toBeNull();
    await waitFor(() => expect(screen.queryByText(/Saldo kas/)).not.toBeInTheDocument());
  });

  it('locks when the app comes back after more than 30 seconds hidden, not after a short glance away', async () => {
    session = await openSignedInSession();
    vi.useFakeTimers({ toFake: ['Date'] });
    gate();
    expect(await screen.findByText(/Saldo kas/)).toBeInTheDocument();
    let visibility: DocumentVisibilityState = 'visible';
    const spy = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const setVisibility = (next: DocumentVisibilityState, afterMs: number) => {
      vi.setSystemTime(Date.now() + afterMs);
      visibility = next;
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
    };

    setVisibility('hidden', 0);
    setVisibility('visible', 10_000);
    expect(screen.getByText(/Saldo kas/)).toBeInTheDocument();

    setVisibility('hidden', 1_000);
    setVisibility('visible', 31_000);
    expect(useSessionStore.getState().user).toBeNull();
    await waitFor(() => expect(screen.queryByText(/Saldo kas/)).not.toBeInTheDocument());
    spy.mockRestore();
    // Signing in again works as before.
    act(() => signIn(session?.user ?? { id: '', name: '', role: 'bendahara' }));
    expect(await screen.findByText(/Saldo kas/)).toBeInTheDocument();
  });
});
