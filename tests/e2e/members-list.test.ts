// Anggota's virtualised member list in real Chromium, where layout is real: the row pitch is
// measured (not the 72 px estimate) and follows a text-size change, every member of a long list
// can be scrolled to (the padding that stands in for the rows not rendered is right to the last
// pixel), Tab walks the rows one after another, and at 360 px with 200 % text the last member is
// still reachable. 300 members are recorded on another phone of the cooperative and pulled.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { adminApi, createFirstUser, enrollFromWelcome, goTo, openControlled, syncNowAndWait, waitForHeading } from '../support/e2e-flows.ts';
import { ids, joined, newDeviceKeys, TestDevice } from '../support/entries.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const MEMBERS = 300;
const name = (k: number): string => `Warga ${String(k).padStart(3, '0')}`;

/** The few page globals read here (the e2e tests typecheck without the DOM lib; see page-globals.ts). */
type ListGlobals = {
  readonly innerHeight: number;
  readonly document: {
    readonly documentElement: { readonly style: { fontSize: string }; readonly scrollHeight: number };
    readonly activeElement: ListElement | null;
    querySelector(selector: string): ListElement | null;
  };
  scrollTo(x: number, y: number): void;
};
type ListElement = {
  readonly children: ArrayLike<ListElement>;
  readonly style: { readonly paddingBottom: string };
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): ListElement | null;
  scrollIntoView(): void;
  getBoundingClientRect(): { readonly top: number; readonly bottom: number };
};

/** The list as laid out: rendered rows, their measured pitch, and what the padding stands in for. */
type Layout = { rows: number; setSize: number; lastPosition: number; rowPitch: number; paddingPerRow: number; lastRowBottom: number; lastText: string; viewport: number };

function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const win = globalThis as unknown as ListGlobals;
    const list = win.document.querySelector('main ul[aria-label="Anggota"]');
    if (list === null) throw new Error('no list');
    const rows = Array.from(list.children);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) throw new Error('no rows');
    const setSize = Number(last.getAttribute('aria-setsize'));
    const lastPosition = Number(last.getAttribute('aria-posinset'));
    const rowPitch = (last.getBoundingClientRect().top - first.getBoundingClientRect().top) / (rows.length - 1);
    const below = setSize - lastPosition;
    return {
      rows: rows.length,
      setSize,
      lastPosition,
      rowPitch,
      paddingPerRow: below === 0 ? rowPitch : Number.parseFloat(list.style.paddingBottom) / below,
      lastRowBottom: last.getBoundingClientRect().bottom,
      lastText: last.textContent ?? '',
      viewport: win.innerHeight,
    };
  });
}

/** Scrolls to the very end of the page until the list's last rendered row is its last member. */
async function scrollToEnd(page: Page): Promise<Layout> {
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => {
      const win = globalThis as unknown as ListGlobals;
      win.scrollTo(0, win.document.documentElement.scrollHeight);
    });
    await page.waitForTimeout(150);
    const layout = await layoutOf(page);
    if (layout.lastPosition === layout.setSize) return layout;
  }
  return layoutOf(page);
}

const rig = useAppServerAndBrowser();

describe('Anggota: the virtualised list in Chromium', () => {
  it('measures the row pitch, follows 200 % text at 360 px, reaches the last member by scrolling, and Tab walks the rows', async () => {
    const api = await adminApi(rig.server.url, rig.server.admin);
    const cooperative = await api.createCooperative({ name: 'KSP Sumber Makmur', village: 'Sumberejo', district: 'Jember' });
    const keys = await newDeviceKeys();
    const enrolled = await fetch(`${rig.server.url}/api/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await api.enrollmentCode(cooperative.id), name: 'HP Sekretaris', publicKey: keys.publicJwk }),
    });
    expect(enrolled.status).toBe(201);
    const other = new TestDevice(cooperative.id, ((await enrolled.json()) as { deviceId: string }).deviceId, keys);
    const entries = [];
    for (let k = 1; k <= MEMBERS; k++) entries.push(await other.entry(joined(ids.member(), `A-${String(k).padStart(3, '0')}`, name(k), '2026-11-01'), { date: '2026-11-01' }));
    const body = new TextEncoder().encode(JSON.stringify({ entries }));
    const push = await fetch(`${rig.server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { ...(await other.sign('POST', '/api/v1/sync/push', body)), 'content-type': 'application/json' },
      body,
    });
    expect(push.status).toBe(200);

    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    try {
      const page = await openControlled(context, rig.server.url, '/');
      page.setDefaultTimeout(30_000);
      await enrollFromWelcome(page, await api.enrollmentCode(cooperative.id));
      await createFirstUser(page, 'Bu Siti', '246810');
      await syncNowAndWait(page);
      await goTo(page, '/anggota');
      await waitForHeading(page, 'Anggota');
      await page.getByText(`${String(MEMBERS)} anggota ditampilkan`).waitFor();

      // The pitch is the rows' own (not the estimate), and the padding below stands in for exactly
      // that many rows: the page is as tall as if all 300 were there.
      await expect.poll(async () => Math.abs((await layoutOf(page)).paddingPerRow - (await layoutOf(page)).rowPitch), { timeout: 15_000 }).toBeLessThan(0.6);
      const normal = await layoutOf(page);
      expect(normal.rows).toBeLessThan(40);
      expect(normal.setSize).toBe(MEMBERS);

      // Tab from the search field walks the rows in order, each one rendered when reached.
      await page.getByLabel('Cari nama atau nomor anggota').focus();
      for (let k = 1; k <= 25; k++) {
        await page.keyboard.press('Tab');
        await expect
          .poll(() => page.evaluate(() => (globalThis as unknown as ListGlobals).document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? null), { timeout: 15_000 })
          .toBe(String(k));
      }
      expect(await page.locator(':focus').textContent()).toContain(name(25));

      // 200 % text: the rows grow, the pitch is measured again, and the padding follows it.
      await page.evaluate(() => {
        (globalThis as unknown as ListGlobals).document.documentElement.style.fontSize = '200%';
      });
      await expect.poll(async () => (await layoutOf(page)).rowPitch, { timeout: 15_000 }).toBeGreaterThan(normal.rowPitch * 1.4);
      await expect.poll(async () => Math.abs((await layoutOf(page)).paddingPerRow - (await layoutOf(page)).rowPitch), { timeout: 15_000 }).toBeLessThan(0.6);

      // Every member can be scrolled to: at the end of the page the last member's row is rendered,
      // on screen, and nothing but the page's own bottom follows it.
      const end = await scrollToEnd(page);
      expect(end.lastPosition).toBe(MEMBERS);
      expect(end.lastText).toContain(name(MEMBERS));
      expect(end.lastRowBottom).toBeLessThanOrEqual(end.viewport);
      expect(end.lastRowBottom).toBeGreaterThan(0);

      // A search narrows the list in place; its matches are the rows, from the first place.
      await page.evaluate(() => (globalThis as unknown as ListGlobals).scrollTo(0, 0));
      await page.getByLabel('Cari nama atau nomor anggota').fill('29');
      await page.getByText('10 anggota cocok').waitFor();
      // Its rows are the matches in order from the first; the last match is reached by scrolling.
      const links = page.getByRole('list', { name: 'Anggota' }).getByRole('link');
      const matches = Array.from({ length: 10 }, (_, k) => name(290 + k));
      // (At 200 % text the list starts below the fold: its rows come with the overscan, after the paint.)
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const found = (await links.allTextContents()).map((text) => /Warga \d+/.exec(text)?.[0]);
      expect(found).toEqual(matches.slice(0, found.length));
      const narrowed = await scrollToEnd(page);
      expect(narrowed.setSize).toBe(10);
      expect(narrowed.lastPosition).toBe(10);
      expect(narrowed.lastText).toContain(name(299));
      expect(narrowed.lastRowBottom).toBeLessThanOrEqual(narrowed.viewport);
    } finally {
      await context.close();
    }
  });
});
