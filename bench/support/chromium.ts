/**
 * Debian's Chromium through playwright-core, with the knobs of research/performance.md §4.1: a
 * mid-range Android viewport, CDP CPU throttling of the page's main thread, and DevTools network
 * emulation of the page's own requests (it does not reach the service worker's fetches).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser.ts';
import { setUpTrialPhone } from '../../tests/support/e2e-flows.ts';

export type LinkProfile = { readonly name: string; readonly rttMs: number; readonly downBytesPerSecond: number; readonly upBytesPerSecond: number };

/** The two profiles (Chrome DevTools' "Regular 2G" and Lighthouse's "Slow 4G"); the same figures as the sync benchmarks' proxy. */
export const LINK_PROFILES = {
  '2G': { name: '2G', rttMs: 300, downBytesPerSecond: 32_000, upBytesPerSecond: 6_400 },
  'Slow 4G': { name: 'Slow 4G', rttMs: 562.5, downBytesPerSecond: 180_000, upBytesPerSecond: 84_375 },
} as const satisfies Record<string, LinkProfile>;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** A Rp 1 juta Android phone's screen (412 × 823 CSS px at 1.75×), as Lighthouse's mobile profile. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
}

export type Throttled = { readonly page: Page; readonly cdp: CDPSession };

export async function throttle(page: Page, cpuRate: number, link?: LinkProfile): Promise<Throttled> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  if (link !== undefined) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.rttMs,
      downloadThroughput: link.downBytesPerSecond,
      uploadThroughput: link.upBytesPerSecond,
    });
  }
  return { page, cdp };
}

export type CpuSample = { readonly threadMs: number; readonly processMs: number; readonly heapUsed: number };

/**
 * The renderer's CPU clocks (Performance.getMetrics): main-thread CPU time and the whole renderer
 * process's, in ms. Unlike wall time they do not grow when other processes take the cores, so on a
 * loaded machine they are the steadier figure. They are unthrottled CPU: the ×4 throttling works by
 * pausing the thread, which is wall time, not CPU time.
 */
export async function cpuSample(cdp: CDPSession): Promise<CpuSample> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { threadMs: get('ThreadTime') * 1000, processMs: get('ProcessTime') * 1000, heapUsed: get('JSHeapUsedSize') };
}

/**
 * Counts the compressed bytes of every response the page received (headers + body as on the
 * wire, CDP encodedDataLength), with the wall-clock time each finished, so a caller can count only
 * what arrived before a moment (the usable mark) and not the background fetches that follow it.
 */
export function countBytes(cdp: CDPSession): { until(epochMs: number): { bytes: number; requests: number }; stop(): void } {
  // CDP reports monotonic seconds; requestWillBeSent also gives the wall time, hence the offset.
  let offsetSeconds: number | undefined;
  const finished: { atMs: number; bytes: number }[] = [];
  const sent = (event: { timestamp: number; wallTime: number }) => {
    offsetSeconds ??= event.wallTime - event.timestamp;
  };
  const done = (event: { timestamp: number; encodedDataLength: number }) => {
    finished.push({ atMs: (event.timestamp + (offsetSeconds ?? 0)) * 1000, bytes: event.encodedDataLength });
  };
  cdp.on('Network.requestWillBeSent', sent);
  cdp.on('Network.loadingFinished', done);
  return {
    until(epochMs) {
      const before = finished.filter((f) => f.atMs <= epochMs);
      return { bytes: before.reduce((sum, f) => sum + f.bytes, 0), requests: before.length };
    },
    stop() {
      cdp.off('Network.requestWillBeSent', sent);
      cdp.off('Network.loadingFinished', done);
    },
  };
}

/**
 * Stops every service worker of the browser and returns once each has stopped: the next navigation
 * starts its worker again (reads its script from disk, evaluates it) before the worker answers.
 */
export async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  const running = new Set<string>();
  let allStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (allStopped = resolve));
  const updated = ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
    for (const v of versions) {
      if (v.runningStatus === 'stopped') running.delete(v.versionId);
      else running.add(v.versionId);
    }
    if (running.size === 0) allStopped();
  };
  cdp.on('ServiceWorker.workerVersionUpdated', updated);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The versions are reported on enable and on each change; two seconds is far more than a stop takes.
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', updated);
    await cdp.send('ServiceWorker.disable');
  }
}

/**
 * A phone with the app (or the blank page) installed: opened once online until its service worker is
 * active, then offline. `setUp`: the app's phone is set up first (trial mode and a bendahara), so
 * later opens show the lock screen. `english`: later opens start in English (the stored choice, in
 * the app's own format: src/i18n/language-store.ts).
 */
export async function installedOffline(browser: Browser, url: string, setUp = false, english = false): Promise<BrowserContext> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (setUp) await setUpTrialPhone(page, { name: 'Bu Siti', pin: '123456' });
  if (english) {
    await page.evaluate(() => localStorage.setItem('lumbung.language', JSON.stringify({ state: { language: 'en' }, version: 1 })));
  }
  await page.close();
  await context.setOffline(true);
  return context;
}
