/**
 * Screen steps the storage-fault browser tests share (what the treasurer taps and reads); the
 * general ones live in tests/support/e2e-flows.ts.
 */
import type { Page } from 'playwright-core';
import { goTo, openFresh, waitForHeading } from '../support/e2e-flows.ts';

/** Kas → Penjualan gerai with the amount typed in, then save pressed; does not wait for the outcome. */
export async function typeSale(page: Page, amount: string): Promise<void> {
  await openFresh(page, '/kas');
  await page.getByLabel('Penjualan gerai').click();
  const form = page.getByRole('form', { name: 'Penjualan gerai' });
  await form.getByLabel('Jumlah').fill(amount);
  await form.getByRole('button', { name: 'Simpan penjualan' }).click();
}

/** Beranda's "Kas tunai" balance as shown. */
export async function homeCash(page: Page): Promise<string> {
  await goTo(page, '/');
  await waitForHeading(page, 'Beranda');
  const cash = page.getByTestId('home-cash');
  return (await cash.getByText('Kas tunai', { exact: true }).locator('xpath=following-sibling::*[1]').textContent()) ?? '';
}

/** Waits until the Sinkron screen shows `text` (its outbox line, e.g. "2 catatan belum terkirim"). */
export async function outboxLine(page: Page, text: string): Promise<void> {
  await goTo(page, '/sinkron');
  await waitForHeading(page, 'Sinkron');
  await page.getByText(text).waitFor();
}
