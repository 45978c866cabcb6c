import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, listUsers, verifyPin } from '../../src/db/users.ts';
import { SessionGate } from '../../src/features/session/SessionGate.tsx';
import { useSessionStore } from '../../src/features/session/session-store.ts';
import { removeUser } from '../../src/features/users/remove-user.ts';
import UsersPage from '../../src/features/users/index.tsx';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

let session: TestSession | undefined;
afterEach(() => closeSession(session));

const addForm = () => {
  const heading = screen.getByRole('heading', { name: 'Tambah pengguna' });
  const section = heading.closest('section');
  if (section === null) throw new Error('no section');
  return within(section);
};

describe('users of the phone', () => {
  it('lets the bendahara add a ketua (PINs must match, names must differ) and remove them', { timeout: 20_000 }, async () => {
    session = await openSignedInSession();
    const user = userEvent.setup();
    render(<UsersPage />);
    expect(await screen.findByText('Bu Siti')).toBeInTheDocument();
    // Nobody removes themself.
    expect(screen.queryByRole('button', { name: 'Hapus Bu Siti' })).not.toBeInTheDocument();

    const form = addForm();
    await user.type(form.getByLabelText('Nama'), 'Bu Siti');
    await user.click(form.getByLabelText(/^Ketua/));
    await user.type(form.getByLabelText('PIN (6 angka)'), '246810');
    await user.type(form.getByLabelText('Ulangi PIN'), '246811');
    expect(form.getByText('PIN kedua tidak sama dengan yang pertama.')).toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Tambah pengguna' })).toBeDisabled();
    await user.clear(form.getByLabelText('Ulangi PIN'));
    await user.type(form.getByLabelText('Ulangi PIN'), '246810');
    await user.click(form.getByRole('button', { name: 'Tambah pengguna' }));
    expect(await form.findByText('Nama ini sudah dipakai pengguna lain di HP ini.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(await session.db.users.count()).toBe(1);

    await user.clear(form.getByLabelText('Nama'));
    await user.type(form.getByLabelText('Nama'), 'Pak Darto');
    await user.click(form.getByRole('button', { name: 'Tambah pengguna' }));
    expect(await form.findByText('Pak Darto ditambahkan.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await listUsers(session.db)).map((u) => [u.name, u.role])).toEqual([
      ['Bu Siti', 'bendahara'],
      ['Pak Darto', 'ketua'],
    ]);
    const darto = (await listUsers(session.db)).find((u) => u.name === 'Pak Darto');
    expect((await verifyPin(session.db, darto?.id ?? '', '246810')).ok).toBe(true);

    await user.click(await screen.findByRole('button', { name: 'Hapus Pak Darto' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Hapus pengguna Pak Darto?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ya, hapus' }));
    expect(await screen.findByText('Pak Darto dihapus.')).toBeInTheDocument();
    expect(await session.db.users.count()).toBe(1);
  });

  it('never removes the last bendahara', async () => {
    session = await openSignedInSession({ name: 'Bu Siti' });
    const other = await addUser(session.db, { name: 'Bu Rina', role: 'bendahara', pin: '135790' });
    if (!other.ok) throw new Error(other.error);
    // Signed in as Bu Rina: she may remove Bu Siti (two treasurers), but then not herself.
    expect(await removeUser(session.db, session.user.id, other.user.id)).toEqual({ ok: true });
    expect(await removeUser(session.db, other.user.id, other.user.id)).toEqual({ ok: false, error: 'self' });
    expect(await removeUser(session.db, other.user.id, 'someone-else')).toEqual({ ok: false, error: 'last-treasurer' });
    expect(await session.db.users.count()).toBe(1);
  });

  it('changes my PIN only with the current one', { timeout: 20_000 }, async () => {
    session = await openSignedInSession();
    const user = userEvent.setup();
    render(<UsersPage />);
    await user.type(await screen.findByLabelText('PIN sekarang'), '000000');
    await user.type(screen.getByLabelText('PIN baru (6 angka)'), '97531');
    expect(screen.getByText('PIN harus 6 angka (baru 5).')).toBeInTheDocument();
    await user.type(screen.getByLabelText('PIN baru (6 angka)'), '1');
    await user.type(screen.getByLabelText('Ulangi PIN baru'), '975311');
    await user.click(screen.getByRole('button', { name: 'Ganti PIN' }));
    expect(await screen.findByText('PIN sekarang salah.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await verifyPin(session.db, session.user.id, '123456')).ok).toBe(true);

    await user.type(screen.getByLabelText('PIN sekarang'), '123456');
    await user.click(screen.getByRole('button', { name: 'Ganti PIN' }));
    expect(await screen.findByText('PIN sudah diganti.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await verifyPin(session.db, session.user.id, '975311')).ok).toBe(true);
    expect((await verifyPin(session.db, session.user.id, '123456')).ok).toBe(false);
  });

  it('gives a pengawas no way to add or remove users', async () => {
    session = await openSignedInSession({ name: 'Pak Joko', role: 'pengawas' });
    await addUser(session.db, { name: 'Bu Siti', role: 'bendahara', pin: '123456' });
    render(<UsersPage />);
    expect(await screen.findByText('Bu Siti')).toBeInTheDocument();
    expect(useSessionStore.getState().user?.role).toBe('pengawas');
    expect(screen.getByText('Hanya bendahara yang bisa menambah atau menghapus pengguna.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tambah pengguna' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Hapus/ })).not.toBeInTheDocument();
  });

  it('locks the phone from the page', async () => {
    session = await openSignedInSession();
    const user = userEvent.setup();
    render(
      <SessionGate>
        <UsersPage />
      </SessionGate>,
    );
    await user.click(await screen.findByRole('button', { name: 'Kunci sekarang' }));
    expect(useSessionStore.getState().user).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Lumbung terkunci' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Pengguna HP ini' })).not.toBeInTheDocument();
  });
});
