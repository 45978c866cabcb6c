/**
 * A CPU profile of one interaction, for finding what a benchmark's figure is made of: seeds the
 * store (as data.bench.ts), unlocks, does the interaction once to warm up, then profiles it and
 * prints the functions with the most self time (CDP Profiler, CPU ×4).
 *
 *   node --import tsx bench/profile.ts save|search|shu [entries]
 */
import type { CDPSession, Page } from 'playwright-core';
import { goTo, unlock, waitForHeading } from '../tests/support/e2e-flows.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { serveBuild } from './support/server.ts';
import { openShopSale, PIN, seed, tapUntil, typeSearch } from './data.bench.ts';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };

async function profiled(cdp: CDPSession, work: () => Promise<unknown>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = profile.nodes as ProfileNode[];
  const total = nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  for (const n of nodes) {
    const where = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${String(n.callFrame.lineNumber)}`;
    self.set(where, (self.get(where) ?? 0) + (n.hitCount ?? 0));
  }
  for (const [where, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${where}`);
  }
}

async function main(): Promise<void> {
  const [what = 'save', size = '10000'] = process.argv.slice(2);
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/api/**', (route) => route.abort());
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await seed(context, server.url, Number(size));
    const page: Page = await context.newPage();
    await page.goto(`${server.url}/`);
    await unlock(page, PIN);
    await waitForHeading(page, 'Beranda');
    const { cdp } = await throttle(page, 4);
    if (what === 'save') {
      await openShopSale(page);
      console.log('warm-up save', await tapUntil(page, 'Simpan penjualan', 'Tersimpan'));
      await openShopSale(page);
      await profiled(cdp, async () => console.log('profiled save', await tapUntil(page, 'Simpan penjualan', 'Tersimpan')));
    } else if (what === 'shu') {
      // Opened once (the ledger is read into memory on the first open), then profiled from Laporan.
      for (const profile of [false, true]) {
        await goTo(page, '/laporan');
        await waitForHeading(page, 'Laporan');
        const open = async () => {
          const t0 = Date.now();
          await goTo(page, '/laporan/shu');
          await page.locator('main table tbody tr').first().waitFor();
          return Date.now() - t0;
        };
        if (profile) await profiled(cdp, async () => console.log('profiled', await open()));
        else console.log('warm-up', await open());
      }
    } else {
      await goTo(page, '/anggota');
      await page.locator('main input[type=search]').waitFor();
      console.log('warm-up', await typeSearch(page, '3179'));
      await page.locator('main input[type=search]').fill('');
      await page.waitForTimeout(300);
      await profiled(cdp, async () => console.log('profiled', await typeSearch(page, '4207')));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
