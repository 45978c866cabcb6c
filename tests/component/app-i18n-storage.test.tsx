import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RouteErrorBoundary } from '../../src/app/routing/RouteErrorBoundary.tsx';
import { matchRoute } from '../../src/app/routing/routes.ts';
import { correctionsMessages } from '../../src/features/corrections/messages.ts';
import { requestPersistence, readStorageState } from '../../src/features/device/storage.ts';
import { receiptMessages } from '../../src/features/receipt/messages.ts';
import { defineMessages } from '../../src/i18n/define-messages.ts';
import { describeError } from '../../src/i18n/errors.ts';
import { formatBytes, formatRupiah } from '../../src/i18n/format.ts';
import { setLanguage, useLanguageStore } from '../../src/i18n/language-store.ts';
import { loadLaterEnglish } from '../../src/i18n/later-english.ts';
import { messagesFor } from '../../src/i18n/use-t.ts';
import { rupiah } from '../../src/domain/money.ts';

beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
});

describe('defineMessages', () => {
  const bundle = defineMessages({
    id: { title: 'Anggota', count: (n: number) => `${String(n)} anggota` },
    en: { title: 'Members', count: (n: number) => `${String(n)} members` },
  });

  it('answers in the current language and in a chosen one', async () => {
    expect(bundle.current().count(3)).toBe('3 anggota');
    expect(await setLanguage('en')).toBe(true);
    expect(bundle.current().count(3)).toBe('3 members');
    expect(bundle.in('id').title).toBe('Anggota');
  });

  it('rejects an English catalog that lacks a key (compile time)', () => {
    const incomplete = defineMessages({
      id: { a: 'satu', b: 'dua' },
      // @ts-expect-error -- `b` is missing in English: the catalogs must have the same keys.
      en: { a: 'one' },
    });
    expect(incomplete.in('id').b).toBe('dua');
  });
});

describe('error sentences', () => {
  it('maps known codes to Indonesian and English sentences', () => {
    expect(describeError('storage-full', 'id')).toMatch(/^Memori HP penuh/);
    expect(describeError('storage-full', 'en')).toMatch(/out of storage/);
    expect(describeError('code-expired', 'id')).toContain('kedaluwarsa');
  });

  it('still says something honest about an unknown code', () => {
    expect(describeError('flux-capacitor', 'id')).toBe(
      'Terjadi kesalahan yang tidak dikenal (kode: flux-capacitor). Data yang sudah tersimpan tetap aman.',
    );
  });
});

describe('formatting re-exported for screens', () => {
  it('formats rupiah the Indonesian way and sizes per language', () => {
    expect(formatRupiah(rupiah(1_500_000))).toBe('Rp1.500.000');
    expect(formatBytes(1_572_864, 'id')).toBe('1,5 MB');
    expect(formatBytes(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatBytes(512, 'id')).toBe('512 B');
  });
});

describe('the frame catalogs', () => {
  it('has the same keys in English as in Indonesian at runtime too', async () => {
    await loadLaterEnglish();
    expect(messagesFor('en').nav.home).toBe('Home');
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(messagesFor('en'))).toEqual(keys(messagesFor('id')));
  });
});

describe('route table', () => {
  it('matches exact paths, forgives a trailing slash and routes /dinas/* to the office', () => {
    expect(matchRoute('/')?.path).toBe('/');
    expect(matchRoute('/anggota/')?.path).toBe('/anggota');
    expect(matchRoute('/dinas')?.chrome).toBe('office');
    expect(matchRoute('/dinas/koperasi/1')?.path).toBe('/dinas');
    expect(matchRoute('/dinasx')).toBeUndefined();
    expect(matchRoute('/anggota-lama')).toBeUndefined();
  });

  it("titles the lazy screens with their own headings' words, in both languages", async () => {
    await loadLaterEnglish();
    for (const language of ['id', 'en'] as const) {
      const m = messagesFor(language);
      const title = (path: string) => matchRoute(path)?.title(m);
      expect(title('/kuitansi/x')).toBe(receiptMessages.in(language).title);
      expect(title('/koreksi')).toBe(correctionsMessages.in(language).title);
      expect(title('/entri/x')).toBe(correctionsMessages.in(language).entryTitle);
    }
  });
});

describe('storage persistence', () => {
  /** A StorageManager stand-in that grants or denies like Chrome's heuristics would. */
  function storageThat(grants: boolean) {
    let persisted = false;
    let asked = 0;
    return {
      manager: {
        persisted: () => Promise.resolve(persisted),
        persist: () => {
          asked++;
          persisted = grants;
          return Promise.resolve(grants);
        },
        estimate: () => Promise.resolve({ usage: 2048, quota: 1_073_741_824 }),
      },
      asked: () => asked,
    };
  }

  it('asks once and reports granted; an already persisted origin is not asked again', async () => {
    const storage = storageThat(true);
    expect(await readStorageState(storage.manager)).toEqual({
      kind: 'known',
      persisted: false,
      usage: 2048,
      quota: 1_073_741_824,
    });
    expect(await requestPersistence(storage.manager)).toBe('granted');
    expect(await requestPersistence(storage.manager)).toBe('granted');
    expect(storage.asked()).toBe(1);
    expect(await readStorageState(storage.manager)).toMatchObject({ kind: 'known', persisted: true });
  });

  it('reports denied when the browser refuses', async () => {
    const storage = storageThat(false);
    expect(await requestPersistence(storage.manager)).toBe('denied');
  });
});

describe('route error boundary', () => {
  function Broken(): never {
    throw new Error('kolom tidak ada');
  }

  it('shows an Indonesian message, the technical detail, and recovers on retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    function Flaky() {
      if (fail) return <Broken />;
      return <h1>Pulih</h1>;
    }
    const originalError = console.error;
    console.error = () => undefined; // React logs the caught error; the assertion is the UI.
    try {
      render(
        <RouteErrorBoundary messages={messagesFor('id')} onHome={() => undefined}>
          <Flaky />
        </RouteErrorBoundary>,
      );
      expect(screen.getByRole('alert')).toHaveTextContent('Halaman ini gagal dibuka');
      expect(screen.getByText('kolom tidak ada')).toBeInTheDocument();
      fail = false;
      await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
      expect(screen.getByRole('heading', { name: 'Pulih' })).toBeInTheDocument();
    } finally {
      console.error = originalError;
    }
  });
});
