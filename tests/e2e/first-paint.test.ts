// The lock screen reaches the glass before the app starts on what comes after it. Once the first
// screen is committed, the app loads Dexie, the sync engine and the gate's actions in the
// background; run in the same task as the commit, that work (mostly Blink starting a fetch for each
// module preload) held the paint back ~110 ms at CPU ×4 (docs/performance.md §1, session 9). Here,
// on the built app in real Chromium, every lazy module is fetched only after the animation frame
// that paints the first screen has begun; and the gate's first read of IndexedDB is asked for
// before React DOM is evaluated, so the browser opens the database meanwhile.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openControlled, setUpTrialPhone, waitForHeading } from '../support/e2e-flows.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

/** What the page reports of its first frame after the usable mark and of its module fetches. */
type FirstFrame = {
  readonly markAt: number;
  /**
   * When the first animation frame after the mark ran its callbacks: the frame that paints the
   * first screen (now, not the callback's argument, which is the frame's scheduled start and can
   * precede a mark made in a task that held the frame back).
   */
  readonly frameAt: number;
  /** Script fetches other than index.html's own: each lazy chunk or its preload, with when it started. */
  readonly lazyFetches: readonly { readonly name: string; readonly startTime: number }[];
};

/** The page global the init script below records into. */
type Recorded = { __frameAfterMark?: number };

/**
 * Before any of the page's scripts run: wrap `performance.mark` so that the usable mark asks for
 * the next animation frame. Its callback runs before the app's own (registered right after the
 * mark), in the frame that paints what the mark's commit put on screen.
 */
const RECORD_FRAME_AFTER_MARK = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'lumbung:usable') requestAnimationFrame(() => { window.__frameAfterMark = performance.now(); });
    return entry;
  };
})();`;

/** The scripts index.html itself names (the entry chunk and its modulepreloads): not lazy. */
async function documentScripts(baseUrl: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => `${baseUrl}${m[1] ?? ''}`);
}

async function firstFrame(page: Page, baseUrl: string): Promise<FirstFrame> {
  const entryScripts = await documentScripts(baseUrl);
  expect(entryScripts.length).toBeGreaterThan(0);
  await page.waitForFunction(() => (globalThis as unknown as Recorded).__frameAfterMark !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0);
  // The deferred work starts after that frame: wait until it has fetched the gate's actions
  // (users.ts, preloaded on both gate screens); whatever it fetches later is later still.
  await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/assets\/users-[\w-]+\.js$/.test(e.name)), undefined, { timeout: 15_000 })
    .catch((error: unknown) => {
      throw new Error(`no /assets/users-*.js fetched within 15 s: the gate actions' preload did not run, or the chunk was renamed (${String(error)})`);
    });
  return page.evaluate((named) => {
    const entryScripts = new Set(named);
    return {
      markAt: performance.getEntriesByName('lumbung:usable')[0]?.startTime ?? Number.NaN,
      frameAt: (globalThis as unknown as Recorded).__frameAfterMark ?? Number.NaN,
      lazyFetches: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js') && !entryScripts.has(e.name))
        .map((e) => ({ name: e.name, startTime: e.startTime })),
    };
  }, entryScripts);
}

/** Opens the app in a new tab of `context` and reads its first frame once the gate's actions are fetched. */
async function openFirstScreen(context: BrowserContext, heading: string): Promise<FirstFrame> {
  const page = await context.newPage();
  await page.addInitScript(RECORD_FRAME_AFTER_MARK);
  await page.goto(`${rig.server.url}/`);
  await waitForHeading(page, heading);
  return firstFrame(page, rig.server.url);
}

/** A phone in trial mode with its bendahara, installed from the server: every later open shows the lock screen. */
async function setUpPhone(context: BrowserContext): Promise<void> {
  const setup = await openControlled(context, rig.server.url, '/');
  await setUpTrialPhone(setup, { name: 'Bu Siti', pin: '123456' });
  await setup.close();
}

/** Lazy modules were fetched (Dexie, the gate's actions, …), and none before the first screen's frame. */
function expectLazyWorkAfterTheFrame(frame: FirstFrame): void {
  expect(frame.frameAt).toBeGreaterThan(frame.markAt);
  expect(frame.lazyFetches.length).toBeGreaterThan(1);
  const early = frame.lazyFetches.filter((f) => f.startTime < frame.frameAt);
  expect(early, `fetched before the first screen's frame at ${frame.frameAt.toFixed(1)} ms`).toEqual([]);
}

describe('the first screen is painted before the lazy work starts', () => {
  it('the lock screen of a set-up phone, opened from the service worker', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      await setUpPhone(context);

      expectLazyWorkAfterTheFrame(await openFirstScreen(context, 'Lumbung terkunci'));
    } finally {
      await context.close();
    }
  });

  it('the welcome screen of a new phone, on its first load from the network', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      expectLazyWorkAfterTheFrame(await openFirstScreen(context, 'Selamat datang di Lumbung'));
    } finally {
      await context.close();
    }
  });
});

/**
 * Before any of the page's scripts run: note, in order, the first `indexedDB.open` and React DOM's
 * evaluation — which ends by looking for the React DevTools hook (a global whose getter notes it).
 */
const RECORD_READ_AND_REACT_DOM = `(() => {
  const order = (window.__order = []);
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    if (!order.includes('indexedDB.open')) order.push('indexedDB.open');
    return open.apply(this, args);
  };
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    configurable: true,
    get() {
      if (!order.includes('react-dom')) order.push('react-dom');
      return undefined;
    },
  });
})();`;

describe('the gate’s first read', () => {
  it('is asked of IndexedDB before React DOM is evaluated', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      await setUpPhone(context);

      const page = await context.newPage();
      await page.addInitScript(RECORD_READ_AND_REACT_DOM);
      await page.goto(`${rig.server.url}/`);
      await waitForHeading(page, 'Lumbung terkunci');
      expect(await page.evaluate(() => (globalThis as unknown as { __order: string[] }).__order)).toEqual(['indexedDB.open', 'react-dom']);
    } finally {
      await context.close();
    }
  });
});

/** Before any of the page's scripts run: note the page's heading at the moment of the usable mark. */
const RECORD_HEADING_AT_MARK = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    if (name === 'lumbung:usable') window.__headingAtMark = document.querySelector('main h1')?.textContent ?? null;
    return mark(name, options);
  };
})();`;

describe('an ungated page', () => {
  it('Tentang is marked usable when its content is committed, not when the frame around it is', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(RECORD_HEADING_AT_MARK);
      await page.goto(`${rig.server.url}/tentang`);
      await waitForHeading(page, 'Tentang Lumbung');
      await page.waitForFunction(() => performance.getEntriesByName('lumbung:usable').length === 1);
      expect(await page.evaluate(() => (globalThis as unknown as { __headingAtMark?: string | null }).__headingAtMark)).toBe('Tentang Lumbung');
    } finally {
      await context.close();
    }
  });
});
