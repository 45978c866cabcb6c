// What a treasurer does with her fingers, as Playwright steps against the built app in real
// Chromium: open the app until the service worker controls it, try the app or enroll, create the
// first user, unlock, move between screens, fill the forms. Every step waits for the app's own
// answer on screen (accessible names, "Tersimpan"), never for a fixed time.
import type { BrowserContext, Page } from 'playwright-core';

/** The few page globals these helpers read inside `page.evaluate` (this file has no DOM lib). */
type HistoryGlobals = {
  readonly history: { pushState(data: null, unused: string, url: string): void };
  readonly location: { readonly pathname: string; readonly search: string };
  dispatchEvent(event: object): boolean;
  readonly PopStateEvent: new (type: string) => object;
  readonly navigator: { readonly serviceWorker: { readonly controller: object | null } };
};

/** Opens `route` in a new tab and waits until the service worker controls the page (first install). */
export async function openControlled(context: BrowserContext, baseUrl: string, route = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${route}`);
  await page.waitForFunction(() => (globalThis as unknown as HistoryGlobals).navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  return page;
}

/** The page's first heading once it has this text (the screens' h1 is their title). */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).first().waitFor();
}

/**
 * In-app navigation to `path`, as the app's own links do (history.pushState + the router's
 * popstate listener): no page load, so the signed-in session (kept in memory only, by design)
 * stays. A `page.goto` would be a reload, which locks the app.
 */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    const win = globalThis as unknown as HistoryGlobals;
    win.history.pushState(null, '', target);
    win.dispatchEvent(new win.PopStateEvent('popstate'));
  }, path);
}

/**
 * Opens a form's screen with nothing left over from an earlier visit: a screen keeps its state
 * (the last "Tersimpan", its receipt link) while the path stays the same, so when the page is
 * already there it goes by Beranda first and the form mounts afresh.
 */
export async function openFresh(page: Page, path: string): Promise<void> {
  const here = await page.evaluate(() => {
    const { pathname, search } = (globalThis as unknown as HistoryGlobals).location;
    return pathname + search;
  });
  if (here.split('?')[0] === path.split('?')[0]) {
    await goTo(page, '/');
    await waitForHeading(page, 'Beranda');
  }
  await goTo(page, path);
}

/** The welcome screen's "try without enrolling": local-only mode. */
export async function startTrial(page: Page): Promise<void> {
  await waitForHeading(page, 'Selamat datang di Lumbung');
  await page.getByRole('button', { name: /Coba dulu tanpa mendaftar/ }).click();
  await waitForHeading(page, 'Buat pengguna pertama');
}

/** From the welcome screen: "Daftarkan HP ini", the code, the server address as prefilled. */
export async function enrollFromWelcome(page: Page, code: string, deviceName = 'HP Bendahara'): Promise<void> {
  await waitForHeading(page, 'Selamat datang di Lumbung');
  await page.getByRole('button', { name: /Daftarkan HP ini/ }).click();
  await waitForHeading(page, 'Daftarkan HP ini');
  await page.getByLabel('Kode pendaftaran').fill(code);
  const name = page.getByLabel('Nama HP ini');
  await name.fill(deviceName);
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  // Enrolled: the gate moves on to the first user by itself.
  await waitForHeading(page, 'Buat pengguna pertama');
}

/** The first user, always a bendahara, then the app opens on the current path. */
export async function createFirstUser(page: Page, name: string, pin: string): Promise<void> {
  await waitForHeading(page, 'Buat pengguna pertama');
  await page.getByLabel('Nama', { exact: true }).fill(name);
  await page.getByLabel('PIN (6 angka)').fill(pin);
  await page.getByLabel('Ulangi PIN').fill(pin);
  await page.getByRole('button', { name: 'Simpan dan masuk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Buat pengguna pertama' }).waitFor({ state: 'detached' });
}

/** The lock screen with one user on the phone: the PIN, then "Buka". */
export async function unlock(page: Page, pin: string): Promise<void> {
  await waitForHeading(page, 'Lumbung terkunci');
  await page.getByLabel('PIN (6 angka)').fill(pin);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Lumbung terkunci' }).waitFor({ state: 'detached' });
}

/** A fresh phone in trial mode with its bendahara signed in, on Beranda. */
export async function setUpTrialPhone(page: Page, user: { name: string; pin: string }): Promise<void> {
  await startTrial(page);
  await createFirstUser(page, user.name, user.pin);
  await goTo(page, '/');
  await waitForHeading(page, 'Beranda');
}

/** Waits for the shared save feedback ("Tersimpan") that appears only after the commit resolved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.getByText('Tersimpan', { exact: true }).first().waitFor();
}

export type NewMember = { readonly number: string; readonly name: string; readonly phone?: string };

/** Anggota → "Tambah anggota", the simpanan pokok ticked (the default), in cash. */
export async function addMember(page: Page, member: NewMember): Promise<void> {
  await goTo(page, '/anggota');
  await page.getByRole('link', { name: 'Tambah anggota' }).click();
  await waitForHeading(page, 'Anggota baru');
  await page.getByLabel('Nomor anggota').fill(member.number);
  await page.getByLabel('Nama lengkap').fill(member.name);
  if (member.phone !== undefined) await page.getByLabel('Nomor HP (boleh dikosongkan)').fill(member.phone);
  const save = page.getByRole('button', { name: 'Simpan anggota' });
  // click() waits until the button is enabled: the settings (the pokok amount) are read and the
  // number is known to be free.
  await save.click();
  await page.getByText(`${member.name} tersimpan sebagai anggota.`).waitFor();
}

/** Simpanan wajib for this month from every active member who has not paid yet. */
export async function collectWajibForAll(page: Page, expectedCount: number): Promise<void> {
  await goTo(page, '/simpanan/wajib');
  await page.getByText(`${String(expectedCount)} anggota aktif belum membayar wajib bulan ini.`).waitFor();
  await page.getByRole('button', { name: 'Pilih semua' }).click();
  await page.getByRole('button', { name: `Simpan ${String(expectedCount)} setoran wajib` }).click();
  await page.getByText(`Tersimpan ${String(expectedCount)} dari ${String(expectedCount)}`).waitFor();
  await page.getByText('Semua anggota aktif sudah membayar wajib bulan ini.').waitFor();
}

/** Picks a member in the shared MemberPicker by typing part of the name. */
export async function pickMember(page: Page, search: string, name: string): Promise<void> {
  await page.getByLabel('Cari anggota (nama atau nomor)').fill(search);
  await page.getByRole('button', { name: new RegExp(escapeRegExp(name)) }).first().click();
}

export type LoanTerms = {
  readonly memberSearch: string;
  readonly memberName: string;
  readonly principal: string;
  readonly months: string;
  readonly ratePercent: string;
  readonly adminFee: string;
};

/** Pinjaman baru: member, terms; saves in cash. Returns the loan's path (`/pinjaman/<id>`). */
export async function disburseLoan(page: Page, terms: LoanTerms): Promise<string> {
  await openFresh(page, '/pinjaman/baru');
  await pickMember(page, terms.memberSearch, terms.memberName);
  await fillAfterClear(page, 'Pokok pinjaman', terms.principal);
  await fillAfterClear(page, 'Lama pinjaman (bulan)', terms.months);
  await fillAfterClear(page, 'Bunga per bulan (%)', terms.ratePercent);
  await fillAfterClear(page, 'Biaya administrasi (dipotong saat pencairan)', terms.adminFee);
  const save = page.getByRole('button', { name: 'Simpan pencairan' });
  await save.click();
  await waitForSaved(page);
  const href = await page.getByRole('link', { name: 'Buka pinjaman' }).getAttribute('href');
  if (href === null) throw new Error('no link to the loan after the disbursal');
  return href;
}

/** Pembayaran angsuran on the loan: the money received, the suggested split as it comes. */
export async function repayLoan(page: Page, loanPath: string, received: string): Promise<void> {
  await openFresh(page, `${loanPath}/bayar`);
  await waitForHeading(page, 'Pembayaran angsuran');
  await fillAfterClear(page, 'Uang diterima', received);
  const save = page.getByRole('button', { name: 'Simpan pembayaran' });
  await save.click();
  await waitForSaved(page);
}

/** Kas dan gerai → Penjualan gerai, in cash. */
export async function recordShopSale(page: Page, amount: string): Promise<void> {
  await openFresh(page, '/kas');
  await page.getByLabel('Penjualan gerai').click();
  const form = page.getByRole('form', { name: 'Penjualan gerai' });
  await form.getByLabel('Jumlah').fill(amount);
  const save = form.getByRole('button', { name: 'Simpan penjualan' });
  await save.click();
  await waitForSaved(page);
}

/** Reverses the entry shown at /entri/<id> with a reason, confirming the dialog. */
export async function reverseEntry(page: Page, entryId: string, reason: string): Promise<void> {
  await openFresh(page, `/entri/${entryId}`);
  await page.getByRole('button', { name: 'Batalkan entri ini' }).click();
  await page.getByLabel('Alasan pembatalan').fill(reason);
  const save = page.getByRole('button', { name: 'Simpan pembatalan' });
  await save.click();
  await page.getByRole('alertdialog', { name: 'Batalkan catatan ini?' }).getByRole('button', { name: 'Ya, batalkan' }).click();
  await page.getByText('Catatan sudah dibatalkan.').waitFor();
}

/** The entry id a "Lihat kuitansi" link on screen points to (`/kuitansi/<id>`). */
export async function receiptEntryId(page: Page, linkName = 'Lihat kuitansi'): Promise<string> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  const id = href?.match(/^\/kuitansi\/([0-9a-f-]{36})$/)?.[1];
  if (id === undefined) throw new Error(`no receipt link named ${linkName} (href ${String(href)})`);
  return id;
}

async function fillAfterClear(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.fill(value);
}

/**
 * The trimmed texts of every cell of the first table row with a cell reading exactly `label`
 * (a code, a name, a total's label): how a treasurer reads one line of a report.
 */
export async function rowCells(page: Page, label: string): Promise<string[]> {
  if (label.includes('"')) throw new Error('row labels are plain text');
  const row = page.locator(`xpath=//tr[td[normalize-space(.)="${label}"] or th[normalize-space(.)="${label}"]]`).first();
  if ((await row.count()) === 0) return [];
  return (await row.locator('td, th').allTextContents()).map((text) => text.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The district office's API as a script uses it (a bearer token from /admin/login): what the
 * sync tests need to set up cooperatives, hand out codes, revoke a phone and read what arrived.
 */
export type AdminApi = {
  createCooperative(body: { name: string; village: string; district: string }): Promise<{ id: string }>;
  enrollmentCode(cooperativeId: string): Promise<string>;
  cooperative(cooperativeId: string): Promise<AdminCooperative>;
  revokeDevice(deviceId: string): Promise<void>;
  report<T>(cooperativeId: string, report: string, query?: Record<string, string>): Promise<T>;
};

export type AdminCooperative = {
  readonly cooperative: { readonly id: string; readonly entries: number; readonly members: number; readonly lastSyncAt: string | null };
  readonly devices: readonly { readonly id: string; readonly name: string; readonly status: 'active' | 'revoked' }[];
};

export async function adminApi(baseUrl: string, admin: { username: string; password: string }): Promise<AdminApi> {
  const login = await fetch(`${baseUrl}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!login.ok) throw new Error(`admin login answered ${String(login.status)}`);
  const { token } = (await login.json()) as { token: string };
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${String(response.status)}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    createCooperative: async (body) => (await call<{ cooperative: { id: string } }>('POST', '/admin/cooperatives', body)).cooperative,
    enrollmentCode: async (id) => (await call<{ code: string }>('POST', `/admin/cooperatives/${id}/enrollment-codes`, {})).code,
    cooperative: (id) => call<AdminCooperative>('GET', `/admin/cooperatives/${id}`),
    revokeDevice: async (deviceId) => {
      await call<object>('POST', `/admin/devices/${deviceId}/revoke`, {});
    },
    report: (id, report, query = {}) => call('GET', `/cooperatives/${id}/reports/${report}?${new URLSearchParams(query).toString()}`),
  };
}

/** Sinkron → "Sinkronkan sekarang", then waits until the screen says every entry was sent. */
export async function syncNowAndWait(page: Page): Promise<void> {
  await goTo(page, '/sinkron');
  await waitForHeading(page, 'Sinkron');
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  await page.getByText('Semua catatan sudah terkirim.').waitFor({ timeout: 30_000 });
}
