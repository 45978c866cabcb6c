import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { readMeta } from '../../src/db/meta.ts';
import { EnrollForm } from '../../src/features/enroll/EnrollForm.tsx';
import { WelcomeScreen } from '../../src/features/enroll/WelcomeScreen.tsx';
import { openDatabaseForTests } from '../../src/features/session/database.ts';
import { lockSession } from '../../src/features/session/session-store.ts';
import { useLanguageStore } from '../../src/i18n/language-store.ts';

let db: LumbungDb;
beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
  db = openDatabaseForTests(`enroll-${crypto.randomUUID()}`);
});
afterEach(() => {
  lockSession();
  db.close();
});

const field = (label: string) => screen.getByLabelText(label);

describe('enrollment form', () => {
  it('checks the code as it is typed, in Indonesian, and keeps the button disabled until it is valid', async () => {
    const user = userEvent.setup();
    render(<EnrollForm />);
    const submit = screen.getByRole('button', { name: 'Daftarkan' });
    expect(submit).toBeDisabled();
    // Pristine: no error yet. Leaving the empty field says what is missing.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(field('Kode pendaftaran'));
    await user.tab();
    expect(screen.getByText('Kode pendaftaran wajib diisi.')).toBeInTheDocument();
    expect(field('Kode pendaftaran')).toHaveAttribute('aria-invalid', 'true');

    await user.type(field('Kode pendaftaran'), 'abcd-efgh');
    expect(screen.getByText('Kode terlalu pendek: 8 dari 12 huruf dan angka.')).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.type(field('Kode pendaftaran'), '-jk2!');
    expect(screen.getByText('Kode hanya berisi huruf dan angka.')).toBeInTheDocument();

    await user.clear(field('Kode pendaftaran'));
    await user.type(field('Kode pendaftaran'), 'abcd efgh jk23 99');
    expect(screen.getByText('Kode terlalu panjang: 14, seharusnya 12 huruf dan angka.')).toBeInTheDocument();

    await user.clear(field('Kode pendaftaran'));
    await user.type(field('Kode pendaftaran'), 'abcd-efgh-jk23');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(field('Kode pendaftaran')).toHaveAttribute('aria-invalid', 'false');
    // The server address defaults to this origin and the phone has a name: ready to send.
    expect(field('Alamat server Dinas')).toHaveValue(window.location.origin);
    expect(field('Nama HP ini')).toHaveValue('HP Bendahara');
    expect(submit).toBeEnabled();

    await user.clear(field('Alamat server Dinas'));
    await user.type(field('Alamat server Dinas'), 'dinas koperasi');
    expect(screen.getByText('Alamat server tidak sah. Contoh: https://lumbung.dinas.go.id')).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.clear(field('Nama HP ini'));
    expect(screen.getByText('Nama HP wajib diisi.')).toBeInTheDocument();
  });

  it('says there is no connection when the server cannot be reached, and changes nothing', async () => {
    const user = userEvent.setup();
    render(<EnrollForm />);
    await user.type(field('Kode pendaftaran'), 'ABCD-EFGH-JK23');
    await user.clear(field('Alamat server Dinas'));
    // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
    await user.type(field('Alamat server Dinas'), 'http://127.0.0.1:9');
    await user.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(
      await screen.findByText('Tidak ada sambungan ke server. Data tetap aman di HP dan akan dikirim nanti.', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(await readMeta(db, 'identity')).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Daftarkan' })).toBeEnabled();
  });
});

describe('welcome screen', () => {
  it('offers enrollment or a trial, and starts the trial in local-only mode', async () => {
    const user = userEvent.setup();
    render(<WelcomeScreen />);
    await user.click(screen.getByRole('button', { name: /Daftarkan HP ini/ }));
    expect(screen.getByRole('heading', { name: 'Daftarkan HP ini' })).toBeInTheDocument();
    expect(field('Kode pendaftaran')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kembali' }));

    await user.click(screen.getByRole('button', { name: /Coba dulu tanpa mendaftar/ }));
    await expect.poll(async () => (await readMeta(db, 'identity'))?.mode).toBe('local');
    // Trying twice does not make a second identity.
    const first = await readMeta(db, 'identity');
    await user.click(screen.getByRole('button', { name: /Coba dulu tanpa mendaftar/ }));
    await expect.poll(async () => (await readMeta(db, 'identity'))?.cooperativeId).toBe(first?.cooperativeId);
  });
});
