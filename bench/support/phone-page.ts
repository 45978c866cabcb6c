/**
 * The phone the browser benches stand in for, and how it is touched: its context (offline, no
 * service worker), whether input comes from a mouse left over the page or a touchscreen only, and
 * the bare-field baseline page of the search benches.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitForHeading } from '../../tests/support/e2e-flows.ts';

/**
 * - `mouse`: the unlock button (and the sale's mode) clicked with Playwright's mouse, which then
 *   stays over the page — so after every layout Chromium hit-tests that point again for hover
 *   (~2 ms a frame at CPU ×4); the benches of sessions 1–4.
 * - `touch`: the unlock button, the search field, the sale's mode tapped on the touchscreen (the
 *   context has `hasTouch`/`isMobile`); the mouse never enters the page, as on the treasurers' phones.
 */
export type InputMode = 'mouse' | 'touch';

export function inputModes(value: string | undefined): InputMode[] {
  const modes = (value ?? 'mouse,touch').split(',').filter((m): m is InputMode => m === 'mouse' || m === 'touch');
  if (modes.length === 0) throw new Error(`INPUT=${value ?? ''}: expected mouse, touch or both`);
  return modes;
}

/** The phone of the data, save and search benches: 412 × 823 CSS px at 1.75×, touch, Indonesian; no worker, no server. */
export async function offlinePhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
  await context.route('**/api/**', (route) => route.abort());
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

/** tests/support/e2e-flows.ts `unlock`, with the button pressed the way `mode` says. */
export async function unlockWith(page: Page, pin: string, mode: InputMode): Promise<void> {
  await waitForHeading(page, 'Lumbung terkunci');
  await page.getByLabel('PIN (6 angka)').fill(pin);
  const open = page.getByRole('button', { name: 'Buka', exact: true });
  await (mode === 'touch' ? open.tap() : open.click());
  await page.getByRole('heading', { level: 1, name: 'Lumbung terkunci' }).waitFor({ state: 'detached' });
}

/** A new tab of the app on the phone's store, unlocked with `pin`, on Beranda (not yet throttled). */
export async function unlockedTab(context: BrowserContext, url: string, pin: string, mode: InputMode): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await unlockWith(page, pin, mode);
  await waitForHeading(page, 'Beranda');
  return page;
}

/** Where the bare field is served: the app's own origin (a route of the context, never the server). */
export const BARE_FIELD_PATH = '/bench-bare-field.html';

/**
 * The baseline of a keystroke: an `<input type="search">` with its label in `main article`, the
 * phone's viewport meta and nothing else — no app, no stylesheet, no list. The stopwatch of
 * data.bench.ts (`typeKeys`, `typeSearch`) stops at the first frame after a change under the
 * article, so the field's text is echoed into one text node on `input`: the least a search can
 * show, and that is all the page does.
 */
const BARE_FIELD_HTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cari</title></head>
<body><main><article>
<label for="q">Cari nama atau nomor anggota</label>
<input id="q" type="search" autocomplete="off">
<p id="echo"></p>
</article></main>
<script>
const field = document.getElementById('q');
const echo = document.getElementById('echo').appendChild(document.createTextNode(''));
field.addEventListener('input', () => { echo.data = field.value; });
</script></body></html>`;

export async function serveBareField(context: BrowserContext, url: string): Promise<void> {
  await context.route(`${url}${BARE_FIELD_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BARE_FIELD_HTML }));
}
