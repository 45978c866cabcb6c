// Issue 6: storage faults in real Chromium (research/reliability.md §4.3, D8).
// A non-persistent (incognito-like) context: the app says its data is not protected and may be
// deleted by the browser, and it still records.
// A tiny quota: storage-quota.test.ts. Cleared site data: storage-cleared.test.ts.

import { describe, expect, it } from 'vitest';

import { goTo, openControlled, setUpTrialPhone, waitForSaved } from '../support/e2e-flows.ts';
import { typeSale } from './storage-flows.ts';
import { localCashAmounts } from './storage-page-idb.ts';
import { useAppServerAndBrowser } from '../support/e2e-rig.ts';

const rig = useAppServerAndBrowser();

describe('storage faults', () => {
  it('a non-persistent context: the app warns that the data is not protected, and still records', async () => {
    // browser.newContext() is Chromium's incognito-like context: storage is never persisted.
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openControlled(context, rig.server.url, '/');
      page.setDefaultTimeout(20_000);
      await setUpTrialPhone(page, { name: 'Bu Ani', pin: '135246' });
      await typeSale(page, '17.000');
      await waitForSaved(page);
      expect(await localCashAmounts(page)).toEqual([17_000]);

      await goTo(page, '/pengaturan');
      await page.getByTestId('storage-persisted').filter({ hasText: 'Belum dilindungi' }).waitFor();
      await page.getByText(/Data belum dilindungi: jika ruang penyimpanan HP penuh, browser boleh menghapusnya/).waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);
});
