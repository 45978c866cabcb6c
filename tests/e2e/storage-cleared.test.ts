// Issue 6: cleared site data in real Chromium, against the real server. The browser deletes the
// phone's IndexedDB (CDP Storage.clearDataForOrigin, as "clear site data" or eviction does):
// (a) only IndexedDB goes: the app notices from the note it keeps in localStorage that it had a
//     cooperative's books, and says so on the welcome screen instead of looking new;
// (b) the treasurer enrolls again with a new code: the phone pulls the cooperative's entries back,
//     says how many came back and that the unsent one cannot come from the server; and when
//     everything was cleared (no note either), the new enrollment still says what came back and
//     warns about entries never sent.
//
// "Without signal" is two things here: the context offline (the page sees no network, the service
// worker serves the app) and a relay in front of the server that refuses pushes (the entry cannot
// leave the phone). Offline emulation alone has a gap: a service worker woken for a Background Sync
// event can run before the emulation reaches it, and once pushed the "unsent" sale to the real
// server (the restore then said 3 entries came back, not 2).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createFirstUser,
  enrollFromWelcome,
  goTo,
  openControlled,
  syncNowAndWait,
  waitForHeading,
  waitForSaved,
} from '../support/e2e-flows.ts';
import { homeCash, outboxLine, typeSale } from './storage-flows.ts';
import { localCashAmounts } from './storage-page-idb.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.ts';

const rig = useAppServerAndBrowser();
/** The phone's origin: a relay to the server that can refuse pushes. */
let link: HoldingProxy;
beforeAll(async () => {
  link = await startHoldingProxy(rig.server.url);
});
afterAll(async () => {
  await link.close();
});

async function sale(page: Page, amount: string): Promise<void> {
  await typeSale(page, amount);
  await waitForSaved(page);
}

/** The browser clears the origin's data while the app is closed, then the treasurer opens it again. */
async function clearAndReopen(page: Page, devtools: CDPSession, storageTypes: string): Promise<void> {
  await page.goto('about:blank');
  await devtools.send('Storage.clearDataForOrigin', { origin: link.url, storageTypes });
  await page.goto(`${link.url}/`);
}

/** The Sinkron page's restore notice, once it has counted what came back. */
async function restoreNotice(page: Page, pulledLine: string): Promise<string> {
  await goTo(page, '/sinkron');
  await waitForHeading(page, 'Sinkron');
  const notice = page.getByTestId('restore-notice');
  await notice.getByText(pulledLine).waitFor({ timeout: 30_000 });
  return (await notice.textContent()) ?? '';
}

describe('cleared site data', () => {
  it('notices lost books, guides to enroll again, restores from the server and says what cannot come back', async () => {
    const { id: cooperativeId } = await rig.admin.createCooperative({ name: 'KSP Sumber Makmur', village: 'Sukamaju', district: 'Malang' });
    let context: BrowserContext | undefined;
    try {
      context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await openControlled(context, link.url, '/');
      page.setDefaultTimeout(30_000);
      const devtools = await context.newCDPSession(page);
      await enrollFromWelcome(page, await rig.admin.enrollmentCode(cooperativeId), 'HP Bendahara');
      await createFirstUser(page, 'Bu Ani', '135246');

      // Two sales reach the server, a third is recorded without signal.
      await sale(page, '10.000');
      await sale(page, '20.000');
      await syncNowAndWait(page);
      await context.setOffline(true);
      link.refusePushes(true);
      await sale(page, '30.000');
      await outboxLine(page, '1 catatan belum terkirim');
      expect(await homeCash(page)).toBe('Rp60.000');

      // (a) The browser deletes IndexedDB only (still without signal: the service worker serves the
      // app). The app does not pretend to be new.
      await clearAndReopen(page, devtools, 'indexeddb');
      await waitForHeading(page, 'Selamat datang di Lumbung');
      const lost = page.getByTestId('lost-books');
      await lost.getByRole('heading', { name: 'Data Lumbung di HP ini hilang' }).waitFor();
      const lostText = (await lost.textContent()) ?? '';
      expect(lostText).toContain('HP ini sebelumnya memegang buku KSP Sumber Makmur dengan 3 catatan');
      expect(lostText).toContain('Minta kode pendaftaran baru ke Dinas Koperasi');
      expect(lostText).toContain('1 catatan terakhir belum terkirim ke server saat data hilang');
      expect(await localCashAmounts(page)).toEqual([]);
      await context.setOffline(false);
      link.refusePushes(false);

      // (b) She enrolls again with a new code: the two sent sales come back, the unsent one cannot.
      await enrollFromWelcome(page, await rig.admin.enrollmentCode(cooperativeId), 'HP Bendahara');
      await createFirstUser(page, 'Bu Ani', '135246');
      await goTo(page, '/');
      await page.getByTestId('sync-badge-detail').filter({ hasText: 'pemulihan data' }).waitFor();
      const restored = await restoreNotice(page, '2 catatan koperasi sudah diambil kembali dari server.');
      expect(restored).toContain('dengan 3 catatan');
      expect(restored).toContain('Dari 3 catatan yang dulu dicatat HP ini, 2 sudah kembali.');
      expect(restored).toContain('1 catatan belum terkirim ke server saat data HP hilang');
      expect((await localCashAmounts(page)).sort((a, b) => a - b)).toEqual([10_000, 20_000]);
      expect(await homeCash(page)).toBe('Rp30.000');
      await goTo(page, '/sinkron');
      await page.getByTestId('restore-notice').getByRole('button', { name: 'Mengerti' }).click();
      await page.getByTestId('restore-notice').waitFor({ state: 'detached' });
      expect(await page.getByTestId('sync-badge-detail').filter({ hasText: 'pemulihan data' }).count()).toBe(0);

      // The new phone records and sends a sale; then EVERYTHING is cleared, the note too.
      await sale(page, '40.000');
      await syncNowAndWait(page);
      expect((await rig.admin.cooperative(cooperativeId)).cooperative.entries).toBe(3);
      await clearAndReopen(page, devtools, 'all');
      await waitForHeading(page, 'Selamat datang di Lumbung');
      // Nothing on the phone can know it had books: it looks new, honestly.
      expect(await page.getByTestId('lost-books').count()).toBe(0);
      await enrollFromWelcome(page, await rig.admin.enrollmentCode(cooperativeId), 'HP Bendahara');
      await createFirstUser(page, 'Bu Ani', '135246');
      const again = await restoreNotice(page, '3 catatan koperasi sudah diambil kembali dari server.');
      expect(again).toContain('Catatan yang belum pernah terkirim dari HP sebelumnya tidak ada di server');
      expect((await localCashAmounts(page)).sort((a, b) => a - b)).toEqual([10_000, 20_000, 40_000]);
      expect(await homeCash(page)).toBe('Rp70.000');
    } finally {
      await context?.close();
    }
  }, 120_000);
});
