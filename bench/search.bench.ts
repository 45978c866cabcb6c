/**
 * Member search on Anggota, per keystroke, at CPU ×4 — the "5 000 members, per keystroke,
 * ≤ 16 ms (one frame)" — without seeding the 100 000-entry history data.bench.ts needs for it:
 * by default the members-only data set (bench/support/members-only.ts: the same 5 000 members,
 * 10 000 entries, seeded in under a minute). `SETS=members,10000` adds the busy cooperative's first
 * 10 000 entries (1 200 members), as data.bench.ts.
 *
 * Typing `3179`, `4207`, `1286` one digit at a time, RUNS rounds, two ways interleaved round by round:
 * - synthetic (data.bench.ts `typeSearch`, the figure of sessions 1–2): the field's value set and
 *   `input` fired in the page → the next paint after the list changed;
 * - real keys (`typeKeys`): CDP key input, the keydown's timestamp → the next paint after the list
 *   changed, and the Event Timing duration of the keystroke (what INP counts).
 *
 *   npm run bench -- search        (SETS=members  RUNS=7)
 */
import type { Browser } from 'playwright-core';
import { goTo, unlock, waitForHeading } from '../tests/support/e2e-flows.ts';
import { addSearchRows, PIN, seed, typeKeys, typeSearch, type Keystroke } from './data.bench.ts';
import { busyCooperative } from './support/busy-cooperative.ts';
import { ensureBuild } from './support/build.ts';
import { cpuSample, launch, throttle } from './support/chromium.ts';
import { membersOnly } from './support/members-only.ts';
import { Results } from './support/results.ts';
import { serveBuild } from './support/server.ts';

const SETS = (process.env.SETS ?? 'members').split(',');
const RUNS = Number(process.env.RUNS ?? 7);
const CPU = 4;
const TYPED = ['3179', '4207', '1286'] as const;
async function measure(browser: Browser, url: string, set: string, results: Results): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
  await context.route('**/api/**', (route) => route.abort());
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const members = set === 'members';
    const seconds = await seed(context, url, members ? 0 : Number(set), members ? () => membersOnly() : busyCooperative);
    const label = members ? '5 000 members, members-only set (10 000 entries)' : `${Number(set).toLocaleString('en').replace(/,/g, ' ')} entries (busy cooperative)`;
    console.log(`seeded ${label} in ${seconds.toFixed(0)} s`);
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await unlock(page, PIN);
    await waitForHeading(page, 'Beranda');
    const { cdp } = await throttle(page, CPU);
    await goTo(page, '/anggota');
    await waitForHeading(page, 'Anggota');
    const field = page.locator('main input[type=search]');
    await field.waitFor();
    await page.locator('main li').first().waitFor();
    // One round of each to warm up (JIT, the rows' first render), not counted.
    await typeSearch(page, TYPED[0]);
    await field.fill('');
    await typeKeys(page, TYPED[0]);

    const synthetic: number[] = [];
    const keys: Keystroke[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const typed of TYPED) {
        await field.fill('');
        await page.waitForTimeout(200);
        const before = await cpuSample(cdp);
        synthetic.push(...(await typeSearch(page, typed)));
        cpu.push(((await cpuSample(cdp)).threadMs - before.threadMs) / typed.length);
        await field.fill('');
        await page.waitForTimeout(200);
        keys.push(...(await typeKeys(page, typed)));
      }
    }
    addSearchRows(results, `CPU ×${String(CPU)}, ${label}`, synthetic, keys, cpu);
    await page.close();
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  const results = new Results('search');
  try {
    for (const set of SETS) await measure(browser, server.url, set, results);
  } finally {
    results.save();
    await browser.close();
    await server.close();
  }
}

await main();
