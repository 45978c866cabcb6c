// Stored XSS (reliability research §6.4 X10/X11) in real Chromium against the real server
// (`npm start`): hostile text arrives the way real data does — member names, an address, a memo,
// an account name and an actor in entries signed by another phone of the cooperative and pushed
// through the API, then pulled by this phone; a member and the local user typed on the phone
// itself; the cooperative's and a phone's names made at the district office. Every screen that
// shows them is opened (treasurer's screens, receipts, entry details, every report, the /dinas
// pages). What must hold: the text appears literally, no element or handler is injected, no
// dialog opens, no script runs, not one CSP violation — and every response the browser received
// (documents, scripts, the service worker, the manifest, API answers, errors) carried the
// security headers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security-headers.ts';
import { addDays, todayInJakarta } from '../../src/domain/dates.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { rupiah } from '../../src/domain/money.ts';

import { adminApi, addMember, createFirstUser, enrollFromWelcome, goTo, openControlled, syncNowAndWait, waitForHeading } from '../support/e2e-flows.ts';
import { deposit, disburse, ids, joined, newDeviceKeys, repay, TestDevice } from '../support/entries.ts';
import type { PageGlobals } from './page-globals.ts';
import { REPORT_SLUGS } from '../../src/features/reports/report-pages.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

/** Each payload, if it ever ran, would leave its number in `window.__pwned` and open a dialog. */
const P = {
  member: '<img src=x onerror="window.__pwned=1;alert(1)">',
  member2: '"><script>window.__pwned=2;alert(2)</script>',
  address: '</textarea><svg onload="window.__pwned=3;alert(3)">',
  memo: "javascript:window.__pwned=4;alert('4')",
  account: '<a href="javascript:alert(5)" onclick="window.__pwned=5">akun</a>',
  actor: '<iframe srcdoc="<script>parent.__pwned=6</script>">',
  cooperative: '<img src=x onerror=alert(7)>KSP',
  device: "'><img src=x onerror=alert(8)>",
  local: '{{constructor.constructor("alert(9)")()}}',
  typed: '<b onmouseover=alert(10)>Bu Tik</b>',
} as const;

type XssGlobals = PageGlobals & {
  readonly __pwned?: unknown;
  readonly document: PageGlobals['document'] & { querySelectorAll(selector: string): { readonly length: number } };
};

const rig = useAppServerAndBrowser();

async function signedFetch(phone: TestDevice, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
  const headers = await phone.sign(method, path, bytes);
  return fetch(`${rig.server.url}${path}`, {
    method,
    headers: { ...headers, ...(bytes === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(bytes === undefined ? {} : { body: bytes }),
  });
}

/** Elements and attributes that only an injection could have put in the page. */
async function injected(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as XssGlobals).document.querySelectorAll(
        'img[src="x"], iframe, svg[onload], [onerror], [onload], [onclick], [onmouseover], script:not([src]), a[href^="javascript:"]',
      ).length,
  );
}

describe('stored XSS on every screen', () => {
  it('shows hostile names, memos and actors as text everywhere, runs nothing, and violates no CSP', async () => {
    const today = todayInJakarta();
    const day = addDays(today, -3);
    const api = await adminApi(rig.server.url, rig.server.admin);
    const cooperative = await api.createCooperative({ name: P.cooperative, village: P.member2, district: 'Jember' });

    // Another phone of the cooperative records the hostile data and syncs it.
    const keys = await newDeviceKeys();
    const enrolled = await fetch(`${rig.server.url}/api/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await api.enrollmentCode(cooperative.id), name: P.device, publicKey: keys.publicJwk }),
    });
    expect(enrolled.status).toBe(201);
    const other = new TestDevice(cooperative.id, ((await enrolled.json()) as { deviceId: string }).deviceId, keys);
    const [m1, m2] = [ids.member(), ids.member()];
    const loan = ids.loan();
    const as = { date: day, actor: P.actor };
    const entries: Entry[] = [
      await other.entry({ type: 'member.joined', data: { memberId: m1, number: 'X-001', name: P.member, address: P.address, joinedOn: day } }, as),
      await other.entry(joined(m2, 'X-002', P.member2, day), as),
      await other.entry(deposit(m1, 'pokok', 100_000), as),
      await other.entry(deposit(m2, 'sukarela', 40_000), as),
      await other.entry(disburse(loan, m1, 1_000_000, { months: 10, rateBp: 150, firstDue: addDays(day, 30) }), as),
      await other.entry(repay(loan, m1, 100_000, 15_000), as),
      await other.entry({ type: 'account.added', data: { code: '5-191', name: P.account, type: 'expense' } }, as),
      await other.entry({ type: 'cash.paid', data: { account: '5-191', amount: rupiah(7_500), via: 'cash', memo: P.memo } }, as),
      await other.entry({ type: 'cash.received', data: { account: '4-190', amount: rupiah(12_000), via: 'cash', memo: P.address, memberId: m2 } }, as),
    ];
    const push = await signedFetch(other, 'POST', '/api/v1/sync/push', { entries });
    expect(push.status).toBe(200);
    const results = ((await push.json()) as { results: { status: string }[] }).results.map((r) => r.status);
    expect(results.every((s) => s === 'accepted' || s === 'accepted_flagged'), results.join()).toBe(true);

    const context = await rig.browser.newContext();
    try {
      const page = await openControlled(context, rig.server.url, '/');
      page.setDefaultTimeout(20_000);
      const dialogs: string[] = [];
      const violations: string[] = [];
      const errors: string[] = [];
      const headerProblems: string[] = [];
      const headerChecks: Promise<void>[] = [];
      let responses = 0;
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        const win = globalThis as unknown as PageGlobals;
        win.document.addEventListener('securitypolicyviolation', (event) => win.reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
      });
      page.on('response', (response) => {
        if (!response.url().startsWith(rig.server.url)) return;
        responses += 1;
        headerChecks.push(
          response.allHeaders().then((headers) => {
            const where = `${String(response.status())} ${response.url()}${response.fromServiceWorker() ? ' (service worker)' : ''}`;
            if (headers['content-security-policy'] !== CONTENT_SECURITY_POLICY) headerProblems.push(`${where}: content-security-policy`);
            if (headers['x-content-type-options'] !== 'nosniff') headerProblems.push(`${where}: x-content-type-options`);
            if (headers['referrer-policy'] !== 'no-referrer') headerProblems.push(`${where}: referrer-policy`);
            if (headers['x-frame-options'] !== 'DENY') headerProblems.push(`${where}: x-frame-options`);
            if (new URL(response.url()).pathname.startsWith('/api/') && headers['cache-control'] !== 'no-store') headerProblems.push(`${where}: cache-control`);
          }),
        );
      });
      // The SW install happened before the listeners: load once more so the document is checked too.
      await page.reload();

      // This phone: enrolled with its own code, its user named with a template-injection string.
      await enrollFromWelcome(page, await api.enrollmentCode(cooperative.id));
      await createFirstUser(page, P.local, '246810');
      await syncNowAndWait(page);
      await goTo(page, '/anggota');
      await waitForHeading(page, 'Anggota');
      await page.getByText(P.member, { exact: true }).first().waitFor({ timeout: 30_000 });
      // Typed on the phone: a member whose name is markup.
      await addMember(page, { number: 'X-003', name: P.typed });

      const literal = async (text: string, where: string): Promise<void> => {
        // innerText is what is rendered on screen (hidden copies do not count), as characters.
        await expect.poll(() => page.locator('#root').innerText(), { message: `${where}: "${text}" shown as text`, timeout: 20_000 }).toContain(text);
      };
      const visit = async (path: string, shows: readonly string[] = []): Promise<void> => {
        await goTo(page, path);
        await page.locator('#root h1').first().waitFor();
        for (const text of shows) await literal(text, path);
        expect(await injected(page), `${path}: injected elements`).toBe(0);
      };

      await visit('/', []);
      await visit('/anggota', [P.member, P.member2, P.typed]);
      await visit(`/anggota/${m1}`, [P.member]);
      await visit(`/anggota/${m2}`, [P.member2]);
      await visit('/simpanan', []);
      await visit('/pinjaman', [P.member]);
      await visit(`/pinjaman/${loan}`, [P.member]);
      await visit('/kas', []);
      await visit('/koreksi', []);
      for (const entry of entries) {
        await visit(`/entri/${entry.id}`, [P.actor]);
        if (entry.lines.length > 0) await visit(`/kuitansi/${entry.id}`, []);
      }
      await visit(`/kuitansi/${entries[2]?.id ?? ''}`, [P.member]);
      await visit(`/kuitansi/${entries[7]?.id ?? ''}`, [P.memo]);
      await visit('/laporan', []);
      for (const slug of REPORT_SLUGS) await visit(`/laporan/${slug}`, slug === 'anggota' ? [P.member, P.member2, P.typed] : []);
      await visit('/laporan/laba-rugi', [P.account]);
      await visit('/tutup-buku', []);
      await visit('/sinkron', []);
      await visit('/pengaturan', []);
      await visit('/pengguna', [P.local]);
      await syncNowAndWait(page);

      // The district office: the cooperative's and the phones' names, the members in its reports.
      await page.goto(`${rig.server.url}/dinas`);
      await page.getByLabel('Nama pengguna').fill(rig.server.admin.username);
      await page.getByLabel('Kata sandi').fill(rig.server.admin.password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { level: 1, name: 'Koperasi di kabupaten' }).waitFor();
      await literal(P.cooperative, '/dinas');
      await literal(P.member2, '/dinas (village)');
      expect(await injected(page), '/dinas: injected elements').toBe(0);
      await page.goto(`${rig.server.url}/dinas/koperasi/${cooperative.id}`);
      await literal(P.device, '/dinas/koperasi');
      await page.getByLabel('Pilih laporan').selectOption('members');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await literal(P.member, '/dinas/koperasi members report');
      await literal(P.typed, '/dinas/koperasi members report');
      expect(await injected(page), '/dinas/koperasi: injected elements').toBe(0);

      await Promise.all(headerChecks);
      const pwned = await page.evaluate(() => (globalThis as unknown as XssGlobals).__pwned);
      expect(pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      expect(headerProblems).toEqual([]);
      expect(responses).toBeGreaterThan(10);
      console.info(`[xss-stored] ${String(responses)} responses checked for security headers, 0 dialogs, 0 CSP violations`);
    } finally {
      await context.close();
    }
  });
});
