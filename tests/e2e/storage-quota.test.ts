// Issue 6: a full phone in real Chromium with real IndexedDB. The treasurer's origin gets a small
// quota through DevTools (set before the app first opens IndexedDB: see overrideQuota), and a filler
// database eats what is left, as photos and other apps do on a cheap phone. Then a save must say
// plainly that nothing was saved (never "Tersimpan"), keep every earlier entry, balance and the
// outbox, save again once space is freed, and sync everything exactly once.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { adminApi, createFirstUser, enrollFromWelcome, syncNowAndWait, waitForSaved } from '../support/e2e-flows.ts';
import type { PageGlobals } from './page-globals.ts';
import { homeCash, outboxLine, typeSale } from './storage-flows.ts';
import { fillQuota, freeQuota, localEntries, overrideQuota, usageAndQuota } from './storage-page-idb.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

/** The origin's quota: the app's precache and a few entries fit with room to spare; the filler takes the rest. */
const QUOTA = 24 * 1024 * 1024;
const FULL_SENTENCE = 'Memori HP penuh, data belum tersimpan. Hapus foto atau aplikasi lain, lalu simpan lagi.';

describe('a full phone', () => {
  it('refuses to say saved when the quota is hit, keeps every entry and the outbox, saves again after space is freed, syncs once', async () => {
    const admin = await adminApi(rig.server.url, rig.server.admin);
    const { id: cooperativeId } = await admin.createCooperative({ name: 'KSP Penuh', village: 'Sukamaju', district: 'Malang' });
    let context: BrowserContext | undefined;
    try {
      context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const devtools = await context.newCDPSession(page);
      const set = await overrideQuota(devtools, rig.server.url, QUOTA);
      expect(set).toMatchObject({ quota: QUOTA, overrideActive: true });

      await page.goto(`${rig.server.url}/`);
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null);
      await enrollFromWelcome(page, await admin.enrollmentCode(cooperativeId), 'HP Penuh');
      await createFirstUser(page, 'Bu Ani', '135246');

      // Two sales reach the server; then the signal goes and two more wait in the outbox.
      for (const amount of ['10.000', '20.000']) {
        await typeSale(page, amount);
        await waitForSaved(page);
      }
      await syncNowAndWait(page);
      await context.setOffline(true);
      for (const amount of ['30.000', '40.000']) {
        await typeSale(page, amount);
        await waitForSaved(page);
      }
      const before = await localEntries(page);
      expect(before.filter((e) => e.type === 'cash.received').map((e) => e.amount)).toEqual([10_000, 20_000, 30_000, 40_000]);
      await outboxLine(page, '2 catatan belum terkirim');
      expect(await homeCash(page)).toBe('Rp100.000');

      // The phone fills up.
      const filled = await fillQuota(page, QUOTA);
      const full = await usageAndQuota(devtools, rig.server.url);
      expect(filled).toBeGreaterThan(QUOTA / 2);
      expect(full.quota - full.usage).toBeLessThan(64 * 1024);

      // She records a sale: the app says the phone is full and nothing was saved.
      await typeSale(page, '50.000');
      const form = page.getByRole('form', { name: 'Penjualan gerai' });
      await form.getByRole('alert').filter({ hasText: FULL_SENTENCE }).waitFor();
      expect(await page.getByText('Tersimpan', { exact: true }).count()).toBe(0);
      // Tapping again changes nothing either.
      await form.getByRole('button', { name: 'Simpan penjualan' }).click();
      await form.getByRole('alert').filter({ hasText: FULL_SENTENCE }).waitFor();
      expect(await page.getByText('Tersimpan', { exact: true }).count()).toBe(0);

      // Everything saved before is still there: the entries, the balance, the outbox.
      expect(await localEntries(page)).toEqual(before);
      expect(await homeCash(page)).toBe('Rp100.000');
      await outboxLine(page, '2 catatan belum terkirim');

      // She frees space and records the sale again: saved.
      await freeQuota(page);
      await typeSale(page, '50.000');
      await waitForSaved(page);
      const after = await localEntries(page);
      expect(after.filter((e) => e.type === 'cash.received').map((e) => e.amount)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
      expect(await homeCash(page)).toBe('Rp150.000');
      await outboxLine(page, '3 catatan belum terkirim');

      // Signal again: the three waiting entries go, each exactly once.
      await context.setOffline(false);
      await syncNowAndWait(page);
      const synced = await localEntries(page);
      expect(new Set(synced.map((e) => e.id)).size).toBe(synced.length);
      expect(synced.every((e) => e.sync === 'acked')).toBe(true);
      expect((await admin.cooperative(cooperativeId)).cooperative.entries).toBe(synced.length);
    } finally {
      await context?.close();
    }
  }, 120_000);
});
