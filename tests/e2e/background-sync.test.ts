// The built service worker's Background Sync in real Chromium: the `sync` event the browser fires
// (here through DevTools' ServiceWorker.dispatchSyncEvent, as the browser does when a network is
// back) wakes the worker, which pushes the outbox with no page of the app open. The worker starts
// without the sync engine and evaluates it on that first event (docs/performance.md §1, session 8):
// the morning's first open of the app waits for the worker's script to run, and running the sync
// engine's modules (Dexie, zod, the signatures) was three quarters of that.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_SYNC_TAG } from '../../src/sync/sync-environment.ts';
import { addMember, createFirstUser, enrollFromWelcome, goTo, openControlled, waitForHeading } from '../support/e2e-flows.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

type Registration = { readonly registrationId: string; readonly scopeURL: string; readonly isDeleted: boolean };

/** Fires the `sync` event of the app's Background Sync tag at the worker of `page`'s context. */
async function fireBackgroundSync(page: Page, origin: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const registered = new Promise<Registration>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: { registrations: Registration[] }) => {
        const live = registrations.find((r) => !r.isDeleted && r.scopeURL === `${origin}/`);
        if (live !== undefined) resolve(live);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const { registrationId } = await registered;
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag: BACKGROUND_SYNC_TAG, lastChance: false });
  } finally {
    await cdp.detach();
  }
}

/** What zod's configuration says in the worker's global scope; undefined until zod has been evaluated there. */
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };

describe('the service worker’s Background Sync', () => {
  it('starts without the sync engine, and evaluates it (zod jitless) on the first sync event', async () => {
    const context = await rig.browser.newContext();
    try {
      const page = await openControlled(context, rig.server.url, '/');
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // The worker answered this page's navigation and its scripts; the sync engine has not run.
      expect(await worker.evaluate(() => (globalThis as ZodGlobal).__zod_globalConfig)).toBeUndefined();

      await fireBackgroundSync(page, rig.server.url);
      // A phone not enrolled: the engine runs, finds nothing to do, and zod was configured before
      // any schema was built (the worker's CSP forbids zod's `new Function` probe).
      await expect.poll(() => worker.evaluate(() => (globalThis as ZodGlobal).__zod_globalConfig?.jitless), { timeout: 15_000 }).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('pushes what was recorded offline when the browser wakes it, with no page of the app open', async () => {
    const { id: cooperativeId } = await rig.admin.createCooperative({ name: 'KSP Tani Makmur', village: 'Sidorejo', district: 'Malang' });
    const context: BrowserContext = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openControlled(context, rig.server.url, '/');
      page.setDefaultTimeout(20_000);
      await enrollFromWelcome(page, await rig.admin.enrollmentCode(cooperativeId), 'HP Bendahara');
      await createFirstUser(page, 'Bu Ani', '135790');
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');

      // No signal: a new member and her simpanan pokok stay in the outbox.
      await context.setOffline(true);
      await addMember(page, { number: 'T-01', name: 'Ani Rahayu' });
      await goTo(page, '/sinkron');
      await page.getByText('2 catatan belum terkirim').waitFor();
      // The treasurer closes the app; the signal comes back later.
      await page.close();
      await context.setOffline(false);
      expect((await rig.admin.cooperative(cooperativeId)).cooperative.entries).toBe(0);

      // A blank tab only to reach DevTools: it is not the app and runs none of its code.
      const devtools = await context.newPage();
      // A sync the browser fired on its own while the phone was offline may still hold the sync
      // lock (a second one then returns `busy`), so the event is fired again until the push lands.
      await expect
        .poll(
          async () => {
            await fireBackgroundSync(devtools, rig.server.url);
            return (await rig.admin.cooperative(cooperativeId)).cooperative.entries;
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(2);
      expect((await rig.admin.cooperative(cooperativeId)).cooperative).toMatchObject({ entries: 2, members: 1 });
    } finally {
      await context.close();
    }
  }, 120_000);
});
