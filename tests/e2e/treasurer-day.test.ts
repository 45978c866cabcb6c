// Issue 4 end to end: a treasurer's day on a fresh phone, in real Chromium against the built app
// as `npm start` serves it, with no network from the moment the service worker is installed.
// Every number below is what the forms recorded, read back from the screens the treasurer reads.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../src/domain/dates.ts';

import {
  addMember,
  adminApi,
  collectWajibForAll,
  disburseLoan,
  goTo,
  openControlled,
  receiptEntryId,
  recordShopSale,
  repayLoan,
  reverseEntry,
  rowCells,
  setUpTrialPhone,
  syncNowAndWait,
  unlock,
  waitForHeading,
} from '../support/e2e-flows.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

const TREASURER = { name: 'Bu Siti', pin: '246810' };
const MEMBERS = [
  { number: 'A-001', name: 'Siti Aminah' },
  { number: 'A-002', name: 'Budi Santoso' },
  { number: 'A-003', name: 'Dewi Lestari' },
] as const;

/** Beranda's "Uang hari ini": the balance shown next to a via's label. */
async function homeBalance(page: Page, label: string): Promise<string> {
  const cash = page.getByTestId('home-cash');
  return (await cash.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]').textContent()) ?? '';
}

/** Opens a report from the Laporan list (a real link tap) and waits for its title. */
async function openReport(page: Page, name: string): Promise<void> {
  await goTo(page, '/laporan');
  await waitForHeading(page, 'Laporan');
  await page.getByRole('link', { name, exact: true }).click();
  await waitForHeading(page, name);
}

describe('a treasurer’s day, offline from the start', () => {
  it('trial mode, members, wajib, a loan and its repayment, a shop sale, a reversal, the receipt, every report, a reload; then enrolling keeps it all', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openControlled(context, rig.server.url, '/');
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await context.setOffline(true);

      // The phone starts in trial mode; the bendahara picks her PIN.
      await setUpTrialPhone(page, TREASURER);
      expect(await page.getByText('Mode coba — belum terhubung ke Dinas').count()).toBe(1);
      expect(await page.getByTestId('online-badge').textContent()).toContain('Luring');

      // Three members, each paying the simpanan pokok (Rp50.000, the default) at the door.
      for (const member of MEMBERS) await addMember(page, member);
      // The month's wajib (Rp20.000, the default) for all three at once.
      await collectWajibForAll(page, 3);
      // The shop's sales of the day.
      await recordShopSale(page, '250.000');
      // A loan of Rp400.000 over 5 months at 1,5 % flat, Rp4.000 fee deducted: Rp396.000 paid out.
      const loanPath = await disburseLoan(page, {
        memberSearch: 'Budi',
        memberName: 'Budi Santoso',
        principal: '400.000',
        months: '5',
        ratePercent: '1,5',
        adminFee: '4.000',
      });
      expect(loanPath).toMatch(/^\/pinjaman\/[0-9a-f-]{36}$/);
      // The first installment: Rp80.000 principal + Rp6.000 interest.
      await repayLoan(page, loanPath, '86.000');
      const repaymentId = await receiptEntryId(page);
      // A sale typed twice by mistake, then reversed with a reason.
      await recordShopSale(page, '52.000');
      const mistakeId = await receiptEntryId(page);
      await reverseEntry(page, mistakeId, 'Tercatat dua kali');
      expect(await page.getByTestId('reversed-note').textContent()).toContain('Alasan: Tercatat dua kali');

      // The original stays visible, marked as reversed.
      await goTo(page, `/entri/${mistakeId}`);
      await page.getByTestId('reversed-note').waitFor();
      expect(await page.getByTestId('reversed-note').textContent()).toContain('Dibatalkan oleh Bu Siti');

      // The repayment's receipt: number, amount, terbilang, and a print button.
      await goTo(page, `/kuitansi/${repaymentId}`);
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      const receiptText = (await receipt.textContent()) ?? '';
      expect(receiptText).toContain('A-002 Budi Santoso');
      expect(receiptText).toContain('Rp86.000');
      expect(receiptText).toContain('Terbilang: delapan puluh enam ribu rupiah');
      expect(receiptText).toMatch(/No\. kuitansi: \d{4}\/[0-9A-F]{4}\/\d{5}/);
      expect(await page.getByRole('button', { name: 'Cetak' }).isEnabled()).toBe(true);

      // Cash in the box: 3 × 50.000 + 3 × 20.000 + 250.000 − 396.000 + 86.000 (the reversed sale counts for nothing).
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');
      await expect.poll(() => homeBalance(page, 'Kas tunai')).toBe('Rp150.000');
      expect(await homeBalance(page, 'Bank')).toBe('Rp0');
      expect(await homeBalance(page, 'QRIS')).toBe('Rp0');

      // Every report. Neraca: cash 150.000 + loan receivable 320.000 = pokok 150.000 + wajib
      // 60.000 + this year's SHU 260.000 (interest 6.000 + fee 4.000 + sales 250.000).
      await openReport(page, 'Neraca');
      await expect.poll(() => rowCells(page, 'Jumlah aset')).toContain('Rp470.000');
      // A table's rows past its first frame come once that frame is painted (ReportTable FIRST_FRAME_ROWS).
      await expect.poll(() => rowCells(page, '3-130')).toContain('Rp260.000');
      expect(await rowCells(page, '1-101')).toEqual(['1-101', 'Kas', 'Aset', 'Rp150.000']);
      expect(await rowCells(page, '1-110')).toContain('Rp320.000');
      expect(await rowCells(page, '3-101')).toContain('Rp150.000');
      expect(await rowCells(page, '3-102')).toContain('Rp60.000');
      expect(await rowCells(page, '3-130')).toContain('Rp260.000');
      expect(await rowCells(page, 'Jumlah kewajiban')).toContain('Rp0');
      expect(await rowCells(page, 'Jumlah ekuitas')).toContain('Rp470.000');
      expect(await rowCells(page, 'Jumlah kewajiban dan ekuitas')).toContain('Rp470.000');

      await openReport(page, 'Perhitungan hasil usaha (laba rugi)');
      await expect.poll(() => rowCells(page, 'Sisa hasil usaha (SHU)')).toContain('Rp260.000');
      expect(await rowCells(page, '4-101')).toContain('Rp6.000');
      expect(await rowCells(page, '4-102')).toContain('Rp4.000');
      expect(await rowCells(page, '4-110')).toContain('Rp250.000');
      expect(await rowCells(page, 'Jumlah beban')).toContain('Rp0');

      await openReport(page, 'Buku kas');
      await expect.poll(() => rowCells(page, 'Saldo akhir')).toEqual(['', 'Saldo akhir', '', 'Rp546.000', 'Rp396.000', 'Rp150.000']);
      // Nine money movements; the mistaken sale and its reversal are not among them.
      expect(await page.locator('tbody tr').count()).toBe(10);

      await openReport(page, 'Daftar anggota dan simpanan');
      await expect.poll(() => rowCells(page, 'Jumlah (3)')).toEqual(['', 'Jumlah (3)', '', 'Rp150.000', 'Rp60.000', 'Rp0', 'Rp320.000']);
      expect(await rowCells(page, 'A-002')).toEqual(['A-002', 'Budi Santoso', 'Aktif', 'Rp50.000', 'Rp20.000', 'Rp0', 'Rp320.000']);

      await openReport(page, 'Daftar pinjaman (kolektibilitas)');
      await expect.poll(() => rowCells(page, 'A-002 Budi Santoso')).toContain('Rp320.000');
      expect(await rowCells(page, 'A-002 Budi Santoso')).toEqual(expect.arrayContaining(['Rp400.000', 'Rp6.000', '0', 'Lancar']));

      await openReport(page, 'Jadwal angsuran');
      await expect.poll(() => rowCells(page, '5')).toEqual(expect.arrayContaining(['Rp80.000', 'Rp6.000', 'Rp86.000', 'Rp0']));
      expect(await rowCells(page, 'Jumlah')).toEqual(expect.arrayContaining(['Rp400.000', 'Rp30.000', 'Rp430.000']));

      await openReport(page, 'Pembagian SHU');
      const year = todayInJakarta().slice(0, 4);
      await page.getByLabel('Tahun buku').fill(year);
      // 40 % of Rp260.000 to the reserve, 20 % to members for their capital, 5 % to each fund.
      await expect.poll(() => rowCells(page, 'Cadangan')).toEqual(['Cadangan', '40%', 'Rp104.000']);
      expect(await rowCells(page, 'Jasa modal (simpanan)')).toEqual(['Jasa modal (simpanan)', '20%', 'Rp52.000']);
      expect(await rowCells(page, 'Dana sosial')).toEqual(['Dana sosial', '5%', 'Rp13.000']);

      await openReport(page, 'Catatan untuk diperiksa');
      await page.getByText('Belum ada data untuk periode ini.').waitFor();

      // Reload, still offline: the app comes back from the precache, locked, showing no data.
      await page.reload();
      await waitForHeading(page, 'Lumbung terkunci');
      expect(await page.locator('#root').textContent()).not.toContain('Rp');
      await unlock(page, TREASURER.pin);
      await waitForHeading(page, 'Catatan untuk diperiksa');

      await goTo(page, '/');
      await expect.poll(() => homeBalance(page, 'Kas tunai')).toBe('Rp150.000');
      expect(await page.getByTestId('home-outbox').textContent()).toContain('14 entri tersimpan di HP ini saja.');
      await goTo(page, '/anggota');
      await page.getByText('3 anggota ditampilkan').waitFor();
      const list = page.getByRole('list', { name: 'Anggota' });
      // Listed by name, each with pokok + wajib.
      expect(await list.getByRole('link').allTextContents()).toEqual([
        'A-002Budi SantosoAktifTotal simpanan: Rp70.000',
        'A-003Dewi LestariAktifTotal simpanan: Rp70.000',
        'A-001Siti AminahAktifTotal simpanan: Rp70.000',
      ]);

      // Evening, signal again: the trial phone enrolls with the office's code from the trial strip,
      // keeps every entry, and the server's balance sheet agrees with the phone's to the rupiah.
      await context.setOffline(false);
      const api = await adminApi(rig.server.url, rig.server.admin);
      const { id: cooperativeId } = await api.createCooperative({ name: 'KSP Makmur Jaya', village: 'Sidomulyo', district: 'Sleman' });
      const code = await api.enrollmentCode(cooperativeId);
      await page.getByRole('link', { name: 'Daftarkan', exact: true }).click();
      await waitForHeading(page, 'Pendaftaran HP');
      await page.getByLabel('Kode pendaftaran').fill(code);
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByText('HP ini sudah terdaftar di KSP Makmur Jaya.').first().waitFor();
      await page.getByText('14 catatan dari mode coba kini tercatat atas nama koperasi ini dan akan dikirim ke Dinas.').first().waitFor();
      await syncNowAndWait(page);
      expect((await api.cooperative(cooperativeId)).cooperative).toMatchObject({ entries: 14, members: 3 });
      const sheet = await api.report<{ totals: { assets: number; liabilities: number; equity: number } }>(cooperativeId, 'balance-sheet', {
        asOf: todayInJakarta(),
      });
      expect(sheet.totals).toEqual({ assets: 470_000, liabilities: 0, equity: 470_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 150_000);
});
