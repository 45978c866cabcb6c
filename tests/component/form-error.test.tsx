/**
 * FormError with an error code: the sentences arrive after the first screen (error-sentences.ts),
 * so a form that fails before they do says what happened in general words with the code, then the
 * code's own sentence as soon as they are there — in the chosen language.
 */
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** FormError as on a phone whose error sentences have not been fetched yet. */
async function freshModules() {
  vi.resetModules();
  const { FormError } = await import('../../src/features/forms/FormError.tsx');
  const { setLanguage } = await import('../../src/i18n/language-store.ts');
  const { loadedErrorSentences } = await import('../../src/i18n/error-sentences.ts');
  return { FormError, setLanguage, loadedErrorSentences };
}

describe('FormError', () => {
  beforeEach(() => localStorage.clear());

  it('says in general words what happened until the sentences arrive, then the sentence', async () => {
    const { FormError, loadedErrorSentences } = await freshModules();
    expect(loadedErrorSentences()).toBeUndefined();
    render(<FormError code="storage-full" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Terjadi kesalahan (kode: storage-full). Data yang sudah tersimpan tetap aman.');
    await screen.findByText('Memori HP penuh, data belum tersimpan. Hapus foto atau aplikasi lain, lalu simpan lagi.');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(loadedErrorSentences()).toBeDefined();
  });

  it('in English too, and a reject reason of the entry checks gets its own sentence', async () => {
    const { FormError, setLanguage } = await freshModules();
    await setLanguage('en');
    render(<FormError code="lines-unbalanced" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong (code: lines-unbalanced). Data already saved is safe.');
    await screen.findByText('The entry’s journal does not balance (debit differs from credit).');
  });

  it('shows a message as it is, with nothing to fetch', async () => {
    const { FormError, loadedErrorSentences } = await freshModules();
    render(<FormError message="PIN salah." />);
    expect(screen.getByRole('alert')).toHaveTextContent('PIN salah.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loadedErrorSentences()).toBeUndefined();
  });
});
