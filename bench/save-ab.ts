/**
 * This tree's save against another commit's, in the same browser, alternating save by save: the
 * data bench's save (a shop sale on Kas, tap → "Tersimpan" painted, CPU ×4, the busy cooperative's
 * store), each build in its own context seeded alike. Runs one after the other differ by more than
 * a change to the save is worth (p95 of 20 saves 42–80 ms over four runs of the same code, session 5), so a
 * change is judged here, pair by pair, on the same machine load.
 *
 *   BEFORE=<another commit's built harness dir> node --import tsx bench/save-ab.ts [entries]
 *       (100000 by default; SAVES=40 per build; INPUT=touch|mouse as data.bench.ts. To build
 *        another commit: `git archive <commit> | tar -x -C /tmp/old`, node_modules linked, then
 *        in /tmp/old `BENCH_OUT=/tmp/old-out node --import tsx -e "await (await
 *        import('./bench/support/build.ts')).ensureBuild('harness')"`; BEFORE=/tmp/old-out/harness)
 *   FIRST=1: the first save after unlock instead, SAVES pairs of it: each sample is a new tab (the
 *       previous one closed) on the same seeded store, unlocked,
 *       Kas opened, the amount typed, one save. FIRST=context: each sample in a new browser
 *       context seeded afresh (nothing of an earlier sample kept; slow: use 10000 entries).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openShopSale, PIN, seed, tapUntil, typingDone } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { inputModes, offlinePhone, unlockedTab } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';

const SAVES = Number(process.env.SAVES ?? 40);
const [INPUT = 'touch'] = inputModes(process.env.INPUT ?? 'touch');
const BEFORE = process.env.BEFORE;
const FIRST = process.env.FIRST === '1' || process.env.FIRST === 'context';
const FRESH_CONTEXT = process.env.FIRST === 'context';

type Saving = { readonly label: string; readonly url: string; readonly size: number; context: BrowserContext; page: Page; readonly saves: number[] };

/** A new tab on the phone's store, unlocked, on Beranda, throttled. */
async function throttledTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await unlockedTab(context, url, PIN, INPUT);
  await throttle(page, 4);
  return page;
}

async function openKas(browser: Browser, url: string, size: number, label: string): Promise<Saving> {
  const context = await offlinePhone(browser);
  console.log(`${label}: seeded in ${(await seed(context, url, size)).toFixed(0)} s`);
  const page = await throttledTab(context, url);
  if (!FIRST) {
    // The first save after unlock, not counted (the data bench reports it on its own).
    await openShopSale(page, INPUT);
    await tapUntil(page, 'Simpan penjualan', 'Tersimpan');
  }
  return { label, url, size, context, page, saves: [] };
}

/** One save on Kas: the form opened, the amount typed, the button tapped. */
async function saveOnce(saving: Saving): Promise<void> {
  if (FRESH_CONTEXT) {
    const browser = saving.context.browser();
    await saving.context.close();
    if (browser === null) throw new Error('the context has no browser');
    saving.context = await offlinePhone(browser);
    await seed(saving.context, saving.url, saving.size);
    saving.page = await throttledTab(saving.context, saving.url);
  } else if (FIRST) {
    await saving.page.close();
    saving.page = await throttledTab(saving.context, saving.url);
  }
  await saving.page.bringToFront();
  await openShopSale(saving.page, INPUT);
  await typingDone(saving.page);
  saving.saves.push(await tapUntil(saving.page, 'Simpan penjualan', 'Tersimpan'));
}

async function main(): Promise<void> {
  if (BEFORE === undefined) throw new Error('BEFORE=<another build’s harness dir> is required');
  const size = Number(process.argv[2] ?? 100_000);
  const servers = [await serveBuild(await ensureBuild('harness')), await serveBuild(BEFORE)];
  const browser = await launch();
  try {
    const [mine, theirs] = [await openKas(browser, servers[0]?.url ?? '', size, 'this tree'), await openKas(browser, servers[1]?.url ?? '', size, `before (${BEFORE})`)];
    // Pairs in alternating order (this tree first, then the other first), so neither always runs
    // right after the other's save.
    for (let i = 0; i < SAVES; i++) {
      for (const saving of i % 2 === 0 ? [mine, theirs] : [theirs, mine]) await saveOnce(saving);
    }
    console.log(`\n${String(SAVES)} ${FRESH_CONTEXT ? 'first saves after unlock (a new context, seeded, each)' : FIRST ? 'first saves after unlock (a new tab each)' : 'saves'} each at CPU ×4, ${size.toLocaleString('en')} entries, ${INPUT}; ms`);
    console.log('| build | median (IQR) | p95 | mean |\n|---|---|---|---|');
    for (const { label, saves } of [mine, theirs]) {
      const s = summarize(saves);
      console.log(`| ${label} | ${s.median.toFixed(1)} (${s.q1.toFixed(1)}–${s.q3.toFixed(1)}) | ${s.p95.toFixed(1)} | ${(saves.reduce((a, b) => a + b, 0) / saves.length).toFixed(1)} |`);
    }
    const differences = mine.saves.map((ms, i) => ms - (theirs.saves[i] ?? Number.NaN));
    const d = summarize(differences);
    console.log(`| this tree − before, pair by pair | ${d.median.toFixed(1)} (${d.q1.toFixed(1)}–${d.q3.toFixed(1)}) | | ${(differences.reduce((a, b) => a + b, 0) / differences.length).toFixed(1)} |`);
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

await main();
