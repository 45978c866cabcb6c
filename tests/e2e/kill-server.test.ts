// Issue 6: the district server SIGKILLed between its commit and its reply to a phone's push
// (server/fault-point.ts, LUMBUNG_SIM_CRASH_AT=push-after-commit:1). The phone in real Chromium
// never hears back; the server is started again on the same data directory; the phone resends
// and is told `duplicate`; the server holds each entry once. The phone reaches the server through
// a relay (tests/support/holding-proxy.ts) so its origin stays the same across the restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  adminApi,
  createFirstUser,
  enrollFromWelcome,
  goTo,
  openControlled,
  openFresh,
  syncNowAndWait,
  waitForHeading,
  waitForSaved,
} from '../support/e2e-flows.ts';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.ts';

let dataDir: string;
let browser: Browser;
let proxy: HoldingProxy | undefined;
const servers: AppServer[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lumbung-kill-server-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await proxy?.close();
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function serverOn(env: Record<string, string>): Promise<AppServer> {
  const server = await startAppServer({ env: { LUMBUNG_DATA_DIR: dataDir, ...env } });
  servers.push(server);
  return server;
}

async function isDown(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/v1/health`);
    return false;
  } catch {
    return true;
  }
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

/** Every entry id in the phone's own IndexedDB, read raw in the page. */
async function localEntryIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = (globalThis as unknown as IdbGlobals).indexedDB.open('lumbung');
        open.onerror = () => reject(new Error('cannot open the lumbung database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { entry: { id: string } }[]).map((r) => r.entry.id));
          };
        };
      }),
  );
}

describe('server SIGKILL between commit and reply', () => {
  it('the phone resends, is told duplicate, and nothing is doubled', async () => {
    const first = await serverOn({ LUMBUNG_SIM_CRASH_AT: 'push-after-commit:1' });
    proxy = await startHoldingProxy(first.url);
    const admin = await adminApi(first.url, first.admin);
    const { id: cooperativeId } = await admin.createCooperative({ name: 'KSP Bangkit', village: 'Sukamaju', district: 'Malang' });
    const code = await admin.enrollmentCode(cooperativeId);

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openControlled(context, proxy.url, '/');
      page.setDefaultTimeout(20_000);
      await enrollFromWelcome(page, code, 'HP Bangkit');
      await createFirstUser(page, 'Bu Wati', '975310');
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');
      expect(await isDown(first.url)).toBe(false);

      await openFresh(page, '/kas');
      await page.getByLabel('Penjualan gerai').click();
      const form = page.getByRole('form', { name: 'Penjualan gerai' });
      await form.getByLabel('Jumlah').fill('41.000');
      await form.getByRole('button', { name: 'Simpan penjualan' }).click();
      await waitForSaved(page);
      // The save starts a push by itself; the button starts it if it waits for a trigger. The
      // server commits it and dies before answering.
      await goTo(page, '/sinkron');
      const sync = page.getByRole('button', { name: 'Sinkronkan sekarang' });
      if (!(await isDown(first.url)) && (await sync.isEnabled())) await sync.click().catch(() => undefined);
      await expect.poll(() => isDown(first.url), { timeout: 20_000 }).toBe(true);

      // Started again on the same data: the entry it committed is there, the phone does not know.
      const second = await serverOn({});
      proxy.setUpstream(second.url);
      const adminAgain = await adminApi(second.url, second.admin);
      const onServer = (await adminAgain.cooperative(cooperativeId)).cooperative.entries;
      const local = await localEntryIds(page);
      expect(onServer).toBe(local.length);

      await syncNowAndWait(page);
      expect(proxy.pushAnswers.some((answer) => answer.includes('"duplicate"'))).toBe(true);
      expect((await adminAgain.cooperative(cooperativeId)).cooperative.entries).toBe(local.length);
      expect(new Set(await localEntryIds(page)).size).toBe(local.length);
    } finally {
      await context.close();
    }
  }, 120_000);
});
