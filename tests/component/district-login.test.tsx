import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLanguageStore } from '../../src/i18n/language-store.ts';
import { apiError, json, renderDistrict, scriptedServer, SERVER_TIME, signedIn, signedOut, summary } from './district-fixture.tsx';

beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
});

const loginAnswer = () => json(200, { token: 'rahasia', expiresAt: '2026-11-29T15:00:00.000Z', username: 'dinas' });
const list = () => json(200, { cooperatives: [summary({ name: 'KSP Maju Bersama' })], serverTime: SERVER_TIME });

// Typing on a busy two-core CI machine: more room than the 5 s default, no timing asserted.
describe('district login', { timeout: 20_000 }, () => {
  it('validates as typed and keeps "Masuk" disabled until both fields are filled', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({ 'GET /admin/me': signedOut });
    renderDistrict('/dinas', server.client);

    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk petugas Dinas' })).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Masuk' });
    expect(submit).toBeDisabled();

    const username = screen.getByLabelText('Nama pengguna');
    await user.type(username, 'd');
    await user.clear(username);
    expect(screen.getByText('Isi nama pengguna.')).toBeInTheDocument();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription('Isi nama pengguna.');

    await user.type(username, 'dinas');
    expect(username).toHaveAttribute('aria-invalid', 'false');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Kata sandi'), 'x');
    expect(submit).toBeEnabled();
    expect(server.callsTo('POST', '/admin/login')).toHaveLength(0);
  });

  it('says a wrong password plainly and empties the password field', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({
      'GET /admin/me': signedOut,
      'POST /admin/login': () => apiError(401, 'invalid-credentials', 'Nama pengguna atau kata sandi salah.'),
    });
    renderDistrict('/dinas', server.client);
    await user.type(await screen.findByLabelText('Nama pengguna'), 'dinas');
    await user.type(screen.getByLabelText('Kata sandi'), 'salah-sekali');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Nama pengguna atau kata sandi salah.');
    expect(screen.getByLabelText('Kata sandi')).toHaveValue('');
    const [call] = server.callsTo('POST', '/admin/login');
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ username: 'dinas', password: 'salah-sekali' });
    expect(call?.credentials).toBe('same-origin');
  });

  it('reports the throttle with the minutes to wait from Retry-After', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({
      'GET /admin/me': signedOut,
      'POST /admin/login': () => apiError(429, 'too-many-attempts', 'Terlalu banyak percobaan.', { 'retry-after': '90' }),
    });
    renderDistrict('/dinas', server.client);
    await user.type(await screen.findByLabelText('Nama pengguna'), 'dinas');
    await user.type(screen.getByLabelText('Kata sandi'), 'rahasia-dinas-123');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Terlalu banyak percobaan, coba lagi dalam 2 menit.');
  });

  it('opens the cooperatives table after a good login, and logs out', async () => {
    const user = userEvent.setup();
    const server = scriptedServer({
      'GET /admin/me': signedOut,
      'POST /admin/login': loginAnswer,
      'GET /admin/cooperatives': list,
      'POST /admin/logout': () => json(200, { ok: true }),
    });
    renderDistrict('/dinas', server.client);
    await user.type(await screen.findByLabelText('Nama pengguna'), ' dinas ');
    await user.type(screen.getByLabelText('Kata sandi'), 'rahasia-dinas-123');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Koperasi di kabupaten' })).toBeInTheDocument();
    expect(screen.getByText('Masuk sebagai dinas')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'KSP Maju Bersama' })).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/admin/login')[0]?.body ?? '{}')).toEqual({ username: 'dinas', password: 'rahasia-dinas-123' });
    expect(server.calls.every((call) => call.credentials === 'same-origin')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByText('Anda sudah keluar.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Masuk petugas Dinas' })).toBeInTheDocument();
    expect(server.callsTo('POST', '/admin/logout')).toHaveLength(1);
  });

  it('goes back to the login form with a notice when the session ends on the server', async () => {
    const server = scriptedServer({ 'GET /admin/me': signedIn, 'GET /admin/cooperatives': signedOut });
    renderDistrict('/dinas', server.client);
    expect(await screen.findByText('Sesi Anda berakhir. Silakan masuk lagi.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Masuk petugas Dinas' })).toBeInTheDocument();
  });

  it('says so when the server cannot be reached, and tries again on request', async () => {
    const user = userEvent.setup();
    let up = false;
    const server = scriptedServer({ 'GET /admin/me': (call) => (up ? signedIn(call) : apiError(503, 'internal-error', 'x')) });
    renderDistrict('/dinas', server.client);
    expect(await screen.findByRole('alert')).toHaveTextContent('Server sedang bermasalah. Coba lagi nanti.');
    up = true;
    server.calls.length = 0;
    await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await waitFor(() => expect(server.callsTo('GET', '/admin/me')).toHaveLength(1));
  });

  it('speaks English when switched', async () => {
    useLanguageStore.setState({ language: 'en' });
    const server = scriptedServer({ 'GET /admin/me': signedOut });
    renderDistrict('/dinas', server.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'District staff login' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });
});
