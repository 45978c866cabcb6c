// Issue 6: storage faults in real Chromium (research/reliability.md §4.3, D8).
// A non-persistent (incognito-like) context: the app says its data is not protected and may be
// deleted by the browser, and it still records.
// (A tiny quota through CDP Storage.overrideQuotaForOrigin was tried and is not covered here: this
// Chromium accepted the override on a page session yet navigator.storage.estimate() kept the real
// quota and IndexedDB writes went through; see docs/reliability.md.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { goTo, openControlled, openFresh, setUpTrialPhone, waitForSaved } from '../support/e2e-flows.ts';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

/** Kas → Penjualan gerai with the amount typed in, then save pressed. */
async function saveSale(page: Page, amount: string): Promise<void> {
  await openFresh(page, '/kas');
  await page.getByLabel('Penjualan gerai').click();
  const form = page.getByRole('form', { name: 'Penjualan gerai' });
  await form.getByLabel('Jumlah').fill(amount);
  await form.getByRole('button', { name: 'Simpan penjualan' }).click();
}

type IdbGlobals = {
  readonly indexedDB: {
    open(name: string): {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      readonly result: {
        transaction(store: string): { objectStore(store: string): { getAll(): { onsuccess: (() => void) | null; readonly result: unknown[] } } };
        close(): void;
      };
    };
  };
};

/** The amounts of the cash receipts in the phone's own IndexedDB, read raw in the page. */
async function localCashAmounts(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = (globalThis as unknown as IdbGlobals).indexedDB.open('lumbung');
        open.onerror = () => reject(new Error('cannot open the lumbung database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            const rows = all.result as { entry: { type: string; data: { amount?: number } } }[];
            db.close();
            resolve(rows.filter((r) => r.entry.type === 'cash.received').map((r) => r.entry.data.amount ?? 0));
          };
        };
      }),
  );
}

describe('storage faults', () => {
  it('a non-persistent context: the app warns that the data is not protected, and still records', async () => {
    // browser.newContext() is Chromium's incognito-like context: storage is never persisted.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openControlled(context, server.url, '/');
      page.setDefaultTimeout(20_000);
      await setUpTrialPhone(page, { name: 'Bu Ani', pin: '135246' });
      await saveSale(page, '17.000');
      await waitForSaved(page);
      expect(await localCashAmounts(page)).toEqual([17_000]);

      await goTo(page, '/pengaturan');
      await page.getByTestId('storage-persisted').filter({ hasText: 'Belum dilindungi' }).waitFor();
      await page.getByText(/Data belum dilindungi: jika ruang penyimpanan HP penuh, browser boleh menghapusnya/).waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);
});
