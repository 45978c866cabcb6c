// Issue 5 end to end: phones and the district office. Real Chromium phones (each its own browser
// context: its own IndexedDB, keys and service worker) against the real server as `npm start`
// runs it; the office reads what arrived through its API and its /dinas pages.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateId, todayInJakarta } from '../../src/domain/dates.ts';

import {
  addMember,
  createFirstUser,
  enrollFromWelcome,
  goTo,
  openControlled,
  syncNowAndWait,
  waitForHeading,
} from '../support/e2e-flows.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

type MembersReport = {
  members: { number: string; name: string; status: string; savings: { pokok: number; wajib: number; sukarela: number } }[];
};

/** A fresh phone enrolled through the UI with a new code, its bendahara signed in, on Beranda. */
async function enrolledPhone(context: BrowserContext, code: string, deviceName: string, user: string): Promise<Page> {
  const page = await openControlled(context, rig.server.url, '/');
  page.setDefaultTimeout(20_000);
  await enrollFromWelcome(page, code, deviceName);
  await createFirstUser(page, user, '135790');
  await goTo(page, '/');
  await waitForHeading(page, 'Beranda');
  return page;
}

describe('phones and the district office', () => {
  it('A records offline and syncs; the office sees it; B receives it; a revoked A keeps its entry and says why', async () => {
    const { id: cooperativeId } = await rig.admin.createCooperative({ name: 'KSP Sumber Rejeki', village: 'Sukamaju', district: 'Malang' });
    const contexts: BrowserContext[] = [];
    const newContext = async () => {
      const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
      contexts.push(context);
      return context;
    };
    try {
      // Phone A enrolls online, then loses signal and records two members with their pokok.
      const contextA = await newContext();
      const phoneA = await enrolledPhone(contextA, await rig.admin.enrollmentCode(cooperativeId), 'HP A', 'Bu Siti');
      await contextA.setOffline(true);
      await addMember(phoneA, { number: 'S-01', name: 'Sri Wahyuni' });
      await addMember(phoneA, { number: 'S-02', name: 'Joko Susilo' });
      await goTo(phoneA, '/sinkron');
      await phoneA.getByText('4 catatan belum terkirim').waitFor();
      expect((await rig.admin.cooperative(cooperativeId)).cooperative.entries).toBe(0);

      // Signal again: everything reaches the server.
      await contextA.setOffline(false);
      await syncNowAndWait(phoneA);
      const afterA = await rig.admin.cooperative(cooperativeId);
      expect(afterA.cooperative).toMatchObject({ entries: 4, members: 2 });
      expect(afterA.cooperative.lastSyncAt).not.toBeNull();
      const members = await rig.admin.report<MembersReport>(cooperativeId, 'members', { asOf: todayInJakarta() });
      expect(members.members.map((m) => [m.number, m.name, m.status, m.savings.pokok]).sort()).toEqual([
        ['S-01', 'Sri Wahyuni', 'active', 50_000],
        ['S-02', 'Joko Susilo', 'active', 50_000],
      ]);

      // The office, in its own browser, logs in and sees the cooperative with its last sync and members.
      const office = await (await newContext()).newPage();
      office.setDefaultTimeout(20_000);
      await office.goto(`${rig.server.url}/dinas`);
      await office.getByLabel('Nama pengguna').fill(rig.server.admin.username);
      await office.getByLabel('Kata sandi').fill(rig.server.admin.password);
      await office.getByRole('button', { name: 'Masuk', exact: true }).click();
      const row = office.getByTestId('cooperative-row').filter({ has: office.getByRole('link', { name: 'KSP Sumber Rejeki' }) });
      await row.waitFor();
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).not.toContain('Belum pernah sinkron');
      expect(rowText).toMatch(new RegExp(`${formatDateId(todayInJakarta())} \\d{2}\\.\\d{2} WIB`));
      expect(rowText).toContain('Rp100.000');
      expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toContain('2');

      // Phone B enrolls with a new code and receives A's members.
      const contextB = await newContext();
      const phoneB = await enrolledPhone(contextB, await rig.admin.enrollmentCode(cooperativeId), 'HP B', 'Pak Joko');
      await syncNowAndWait(phoneB);
      await goTo(phoneB, '/anggota');
      await phoneB.getByText('2 anggota ditampilkan').waitFor();
      const listB = phoneB.getByRole('list', { name: 'Anggota' });
      expect(await listB.getByRole('link').allTextContents()).toEqual([
        'S-02Joko SusiloAktifTotal simpanan: Rp50.000',
        'S-01Sri WahyuniAktifTotal simpanan: Rp50.000',
      ]);

      // The office revokes phone A. A records one more member and tries to sync.
      const deviceA = (await rig.admin.cooperative(cooperativeId)).devices.find((device) => device.name === 'HP A');
      if (deviceA === undefined) throw new Error('phone A is not among the devices');
      await rig.admin.revokeDevice(deviceA.id);
      await addMember(phoneA, { number: 'S-03', name: 'Wayan Sudarsa' });
      await goTo(phoneA, '/sinkron');
      const revoked = phoneA.getByText('HP ini sudah dicabut aksesnya oleh Dinas Koperasi');
      // The save itself may already have started a sync that met the revocation (the button is
      // then disabled); otherwise the treasurer taps it. Either way the screen must say why.
      await Promise.race([revoked.waitFor({ timeout: 30_000 }), phoneA.getByRole('button', { name: 'Sinkronkan sekarang' }).click()]);
      await revoked.waitFor({ timeout: 30_000 });
      expect(await phoneA.getByText(/Semua catatan tetap tersimpan di HP dan tidak akan dihapus/).count()).toBe(1);
      // A keeps the new member and its pokok, unsent; the server has neither.
      expect(await phoneA.getByText('2 catatan belum terkirim').count()).toBe(1);
      expect((await rig.admin.cooperative(cooperativeId)).cooperative).toMatchObject({ entries: 4, members: 2 });
      await goTo(phoneA, '/anggota');
      await phoneA.getByText('3 anggota ditampilkan').waitFor();
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 170_000);
});
