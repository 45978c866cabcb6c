// The district office's pages in real Chromium against the real server (`npm start`): log in,
// create a cooperative and its enrollment code, enroll a phone through the API with that code and
// sync a little, see it in the table, open its page (reports from the server), revoke the phone,
// import the phone's backup file. And the treasurer's first load never touches the /dinas chunk.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInJakarta } from '../../src/domain/dates.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';

import { deposit, ids, joined, newDeviceKeys, TestDevice, withdraw } from '../support/entries.ts';
import type { PageGlobals } from './page-globals.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

/** A phone as the server sees it, talking to the real server over HTTP with signed requests. */
async function enrollPhone(code: string, name: string): Promise<TestDevice> {
  const keys = await newDeviceKeys();
  const response = await fetch(`${rig.server.url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name, publicKey: keys.publicJwk }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { deviceId: string; cooperative: { id: string } };
  return new TestDevice(body.cooperative.id, body.deviceId, keys);
}

async function signed(phone: TestDevice, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
  const headers = await phone.sign(method, path, bytes);
  return fetch(`${rig.server.url}${path}`, {
    method,
    headers: { ...headers, ...(bytes === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(bytes === undefined ? {} : { body: bytes }),
  });
}

async function adminToken(): Promise<string> {
  const response = await fetch(`${rig.server.url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rig.server.admin),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const h1 = (page: Page) => page.locator('#root h1').first();

describe('the treasurer’s first load', () => {
  it('requests no byte of the district chunk, page or service worker; /dinas does load it', async () => {
    const context: BrowserContext = await rig.browser.newContext();
    try {
      const requested: string[] = [];
      // Context-level: also the service worker's precache requests.
      context.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const page = await context.newPage();
      await page.goto(`${rig.server.url}/`);
      await h1(page).waitFor();
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null, undefined, {
        timeout: 30_000,
      });
      expect(requested.some((path) => path.startsWith('/assets/'))).toBe(true);
      expect(requested.filter((path) => path.includes('district'))).toEqual([]);

      await page.goto(`${rig.server.url}/dinas`);
      await page.getByRole('heading', { level: 1, name: 'Masuk petugas Dinas' }).waitFor();
      expect(requested.some((path) => /^\/assets\/district-[\w-]+\.js$/.test(path))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('a district officer’s visit', () => {
  it('logs in, creates a cooperative and a code, sees it in the table and its reports, revokes a phone and imports its backup', async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The server's strict CSP (no inline script or style) must hold on every office page.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => errors.push(text));
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageGlobals;
      page.document.addEventListener('securitypolicyviolation', (event) => page.reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
    });
    try {
      // Log in: first a wrong password, then the right one.
      await page.goto(`${rig.server.url}/dinas`);
      await page.getByLabel('Nama pengguna').fill(rig.server.admin.username);
      await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
      await page.getByLabel('Kata sandi').fill(rig.server.admin.password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { level: 1, name: 'Koperasi di kabupaten' }).waitFor();
      await page.getByText('Belum ada koperasi. Buat koperasi pertama di bawah.').waitFor();
      // The session is an HttpOnly cookie: the page's script cannot read it.
      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'lumbung_admin')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain('lumbung_admin');

      // Create a cooperative and an enrollment code for its treasurer.
      await page.getByLabel('Nama koperasi').fill('KSP Sumber Rejeki');
      await page.getByLabel('Desa/kelurahan').fill('Kemuning');
      await page.getByLabel('Kabupaten').fill('Jember');
      await page.getByRole('button', { name: 'Buat koperasi' }).click();
      await page.getByText('Koperasi KSP Sumber Rejeki sudah dibuat.').waitFor();
      await page.getByRole('button', { name: 'Buat kode pendaftaran' }).click();
      const code = (await page.getByTestId('enrollment-code').textContent()) ?? '';
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      await page.getByText('berlaku 7 hari, sekali pakai').waitFor();
      expect(await page.getByTestId('cooperative-row').count()).toBe(1);
      // The slip prints alone: no table, no form, no buttons on the paper.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('enrollment-code').isVisible()).toBe(true);
      expect(await page.getByText('berlaku 7 hari, sekali pakai').isVisible()).toBe(true);
      expect(await page.getByTestId('cooperative-row').isVisible()).toBe(false);
      expect(await page.getByLabel('Nama koperasi').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Cetak slip' }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // The treasurer's phone enrolls with that code and syncs its first entries.
      const phone = await enrollPhone(code, 'HP Bu Siti');
      const day = addDays(todayInJakarta(), -2);
      const siti = ids.member();
      const entries: Entry[] = [
        await phone.entry(joined(siti, '001', 'Siti Aminah', day), { date: day }),
        await phone.entry(deposit(siti, 'pokok', 100_000), { date: day }),
        await phone.entry(deposit(siti, 'sukarela', 50_000), { date: day }),
        await phone.entry(withdraw(siti, 'sukarela', 80_000), { date: day }),
      ];
      const push = await signed(phone, 'POST', '/api/v1/sync/push', { entries: entries.slice(0, 2) });
      expect(push.status).toBe(200);

      // The table shows it synced, with its member and savings.
      await page.getByRole('button', { name: 'Muat ulang' }).click();
      const row = page.getByTestId('cooperative-row').filter({ hasText: 'KSP Sumber Rejeki' });
      await row.filter({ hasText: 'Rp100.000' }).waitFor();
      expect(await row.textContent()).toContain('Kemuning');
      expect((await row.getAttribute('class')) ?? '').not.toContain('district-row--stale');

      // Its page: figures and the balance sheet from the server, the same numbers the API gives.
      await row.getByRole('link', { name: 'KSP Sumber Rejeki' }).click();
      await page.getByRole('heading', { level: 1, name: 'KSP Sumber Rejeki' }).waitFor();
      const report = page.getByTestId('report-body');
      await report.getByRole('row', { name: /Kas/ }).first().waitFor();
      const token = await adminToken();
      const api = await fetch(`${rig.server.url}/api/v1/cooperatives/${phone.cooperativeId}/reports/balance-sheet?asOf=${todayInJakarta()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const sheet = (await api.json()) as { accounts: { code: string; balance: number }[]; totals: { assets: number } };
      expect(sheet.accounts.find((account) => account.code === '1-101')?.balance).toBe(100_000);
      expect(await report.getByRole('row', { name: /^1-101/ }).textContent()).toContain('Rp100.000');
      expect(await report.getByRole('row').filter({ hasText: 'Jumlah aset' }).textContent()).toContain('Rp100.000');

      // Revoke the phone, after confirming.
      const devices = page.getByRole('region', { name: 'Perangkat (HP)' });
      await devices.getByRole('button', { name: 'Cabut akses HP Bu Siti' }).click();
      await page.getByRole('alertdialog', { name: 'Cabut akses HP Bu Siti?' }).getByRole('button', { name: 'Ya, cabut akses' }).click();
      await devices.getByText('Akses HP Bu Siti sudah dicabut.').waitFor();
      await devices.getByText(/^Dicabut /).waitFor();
      const refused = await signed(phone, 'GET', '/api/v1/sync/pull?after=0');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('device-revoked');

      // The phone's backup reaches the office: import it.
      const backup = {
        format: 'lumbung-backup',
        version: 1,
        exportedAt: new Date().toISOString(),
        cooperativeId: phone.cooperativeId,
        deviceId: phone.deviceId,
        entries,
      };
      const panel = page.getByRole('region', { name: 'Impor cadangan dari HP' });
      await panel.getByLabel('Berkas cadangan (.json)').setInputFiles({
        name: 'lumbung-cadangan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      await panel.getByRole('button', { name: 'Impor berkas' }).click();
      const result = panel.getByTestId('import-result');
      await result.waitFor();
      expect(await result.getByTestId('import-count-duplicate').textContent()).toBe('2');
      expect(await result.getByTestId('import-count-accepted').textContent()).toBe('1');
      expect(await result.getByTestId('import-count-accepted_flagged').textContent()).toBe('1');
      expect(await result.getByTestId('import-count-rejected').textContent()).toBe('0');

      // The overdrawn withdrawal is a flag to review, and the books now hold every entry.
      const flags = page.getByRole('region', { name: 'Catatan bertanda untuk diperiksa' });
      await flags.getByRole('row', { name: /Penarikan melebihi saldo simpanan/ }).waitFor();
      expect(await flags.getByRole('row', { name: /Penarikan melebihi saldo simpanan/ }).textContent()).toContain('001 Siti Aminah');
      await report.getByRole('row', { name: /^1-101/ }).filter({ hasText: 'Rp70.000' }).waitFor();

      // Importing the same file again changes nothing.
      await panel.getByRole('button', { name: 'Impor berkas' }).click();
      await result.getByTestId('import-count-duplicate').filter({ hasText: '4' }).waitFor();

      // Log out: the cookie no longer opens the pages.
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByText('Anda sudah keluar.').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Masuk petugas Dinas' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('on a small screen', () => {
  it('the login, the table and a cooperative’s page fit 360 px at 200 % text size', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      const overflow = async (where: string) => {
        await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.style.setProperty('font-size', '200%'));
        const extra = await page.evaluate(() => {
          const page = globalThis as unknown as PageGlobals;
          return page.document.documentElement.scrollWidth - page.innerWidth;
        });
        expect(extra, where).toBeLessThanOrEqual(0);
      };
      await page.goto(`${rig.server.url}/dinas`);
      await page.getByRole('heading', { level: 1, name: 'Masuk petugas Dinas' }).waitFor();
      await overflow('login');
      await page.getByLabel('Nama pengguna').fill(rig.server.admin.username);
      await page.getByLabel('Kata sandi').fill(rig.server.admin.password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { level: 1, name: 'Koperasi di kabupaten' }).waitFor();
      // The first test created one cooperative: its row is in the table.
      const link = page.getByTestId('cooperative-row').first().getByRole('link');
      await link.waitFor();
      await overflow('table');
      await link.click();
      await page.getByTestId('report-body').waitFor();
      await overflow('cooperative');
    } finally {
      await context.close();
    }
  });
});
