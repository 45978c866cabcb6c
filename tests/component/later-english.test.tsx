/**
 * The first load's English comes later (src/i18n/later-english.ts): the gate's catalogs answer in
 * Indonesian until it has arrived, the language switches only once it has, a start in English waits
 * for it, and a phone that cannot fetch it (first visit, no signal) stays in Indonesian and says so.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The app's i18n modules as on a phone that has not fetched any English yet. */
async function freshStart() {
  vi.resetModules();
  const store = await import('../../src/i18n/language-store.ts');
  const later = await import('../../src/i18n/later-english.ts');
  const { messagesFor } = await import('../../src/i18n/use-t.ts');
  const { enrollMessages } = await import('../../src/features/enroll/messages.ts');
  const { LanguagePicker } = await import('../../src/features/settings/LanguagePicker.tsx');
  return { ...store, ...later, messagesFor, enrollMessages, LanguagePicker };
}

const STORED_EN = JSON.stringify({ state: { language: 'en' }, version: 1 });

describe('the first load’s English', () => {
  beforeEach(() => localStorage.clear());

  it('is fetched when English is chosen, and only then does the app switch', async () => {
    const app = await freshStart();
    expect(app.messagesFor('en').nav.home).toBe('Beranda');
    expect(app.enrollMessages.in('en').welcome.title).toBe('Selamat datang di Lumbung');
    const switching = app.setLanguage('en');
    expect(app.currentLanguage()).toBe('id');
    expect(await switching).toBe(true);
    expect(app.currentLanguage()).toBe('en');
    expect(app.messagesFor('en').nav.home).toBe('Home');
    expect(app.enrollMessages.current().welcome.title).toBe('Welcome to Lumbung');
    expect(localStorage.getItem('lumbung.language')).toBe(STORED_EN);
  });

  it('keeps Indonesian when it is chosen while English is still on its way', async () => {
    const app = await freshStart();
    const english = app.setLanguage('en');
    await app.setLanguage('id');
    expect(await english).toBe(true);
    expect(app.currentLanguage()).toBe('id');
    expect(localStorage.getItem('lumbung.language')).toBe(JSON.stringify({ state: { language: 'id' }, version: 1 }));
  });

  it('is waited for by a start in English', async () => {
    localStorage.setItem('lumbung.language', STORED_EN);
    const app = await freshStart();
    expect(app.enrollMessages.current().welcome.title).toBe('Selamat datang di Lumbung');
    await app.startInStoredLanguage();
    expect(app.currentLanguage()).toBe('en');
    expect(app.enrollMessages.current().welcome.title).toBe('Welcome to Lumbung');
  });

  it('cannot come without signal: the start is in Indonesian, the choice stays stored, and the picker says why', async () => {
    localStorage.setItem('lumbung.language', STORED_EN);
    const app = await freshStart();
    // A catalog whose English chunk cannot be fetched (offline, before the worker cached it).
    app.registerLaterEnglish(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await app.startInStoredLanguage();
    expect(app.currentLanguage()).toBe('id');
    expect(localStorage.getItem('lumbung.language')).toBe(STORED_EN);

    render(<app.LanguagePicker legend="Bahasa" hint="Bisa diganti lagi di Pengaturan." />);
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bahasa Inggris belum bisa dimuat; coba lagi saat ada sinyal.');
    expect(screen.getByRole('radio', { name: 'Bahasa Indonesia' })).toBeChecked();
    expect(app.enrollMessages.current().welcome.title).toBe('Selamat datang di Lumbung');
  });

  it('shows English as chosen while it is on its way, then switches', async () => {
    const app = await freshStart();
    let arrive: () => void = () => undefined;
    app.registerLaterEnglish(() => new Promise<void>((resolve) => (arrive = resolve)));
    render(<app.LanguagePicker legend="Bahasa" hint="Bisa diganti lagi di Pengaturan." />);
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Memuat bahasa Inggris… — Loading English…');
    expect(screen.getByRole('group')).toHaveAttribute('aria-busy', 'true');
    expect(app.currentLanguage()).toBe('id');
    arrive();
    await vi.waitFor(() => expect(app.currentLanguage()).toBe('en'));
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.getByRole('group')).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lets Indonesian win over an English fetch that fails later, without an alert for it', async () => {
    const app = await freshStart();
    let fail: (error: Error) => void = () => undefined;
    app.registerLaterEnglish(() => new Promise<void>((_, reject) => (fail = reject)));
    render(<app.LanguagePicker legend="Bahasa" hint="Bisa diganti lagi di Pengaturan." />);
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    expect(screen.getByRole('radio', { name: 'Bahasa Indonesia' })).toBeChecked();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    fail(new TypeError('Failed to fetch dynamically imported module'));
    // Let the failed fetch settle, then check that nothing about it was said.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Bahasa Indonesia' })).toBeChecked();
    expect(app.currentLanguage()).toBe('id');
  });
});
