// The installable, offline-first shell in real Chromium against the real server (`npm start`).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../scripts/vite-compile-hints.ts';
import { PROJECT_ROOT } from '../support/app-server.ts';
import { launchPersistentContext } from '../support/browser.ts';
import { addMember, createFirstUser, goTo, setUpTrialPhone, startTrial, waitForHeading } from '../support/e2e-flows.ts';
import type { PageGlobals } from './page-globals.ts';
import { viteBuild } from './vite-build.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

const TREASURER_ROUTES = [
  '/',
  '/anggota',
  '/simpanan',
  '/pinjaman',
  '/lainnya',
  '/kas',
  '/laporan',
  '/tutup-buku',
  '/sinkron',
  '/pengaturan',
  '/tentang',
] as const;

/** Opens the app and waits until the service worker controls the page (first install). */
async function openControlled(context: BrowserContext, route = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${rig.server.url}${route}`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page;
}

/** What the stylesheet checks read in the page (this file has no DOM lib). */
type StyleGlobals = {
  readonly document: { querySelectorAll(selector: string): ArrayLike<{ readonly classList: Iterable<string> }> };
  getComputedStyle(element: unknown): { readonly position: string };
};

const heading = (page: Page) => page.locator('#root h1').first();

/** The built first-load script's file name (index.html's entry, `index-<hash>.js`), '' if none. */
const firstLoadScript = (): string =>
  /src="\/assets\/(index-[\w-]+\.js)"/.exec(readFileSync(path.join(PROJECT_ROOT, 'dist', 'index.html'), 'utf8'))?.[1] ?? '';

/** The treasurer's screens behind the session gate, each with the title it shows. */
const REAL_SCREENS = [
  ['/', 'Beranda'],
  ['/anggota', 'Anggota'],
  ['/anggota/baru', 'Anggota baru'],
  ['/simpanan', 'Simpanan'],
  ['/simpanan/wajib', 'Tagihan simpanan wajib'],
  ['/pinjaman', 'Pinjaman'],
  ['/pinjaman/baru', 'Pencairan pinjaman'],
  ['/pinjaman/simulasi', 'Simulasi pinjaman'],
  ['/lainnya', 'Lainnya'],
  ['/kas', 'Kas dan gerai'],
  ['/koreksi', 'Koreksi'],
  ['/laporan', 'Laporan'],
  ['/laporan/neraca', 'Neraca'],
  ['/laporan/buku-kas', 'Buku kas'],
  ['/laporan/anggota', 'Daftar anggota dan simpanan'],
  ['/tutup-buku', /^Pembagian SHU/],
  ['/sinkron', 'Sinkron'],
  ['/pengaturan', 'Pengaturan'],
  ['/pengguna', 'Pengguna HP ini'],
  ['/daftar', 'Pendaftaran HP'],
  ['/tentang', 'Tentang Lumbung'],
] as const;

/** A fresh trial phone with its bendahara signed in, then every real screen, in-app. */
async function walkRealScreens(page: Page): Promise<void> {
  await page.goto(`${rig.server.url}/`);
  await setUpTrialPhone(page, { name: 'Bu Siti', pin: '246810' });
  for (const [route, title] of REAL_SCREENS) {
    await goTo(page, route);
    await waitForHeading(page, title);
  }
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('offline', () => {
  it('the service worker takes control and the app reloads and deep-links with no network', async () => {
    const context = await rig.browser.newContext();
    try {
      const page = await openControlled(context, '/tentang');
      await expect.poll(() => heading(page).textContent()).toBe('Tentang Lumbung');

      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => heading(page).textContent()).toBe('Tentang Lumbung');
      expect(await page.getByTestId('online-badge').textContent()).toContain('Luring');
      await expect.poll(() => page.getByTestId('sw-state').getAttribute('data-state')).toBe('active');

      // Deep links into the treasurer's screens: whatever the screen (the session gate may show
      // the welcome or lock screen first), it is the app answering from the precache, not the
      // browser's offline error page.
      for (const route of ['/anggota', '/laporan', '/', '/tidak-ada']) {
        await page.goto(`${rig.server.url}${route}`);
        await expect.poll(() => page.locator('#root h1').first().textContent(), { message: route }).toMatch(/\S/);
        expect(new URL(page.url()).pathname).toBe(route);
      }
      // /api/ is never answered from the cache: offline it fails like a network error.
      const api = await page.evaluate(async () => {
        try {
          const response = await (globalThis as unknown as PageGlobals).fetch('/api/v1/health');
          return `status ${String(response.status)}`;
        } catch {
          return 'network-error';
        }
      });
      expect(api).toBe('network-error');
    } finally {
      await context.close();
    }
  });
});

describe('installability', () => {
  it('Chromium reports no installability errors for an installed-style profile', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'lumbung-profile-'));
    const context = await launchPersistentContext(profile);
    try {
      const page = await openControlled(context);
      const cdp = await context.newCDPSession(page);
      const result = await cdp.send('Page.getInstallabilityErrors');
      expect(result.installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${rig.server.url}/manifest.webmanifest`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('"Lindungi data" asks for persistent storage and shows the browser’s answer', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'lumbung-profile-'));
    const context = await launchPersistentContext(profile);
    try {
      const page = await context.newPage();
      await page.goto(`${rig.server.url}/tentang`);
      const persisted = page.getByTestId('storage-persisted');
      await expect.poll(() => persisted.textContent()).toBe('Belum dilindungi');
      await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/ dari /);

      // A fresh headless profile has no engagement, so Chromium says no: the page must say so.
      await page.getByRole('button', { name: 'Lindungi data' }).click();
      await page.getByText('Browser belum mengizinkan').waitFor();
      expect(await persisted.textContent()).toBe('Belum dilindungi');

      // As on an installed app, the browser grants it: the panel updates without a reload.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Browser.setPermission', {
        permission: { name: 'persistent-storage' },
        setting: 'granted',
        origin: rig.server.url,
      });
      await page.getByRole('button', { name: 'Lindungi data' }).click();
      await expect.poll(() => persisted.textContent()).toBe('Dilindungi');
      expect(await page.getByRole('button', { name: 'Lindungi data' }).count()).toBe(0);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('serves the manifest and every icon with 200 and the declared sizes', async () => {
    const response = await fetch(`${rig.server.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      scope: string;
      id: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Lumbung — Pembukuan Koperasi',
      short_name: 'Lumbung',
      lang: 'id',
      start_url: '/',
      scope: '/',
      id: '/',
      display: 'standalone',
    });
    const purposes = manifest.icons.map((icon) => `${icon.purpose} ${icon.sizes}`).sort();
    expect(purposes).toEqual(['any 192x192', 'any 512x512', 'maskable 192x192', 'maskable 512x512']);
    for (const icon of manifest.icons) {
      const iconResponse = await fetch(new URL(icon.src, rig.server.url));
      expect(iconResponse.status, icon.src).toBe(200);
      expect(iconResponse.headers.get('content-type')).toBe('image/png');
      const size = pngSize(new Uint8Array(await iconResponse.arrayBuffer()));
      expect(`${String(size.width)}x${String(size.height)}`, icon.src).toBe(icon.sizes);
    }
    const apple = await fetch(`${rig.server.url}/apple-touch-icon.png`);
    expect(apple.status).toBe(200);
    expect(pngSize(new Uint8Array(await apple.arrayBuffer()))).toEqual({ width: 180, height: 180 });
    const favicon = await fetch(`${rig.server.url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(await favicon.text()).toContain('<svg');
  });
});

describe('content security and first load', () => {
  it('renders every route under the server’s CSP without a single violation', async () => {
    const index = await fetch(`${rig.server.url}/`);
    const csp = index.headers.get('content-security-policy') ?? '';
    // The assertion below is only meaningful if the policy forbids inline code.
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");

    const context = await rig.browser.newContext();
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        const page = globalThis as unknown as PageGlobals;
        page.document.addEventListener('securitypolicyviolation', (event) => {
          page.reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const route of [...TREASURER_ROUTES, '/dinas', '/tidak-ada']) {
        await page.goto(`${rig.server.url}${route}`);
        await page.locator('h1').first().waitFor();
      }
      // Behind the session gate: the real screens (lazy chunks, forms, tables) under the same policy.
      await walkRealScreens(page);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('marks the save path’s chunks, and only those, for eager compilation (V8 compile hints)', () => {
    const assets = path.join(PROJECT_ROOT, 'dist', 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const startsWithHint = (prefix: string) => {
      const name = scripts.find((script) => script.startsWith(prefix));
      if (name === undefined) throw new Error(`no ${prefix}*.js in dist/assets`);
      return readFileSync(path.join(assets, name), 'utf8').startsWith(`${COMPILE_HINT}\n`);
    };
    expect(startsWithHint('use-save-entry-')).toBe(true);
    expect(startsWithHint('append-entry-')).toBe(true);
    expect(startsWithHint('cash-')).toBe(true);
    // The first load (index.html's entry) stays lazily compiled, and so does a screen that never saves.
    const entry = firstLoadScript();
    expect(entry).not.toBe('');
    expect(startsWithHint(entry)).toBe(false);
    expect(startsWithHint('reports-')).toBe(false);
  });

  it('sends the first load and the service worker as the build’s brotli copies, and never precaches a copy', async () => {
    const dist = path.join(PROJECT_ROOT, 'dist');
    const sw = readFileSync(path.join(dist, 'sw.js'));
    // Written after vite-plugin-pwa injected its precache manifest: the copy is of the final worker.
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'sw.js.br'))).equals(sw)).toBe(true);
    expect(sw.toString('utf8')).not.toMatch(/\.br["']/);

    const context = await rig.browser.newContext();
    try {
      const page = await context.newPage();
      const codings = new Map<string, string | undefined>();
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname === '/' || url.pathname.startsWith('/assets/')) codings.set(url.pathname, response.headers()['content-encoding']);
      });
      await page.goto(`${rig.server.url}/`);
      await page.locator('h1').first().waitFor();
      const firstLoad = [...codings.keys()];
      expect(firstLoad.some((p) => /^\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
      expect(firstLoad.some((p) => p.endsWith('.css'))).toBe(true);
      for (const [pathname, coding] of codings) {
        const size = readFileSync(path.join(dist, pathname === '/' ? 'index.html' : pathname)).length;
        // Files of 512 bytes or less have no copy and are sent as they are.
        expect(coding, pathname).toBe(size > 512 ? 'br' : undefined);
      }
      const worker = await context.request.get(`${rig.server.url}/sw.js`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(worker.headers()['content-encoding']).toBe('br');
      expect((await worker.body()).equals(sw)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('styles the session gate from the first load’s small sheet; the screens’ rules come with the frame', async () => {
    const dist = path.join(PROJECT_ROOT, 'dist');
    const assets = readdirSync(path.join(dist, 'assets'));
    const firstCss = /href="\/assets\/(index-[\w-]+\.css)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1];
    // The treasurer's other sheet (src/styles/screens.css, named after the frame's chunk); the office has its own.
    const others = assets.filter((name) => name.endsWith('.css') && name !== firstCss && !name.startsWith('district-'));
    expect(others).toHaveLength(1);
    const screensCss = others[0];
    if (firstCss === undefined || screensCss === undefined) throw new Error('no first-load or screens stylesheet in dist');
    const classesOf = (css: string) => new Set([...css.matchAll(/\.([a-z][\w-]*)/gi)].map((match) => match[1] ?? ''));
    const gateClasses = classesOf(readFileSync(path.join(dist, 'assets', firstCss), 'utf8'));
    const screensOnly = [...classesOf(readFileSync(path.join(dist, 'assets', screensCss), 'utf8'))].filter((name) => !gateClasses.has(name));
    expect(screensOnly).toEqual(expect.arrayContaining(['top-bar__app', 'bottom-nav__item', 'report-table']));
    // Every class the first load's code writes (its error alerts, banners and dialogs included, shown
    // or not): none may be one that only the screens' sheet styles.
    const firstJs = firstLoadScript();
    const written = [...readFileSync(path.join(dist, 'assets', firstJs), 'utf8').matchAll(/className:(["'`])([^"'`$]*)\1/g)].flatMap((match) => (match[2] ?? '').split(/\s+/));
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((name) => screensOnly.includes(name))).toEqual([]);

    const context = await rig.browser.newContext();
    try {
      const page = await context.newPage();
      const sheets: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'stylesheet') sheets.push(new URL(request.url()).pathname);
      });
      /** Classes on the page that only screens.css styles: such an element would be unstyled on the gate. */
      const unstyledOnGate = () =>
        page.evaluate(
          (names) => {
            const elements = (globalThis as unknown as StyleGlobals).document.querySelectorAll('[class]');
            const onPage = new Set(Array.from(elements).flatMap((element) => [...element.classList]));
            return names.filter((name) => onPage.has(name));
          },
          screensOnly,
        );
      await page.goto(`${rig.server.url}/`);
      await waitForHeading(page, 'Selamat datang di Lumbung');
      expect(await unstyledOnGate()).toEqual([]);
      await page.getByRole('button', { name: /Daftarkan HP ini/ }).click();
      await waitForHeading(page, 'Daftarkan HP ini');
      expect(await unstyledOnGate()).toEqual([]);
      await page.goto(`${rig.server.url}/`);
      await startTrial(page);
      expect(await unstyledOnGate()).toEqual([]);
      expect(new Set(sheets)).toEqual(new Set([`/assets/${firstCss}`]));
      await createFirstUser(page, 'Bu Siti', '246810');
      // The lock screen of a later start: the gate's sheet only, until the PIN opens the frame.
      sheets.length = 0;
      await page.goto(`${rig.server.url}/`);
      await waitForHeading(page, 'Lumbung terkunci');
      expect(await unstyledOnGate()).toEqual([]);
      expect(new Set(sheets)).toEqual(new Set([`/assets/${firstCss}`]));
      await page.getByLabel('PIN (6 angka)').fill('246810');
      await page.getByRole('button', { name: 'Buka', exact: true }).click();
      await waitForHeading(page, 'Beranda');
      expect(sheets).toContain(`/assets/${screensCss}`);
      const position = await page.locator('.top-bar').evaluate((bar) => (globalThis as unknown as StyleGlobals).getComputedStyle(bar).position);
      expect(position).toBe('sticky');
    } finally {
      await context.close();
    }
  });

  it('leaves the error sentences out of the first load and fetches them once the first screen is shown', async () => {
    const dist = path.join(PROJECT_ROOT, 'dist');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const firstJs = firstLoadScript();
    // A sentence of src/i18n/errors.ts: a form that fails says it; no first screen does.
    const sentence = 'Memori HP penuh, data belum tersimpan.';
    expect(readFileSync(path.join(dist, 'assets', firstJs), 'utf8')).not.toContain(sentence);
    const holders = readdirSync(path.join(dist, 'assets')).filter(
      (name) => name.endsWith('.js') && readFileSync(path.join(dist, 'assets', name), 'utf8').includes(sentence),
    );
    expect(holders).toHaveLength(1);
    const chunk = holders[0] ?? '';
    expect(html).not.toContain(chunk);

    const context = await rig.browser.newContext();
    try {
      const page = await context.newPage();
      const fetched = page.waitForRequest((request) => request.url().endsWith(`/assets/${chunk}`));
      await page.goto(`${rig.server.url}/`);
      await waitForHeading(page, 'Selamat datang di Lumbung');
      await fetched;
    } finally {
      await context.close();
    }
  });

  it('leaves English out of the first load, fetches it when chosen, and starts in it offline next time', async () => {
    const dist = path.join(PROJECT_ROOT, 'dist');
    const firstJs = firstLoadScript();
    const firstLoad = readFileSync(path.join(dist, 'assets', firstJs), 'utf8');
    expect(firstLoad).toContain('Selamat datang di Lumbung');
    expect(firstLoad).not.toContain('Welcome to Lumbung');

    const context = await rig.browser.newContext();
    try {
      const page = await openControlled(context);
      await waitForHeading(page, 'Selamat datang di Lumbung');
      const english: string[] = [];
      page.on('request', (request) => {
        if (/\/assets\/english-[\w-]+\.js$/.test(request.url())) english.push(request.url());
      });
      // Not `check()`: the radio follows the language, which switches once the English has arrived.
      await page.getByRole('radio', { name: 'English' }).click();
      await waitForHeading(page, 'Welcome to Lumbung');
      // One chunk for the English of every first-load catalog (vite.config.ts).
      expect(english).toHaveLength(1);
      // The next start, without signal: the worker serves the English too, before the first screen.
      await context.setOffline(true);
      await page.reload();
      await waitForHeading(page, 'Welcome to Lumbung');
      expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('never loads or precaches the office pages on the treasurer’s routes', async () => {
    const sw = readFileSync(path.join(PROJECT_ROOT, 'dist', 'sw.js'), 'utf8');
    expect(sw).toContain('assets/members-');
    expect(sw).not.toMatch(/assets\/district-/);

    const context = await rig.browser.newContext();
    try {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      for (const route of TREASURER_ROUTES) {
        await page.goto(`${rig.server.url}${route}`);
        await page.locator('h1').first().waitFor();
      }
      await walkRealScreens(page);
      expect(scripts.filter((script) => script.includes('district'))).toEqual([]);
      await page.goto(`${rig.server.url}/dinas`);
      await page.locator('h1').first().waitFor();
      expect(scripts.some((script) => /\/assets\/district-[\w-]+\.js$/.test(script))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px screen at 200 % text size with 48 px touch targets, on the gate and on every real screen', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      // Text size 200 %: what Android's font scale does to rem-based layouts. Set on <html>, it
      // lasts for every in-app navigation; a page load resets it, so it is set again after one.
      const largeText = () =>
        page.evaluate(() =>
          (globalThis as unknown as PageGlobals).document.documentElement.style.setProperty('font-size', '200%'),
        );
      const overflow = () =>
        page.evaluate(() => {
          const page = globalThis as unknown as PageGlobals;
          return page.document.documentElement.scrollWidth - page.innerWidth;
        });

      // The session gate's own screens: welcome, then the first user's form.
      await page.goto(`${rig.server.url}/`);
      await waitForHeading(page, 'Selamat datang di Lumbung');
      await largeText();
      expect(await overflow(), 'welcome').toBeLessThanOrEqual(0);
      await startTrial(page);
      expect(await overflow(), 'first user').toBeLessThanOrEqual(0);
      await createFirstUser(page, 'Bu Siti', '246810');

      // Behind the gate: every screen of the treasurer's frame, with a member on the books so the
      // lists and forms have something in them.
      await addMember(page, { number: 'A-001', name: 'Siti Aminah Nurhayati' });
      for (const [route, title] of REAL_SCREENS) {
        await goTo(page, route);
        await waitForHeading(page, title);
        expect(await overflow(), route).toBeLessThanOrEqual(0);
      }
      // Beranda's bottom navigation: five tabs, each at least 48 × 48 px.
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');
      const navItems = page.locator('nav[aria-label="Menu utama"] a');
      expect(await navItems.count()).toBe(5);
      for (const item of await navItems.all()) {
        const box = await item.boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(48);
        expect(box?.width).toBeGreaterThanOrEqual(48);
      }

      // The lock screen after a reload.
      await page.reload();
      await waitForHeading(page, 'Lumbung terkunci');
      await largeText();
      expect(await overflow(), 'lock screen').toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe('update', () => {
  it('a new build waits for the treasurer, then takes over after "Muat ulang"', async () => {
    const context = await rig.browser.newContext();
    try {
      const page = await openControlled(context, '/tentang');
      const buildTime = () => page.getByTestId('build-time').getAttribute('data-build-time');
      const before = await buildTime();
      expect(before).toMatch(/^\d{4}-\d\d-\d\dT/);

      await viteBuild();
      // Browsers check for a new worker on navigation and on update(); the app also checks when
      // it returns to the foreground. Ask directly to keep the test quick.
      await page.evaluate(async () => {
        const registration = await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await page.getByText('Versi baru tersedia').waitFor({ timeout: 30_000 });

      // Nothing changed behind the treasurer's back: the new worker waits, the old one controls.
      const waiting = await page.evaluate(async () => {
        const registration = await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistration();
        return registration?.waiting !== null && registration?.waiting !== undefined;
      });
      expect(waiting).toBe(true);
      expect(await buildTime()).toBe(before);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Muat ulang' }).click()]);
      await page.getByTestId('build-time').waitFor();
      await expect.poll(buildTime).not.toBe(before);
      const after = await page.evaluate(async () => {
        const worker = (globalThis as unknown as PageGlobals).navigator.serviceWorker;
        const registration = await worker.getRegistration();
        return { waiting: registration?.waiting ?? null, controlled: worker.controller !== null };
      });
      expect(after).toEqual({ waiting: null, controlled: true });
      expect(await page.getByText('Versi baru tersedia').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
