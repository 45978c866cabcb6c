// Issue 6: kill the page and kill the browser process at named points of a save, start again on
// the same profile, and show that nothing the treasurer was told is saved is lost, nothing is
// doubled, and after a sync the server holds each entry once (research/reliability.md §2, §4.3).
//
// Chromium runs as its own process on a profile directory (tests/support/chromium-process.ts);
// the named points inside the save are DevTools breakpoints on the product's console.debug
// markers (src/db/append-entry.ts), so the page is frozen exactly there when it is killed.
// "After send, before the ack" is a relay that lets the push reach the server and withholds the
// answer (tests/support/holding-proxy.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { breakAt, killAllSpawned, killRenderers, spawnChromium, type ChromiumProcess, type NamedPoint } from '../support/chromium-process.ts';
import {
  adminApi,
  createFirstUser,
  enrollFromWelcome,
  goTo,
  openControlled,
  openFresh,
  syncNowAndWait,
  unlock,
  waitForHeading,
  waitForSaved,
  type AdminApi,
} from '../support/e2e-flows.ts';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.ts';

const PIN = '246813';

let server: AppServer;
let proxy: HoldingProxy;
let admin: AdminApi;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  proxy = await startHoldingProxy(server.url);
  admin = await adminApi(server.url, server.admin);
  profile = mkdtempSync(path.join(tmpdir(), 'lumbung-kill-profile-'));
});

afterAll(async () => {
  await killAllSpawned();
  await proxy.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

type LocalEntry = { readonly id: string; readonly type: string; readonly amount: number | null; readonly sync: string };

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

/** Every entry in the phone's own IndexedDB (the `lumbung` database), read raw in the page. */
async function localEntries(page: Page): Promise<LocalEntry[]> {
  return page.evaluate(
    () =>
      new Promise<LocalEntry[]>((resolve, reject) => {
        const open = (globalThis as unknown as IdbGlobals).indexedDB.open('lumbung');
        open.onerror = () => reject(new Error('cannot open the lumbung database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            const rows = all.result as { entry: { id: string; type: string; data: { amount?: number } }; sync: string }[];
            db.close();
            resolve(rows.map((r) => ({ id: r.entry.id, type: r.entry.type, amount: r.entry.data.amount ?? null, sync: r.sync })));
          };
        };
      }),
  );
}

const salesOf = (entries: readonly LocalEntry[], amount: number) => entries.filter((e) => e.type === 'cash.received' && e.amount === amount);

/** Kas → Penjualan gerai with the amount typed in; returns the save button, not yet pressed. */
async function fillSale(page: Page, amount: string) {
  await openFresh(page, '/kas');
  await page.getByLabel('Penjualan gerai').click();
  const form = page.getByRole('form', { name: 'Penjualan gerai' });
  await form.getByLabel('Jumlah').fill(amount);
  return form.getByRole('button', { name: 'Simpan penjualan' });
}

/** The app after a restart: a new tab on the same profile, the lock screen, the PIN, Beranda. */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await openControlled(context, proxy.url, '/');
  page.setDefaultTimeout(20_000);
  await unlock(page, PIN);
  await goTo(page, '/');
  await waitForHeading(page, 'Beranda');
  return page;
}

/**
 * After the renderers were killed, the browser may hand a new tab to a renderer that is still
 * going down ("Target crashed"); like a person tapping the icon again, try once more.
 */
async function reopenAfterCrash(context: BrowserContext): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reopen(context);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('crashed')) throw error;
      for (const stale of context.pages()) await stale.close().catch(() => undefined);
    }
  }
}

type Kill = 'browser SIGKILL' | 'page (renderer) SIGKILL';
const kills: { kill: Kill; point: string; outcome: string }[] = [];

describe('kills at named points, restart on the same profile', () => {
  it('keeps every confirmed entry exactly once, loses only what was never committed, doubles nothing on the server', async () => {
    const { id: cooperativeId } = await admin.createCooperative({ name: 'KSP Tahan Banting', village: 'Sukamaju', district: 'Malang' });
    let chrome: ChromiumProcess = await spawnChromium(profile);
    try {
      let page = await openControlled(chrome.context, proxy.url, '/');
      page.setDefaultTimeout(20_000);
      await enrollFromWelcome(page, await admin.enrollmentCode(cooperativeId), 'HP Tahan Banting');
      await createFirstUser(page, 'Bu Ratna', PIN);
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');

      // A sale saved and confirmed before anything goes wrong.
      await (await fillSale(page, '10.000')).click();
      await waitForSaved(page);
      await syncNowAndWait(page);

      /** Presses save, waits until the page stops at `point` (frozen: "Tersimpan" cannot show), and kills. */
      const killAt = async (point: NamedPoint, amount: string, kill: Kill) => {
        const save = await fillSale(page, amount);
        const { paused } = await breakAt(chrome.context, page, point);
        save.click().catch(() => undefined); // never completes: the page freezes inside the save
        await paused;
        if (kill === 'browser SIGKILL') {
          await chrome.kill();
          chrome = await spawnChromium(profile);
          page = await reopen(chrome.context);
        } else {
          const crashed = page.waitForEvent('crash');
          expect(await killRenderers(chrome.browser)).toBeGreaterThan(0);
          await crashed;
          await page.close().catch(() => undefined);
          page = await reopenAfterCrash(chrome.context);
        }
      };

      // 1. Browser SIGKILL before the commit: the sale was never stored, and nothing else is gone.
      await killAt('lumbung:before-commit', '21.000', 'browser SIGKILL');
      let local = await localEntries(page);
      expect(salesOf(local, 21_000)).toHaveLength(0);
      expect(salesOf(local, 10_000)).toHaveLength(1);
      kills.push({ kill: 'browser SIGKILL', point: 'before-commit', outcome: 'not stored, earlier entries intact' });

      // 2. Browser SIGKILL after the commit, before the screen said so: stored once, still to send.
      await killAt('lumbung:after-commit', '22.000', 'browser SIGKILL');
      local = await localEntries(page);
      expect(salesOf(local, 22_000)).toHaveLength(1);
      kills.push({ kill: 'browser SIGKILL', point: 'after-commit-before-UI', outcome: 'stored once' });
      await syncNowAndWait(page);

      // 3. Browser SIGKILL after the push reached the server, before the phone got the answer.
      const held = proxy.holdNextPush();
      await (await fillSale(page, '23.000')).click();
      await waitForSaved(page);
      // Saving starts a sync by itself; if it waits for a trigger, the button starts it.
      await Promise.race([held, goTo(page, '/sinkron').then(() => page.getByRole('button', { name: 'Sinkronkan sekarang' }).click())]);
      await held;
      await chrome.kill();
      const onServerBefore = (await admin.cooperative(cooperativeId)).cooperative.entries;
      chrome = await spawnChromium(profile);
      page = await reopen(chrome.context);
      local = await localEntries(page);
      expect(salesOf(local, 23_000)).toHaveLength(1);
      // The server stored it; the phone never heard so, sends it again (the app syncs on start or
      // on the button) and is told `duplicate`.
      expect(onServerBefore).toBe(local.length);
      await syncNowAndWait(page);
      expect(proxy.pushAnswers.some((answer) => answer.includes('"duplicate"'))).toBe(true);
      kills.push({ kill: 'browser SIGKILL', point: 'after-send-before-ack', outcome: 'stored once, resent, duplicate' });

      // 4. The page alone killed (renderers SIGKILLed, the browser lives) at both save points.
      await killAt('lumbung:before-commit', '31.000', 'page (renderer) SIGKILL');
      expect(salesOf(await localEntries(page), 31_000)).toHaveLength(0);
      kills.push({ kill: 'page (renderer) SIGKILL', point: 'before-commit', outcome: 'not stored' });
      await killAt('lumbung:after-commit', '32.000', 'page (renderer) SIGKILL');
      expect(salesOf(await localEntries(page), 32_000)).toHaveLength(1);
      kills.push({ kill: 'page (renderer) SIGKILL', point: 'after-commit-before-UI', outcome: 'stored once' });

      // 5. The page alone killed after its push reached the server, before the answer came.
      await syncNowAndWait(page);
      const answersBefore = proxy.pushAnswers.length;
      const heldAgain = proxy.holdNextPush();
      await (await fillSale(page, '33.000')).click();
      await waitForSaved(page);
      await Promise.race([heldAgain, goTo(page, '/sinkron').then(() => page.getByRole('button', { name: 'Sinkronkan sekarang' }).click())]);
      await heldAgain;
      const crashed = page.waitForEvent('crash');
      expect(await killRenderers(chrome.browser)).toBeGreaterThan(0);
      await crashed;
      await page.close().catch(() => undefined);
      page = await reopenAfterCrash(chrome.context);
      expect(salesOf(await localEntries(page), 33_000)).toHaveLength(1);
      await syncNowAndWait(page);
      expect(proxy.pushAnswers.slice(answersBefore).some((answer) => answer.includes('"duplicate"'))).toBe(true);
      kills.push({ kill: 'page (renderer) SIGKILL', point: 'after-send-before-ack', outcome: 'stored once, resent, duplicate' });

      // Everything sent: the server holds exactly the phone's entries, each once (ids are unique
      // on the phone, and the server's count equals the phone's).
      await syncNowAndWait(page);
      local = await localEntries(page);
      expect(new Set(local.map((e) => e.id)).size).toBe(local.length);
      expect(local.every((e) => e.sync === 'acked')).toBe(true);
      for (const amount of [10_000, 22_000, 23_000, 32_000, 33_000]) expect(salesOf(local, amount)).toHaveLength(1);
      for (const amount of [21_000, 31_000]) expect(salesOf(local, amount)).toHaveLength(0);
      expect((await admin.cooperative(cooperativeId)).cooperative.entries).toBe(local.length);
      console.log(`kills per point:\n${kills.map((k) => `  ${k.kill} @ ${k.point}: 1 (${k.outcome})`).join('\n')}`);
    } finally {
      await chrome.kill();
    }
  }, 150_000);
});
