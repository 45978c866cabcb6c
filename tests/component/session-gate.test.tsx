import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../src/db/meta.ts';
import { listUsers } from '../../src/db/users.ts';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import { SessionGate } from '../../src/features/session/SessionGate.tsx';
import { lockSession, useSessionStore } from '../../src/features/session/session-store.ts';
import type { LumbungDb } from '../../src/db/database.ts';

let db: LumbungDb;

beforeEach(() => {
  db = openDatabaseForTests(`session-gate-${crypto.randomUUID()}`);
});

afterEach(() => {
  lockSession();
  db.close();
});

const app = () =>
  render(
    <SessionGate>
      <p>Kas tunai Rp1.250.000</p>
    </SessionGate>,
  );

describe('first run: local-only start and the first user', () => {
  it('starts in trial mode, refuses a PIN typed differently twice, then opens the books', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    app();
    expect(await screen.findByRole('heading', { name: 'Selamat datang di Lumbung' })).toBeInTheDocument();
    expect(screen.queryByText(/Kas tunai/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Coba dulu tanpa mendaftar/ }));
    expect(await screen.findByRole('heading', { name: 'Buat pengguna pertama' })).toBeInTheDocument();
    const identity = await readMeta(db, 'identity');
    expect(identity?.mode).toBe('local');

    await user.type(screen.getByLabelText('Nama'), 'Bu Siti');
    await user.type(screen.getByLabelText('PIN (6 angka)'), '1234');
    expect(screen.getByText('PIN harus 6 angka (baru 4).')).toBeInTheDocument();
    await user.type(screen.getByLabelText('PIN (6 angka)'), '56');
    await user.type(screen.getByLabelText('Ulangi PIN'), '123465');
    expect(screen.getByText('PIN kedua tidak sama dengan yang pertama.')).toBeInTheDocument();
    expect(screen.getByLabelText('Ulangi PIN')).toHaveAttribute('aria-invalid', 'true');
    const save = screen.getByRole('button', { name: 'Simpan dan masuk' });
    expect(save).toBeDisabled();

    await user.clear(screen.getByLabelText('Ulangi PIN'));
    await user.type(screen.getByLabelText('Ulangi PIN'), '123456');
    expect(screen.queryByText('PIN kedua tidak sama dengan yang pertama.')).not.toBeInTheDocument();
    await user.click(save);

    expect(await screen.findByText('Kas tunai Rp1.250.000', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('Mode coba — belum terhubung ke Dinas')).toBeInTheDocument();
    expect(useSessionStore.getState().user).toMatchObject({ name: 'Bu Siti', role: 'bendahara' });
    const users = await listUsers(db);
    expect(users.map((u) => [u.name, u.role])).toEqual([['Bu Siti', 'bendahara']]);
    // The PIN is stored only as a PBKDF2 hash.
    const row = await db.users.get(users[0]?.id ?? '');
    expect(JSON.stringify(row)).not.toContain('123456');
  });

  it('rejects a name that is only spaces and a PIN with letters, in Indonesian', async () => {
    const user = userEvent.setup();
    app();
    await user.click(await screen.findByRole('button', { name: /Coba dulu tanpa mendaftar/ }));
    await screen.findByRole('heading', { name: 'Buat pengguna pertama' });
    await user.type(screen.getByLabelText('Nama'), '   ');
    expect(screen.getByText('Nama wajib diisi.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('PIN (6 angka)'), '12ab56');
    expect(screen.getByText('PIN hanya boleh berisi angka.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Simpan dan masuk' })).toBeDisabled();
    expect(await db.users.count()).toBe(0);
  });
});
