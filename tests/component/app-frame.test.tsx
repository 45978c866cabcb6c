import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { useLanguageStore } from '../../src/i18n/language-store.ts';
import { closeSession, openSignedInSession, type TestSession } from './session-fixture.ts';

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

const bottomNav = () => screen.getByRole('navigation', { name: 'Menu utama' });
/**
 * The frame and Beranda are lazy chunks (App.tsx, routes.ts): wait for them on a first render, the
 * first import of a chunk in a test worker is transformed on the spot (slow on a busy machine).
 */
const CHUNK_WAIT = { timeout: 10_000 };
const frameShown = () => screen.findByRole('navigation', { name: 'Menu utama' }, CHUNK_WAIT);

/**
 * The frame's part of showing a screen: the route's title in the tab, the lazy chunk loaded and
 * rendered (a heading, no loading text, no error boundary). What the screen itself shows belongs
 * to its feature's tests, so these tests keep passing as the screens grow.
 */
async function expectScreen(title: string) {
  await waitFor(() => expect(document.title).toBe(`${title} — Lumbung`));
  const main = screen.getByRole('main');
  await waitFor(() => expect(within(main).queryByText('Memuat…')).not.toBeInTheDocument());
  expect(await within(main).findAllByRole('heading', { level: 1 })).not.toHaveLength(0);
  expect(within(main).queryByText('Halaman ini gagal dibuka')).not.toBeInTheDocument();
}

let session: TestSession | undefined;

beforeEach(async () => {
  useLanguageStore.setState({ language: 'id' });
  // The treasurer's screens sit behind the session gate (features/session): open one.
  session = await openSignedInSession();
});

afterEach(() => closeSession(session));

// Longer than CHUNK_WAIT: a test that waits for a first chunk must not be cut at vitest's 5 s default.
describe('the app frame', { timeout: 30_000 }, () => {
  it('shows Beranda with landmarks and marks its tab as the current page', async () => {
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda' }, CHUNK_WAIT)).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Lumbung');
    expect(screen.getByRole('main')).toBeInTheDocument();
    const nav = bottomNav();
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Beranda', 'Anggota', 'Simpanan', 'Pinjaman', 'Lainnya']);
    expect(within(nav).getByRole('link', { name: 'Beranda' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Anggota' })).not.toHaveAttribute('aria-current');
    expect(document.title).toBe('Beranda — Lumbung');
  });

  it('navigates with the bottom navigation without reloading, and Back returns', async () => {
    const user = userEvent.setup();
    renderAt('/');
    await user.click(within(await frameShown()).getByRole('link', { name: 'Anggota' }));
    await expectScreen('Anggota');
    expect(window.location.pathname).toBe('/anggota');
    expect(within(bottomNav()).getByRole('link', { name: 'Anggota' })).toHaveAttribute('aria-current', 'page');
    expect(within(bottomNav()).getByRole('link', { name: 'Beranda' })).not.toHaveAttribute('aria-current');
    // Focus moves to the page so screen readers announce it.
    expect(screen.getByRole('main')).toHaveFocus();

    act(() => {
      window.history.back();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  it('reaches Kas through Lainnya and keeps Lainnya current there', async () => {
    const user = userEvent.setup();
    renderAt('/');
    await user.click(within(await frameShown()).getByRole('link', { name: 'Lainnya' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lainnya' }, CHUNK_WAIT)).toBeInTheDocument();
    const menu = screen.getByRole('main');
    for (const label of ['Kas', 'Laporan', 'Tutup buku', 'Sinkron', 'Pengaturan', 'Tentang']) {
      expect(within(menu).getByRole('link', { name: new RegExp(`^${label}`) })).toBeInTheDocument();
    }
    await user.click(within(menu).getByRole('link', { name: /^Kas/ }));
    await expectScreen('Kas');
    expect(window.location.pathname).toBe('/kas');
    expect(within(bottomNav()).getByRole('link', { name: 'Lainnya' })).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    ['/simpanan', 'Simpanan'],
    ['/pinjaman', 'Pinjaman'],
    ['/kas', 'Kas'],
    ['/laporan', 'Laporan'],
    ['/tutup-buku', 'Tutup buku'],
    ['/sinkron', 'Sinkron'],
    ['/pengaturan', 'Pengaturan'],
    ['/tentang', 'Tentang'],
    ['/anggota/', 'Anggota'],
  ])('opens %s directly (deep link)', async (path, title) => {
    renderAt(path);
    await expectScreen(title);
  });

  it('shows the district office pages without the treasurer’s bottom navigation', async () => {
    renderAt('/dinas/koperasi/123');
    await expectScreen('Dinas Koperasi');
    expect(screen.queryByRole('navigation', { name: 'Menu utama' })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('answers an unknown path with an Indonesian 404 page and a way home', async () => {
    const user = userEvent.setup();
    renderAt('/tidak-ada');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }, CHUNK_WAIT)).toBeInTheDocument();
    expect(screen.getByText(/Alamat \/tidak-ada tidak ada di Lumbung/)).toBeInTheDocument();
    expect(document.title).toBe('Halaman tidak ditemukan — Lumbung');
    await user.click(screen.getByRole('link', { name: 'Kembali ke Beranda' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda' }, CHUNK_WAIT)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  it('leaves modified clicks (open in new tab) to the browser', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const link = within(await frameShown()).getByRole('link', { name: 'Simpanan' });
    expect(link).toHaveAttribute('href', '/simpanan');
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    expect(window.location.pathname).toBe('/');
  });
});

describe('language', () => {
  it('switches to English in Pengaturan, updates <html lang> and remembers the choice', async () => {
    const user = userEvent.setup();
    renderAt('/pengaturan');
    expect(document.documentElement.lang).toBe('id');
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    // English arrives as its own chunk (later-english.ts): the switch follows the import, which a busy machine slows.
    const nav = await screen.findByRole('navigation', { name: 'Main menu' }, { timeout: 5_000 });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Home',
      'Members',
      'Savings',
      'Loans',
      'More',
    ]);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Settings — Lumbung');
    expect(localStorage.getItem('lumbung.language')).toContain('"language":"en"');

    await user.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    expect(document.title).toBe('Pengaturan — Lumbung');
    expect(document.documentElement.lang).toBe('id');
  });

  it('ignores a tampered stored language and keeps Bahasa Indonesia', async () => {
    /** The language an app starting now would show (the store reads localStorage as it is created). */
    const atStart = async () => {
      vi.resetModules();
      return (await import('../../src/i18n/language-store.ts')).useLanguageStore.getState().language;
    };
    localStorage.setItem('lumbung.language', JSON.stringify({ state: { language: 'xx' }, version: 1 }));
    expect(await atStart()).toBe('id');
    localStorage.setItem('lumbung.language', '{"state":');
    expect(await atStart()).toBe('id');
    localStorage.setItem('lumbung.language', JSON.stringify({ language: 'en' }));
    expect(await atStart()).toBe('id');
    localStorage.setItem('lumbung.language', JSON.stringify({ state: { language: 'en' }, version: 1 }));
    expect(await atStart()).toBe('en');
  });
});
