/**
 * Member search on Anggota, per keystroke, at CPU ×4 — the issue's "5 000 members, per keystroke,
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
 *   BEFORE=/tmp/old-out/harness npm run bench -- search
 *       (also another commit's harness build — `git archive <commit> | tar -x -C /tmp/old`, then in
 *        /tmp/old with node_modules linked: `BENCH_OUT=/tmp/old-out node --import tsx -e
 *        "await (await import('./bench/support/build.ts')).ensureBuild('harness')"` — typed in the same
 *        browser round by round alternately with this tree's build)
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
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
/** A built harness directory of another commit (its own BENCH_OUT), measured alternately with this tree's. */
const BEFORE = process.env.BEFORE;
/** One Anggota page, seeded and unlocked, at CPU ×4, ready to be typed into. */
type SearchPage = { readonly label: string; readonly page: Page; readonly cdp: CDPSession; readonly synthetic: number[]; readonly keys: Keystroke[]; readonly cpu: number[] };

async function openSearch(browser: Browser, url: string, set: string, label: string): Promise<{ context: BrowserContext; search: SearchPage }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
  await context.route('**/api/**', (route) => route.abort());
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const members = set === 'members';
  const seconds = await seed(context, url, members ? 0 : Number(set), members ? () => membersOnly() : busyCooperative);
  console.log(`${label}: seeded in ${seconds.toFixed(0)} s`);
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
  return { context, search: { label, page, cdp, synthetic: [], keys: [], cpu: [] } };
}

/** One round: each word typed both ways (synthetic, then real keys), from an empty field. */
async function round(search: SearchPage): Promise<void> {
  const { page, cdp } = search;
  const field = page.locator('main input[type=search]');
  for (const typed of TYPED) {
    await field.fill('');
    await page.waitForTimeout(200);
    const before = await cpuSample(cdp);
    search.synthetic.push(...(await typeSearch(page, typed)));
    search.cpu.push(((await cpuSample(cdp)).threadMs - before.threadMs) / typed.length);
    await field.fill('');
    await page.waitForTimeout(200);
    search.keys.push(...(await typeKeys(page, typed)));
  }
}

/**
 * `before`: another build's URL (BEFORE=<a built harness directory>), measured in the same browser,
 * round by round alternately with this tree's build (which goes first alternates too), so both
 * see the same machine load.
 */
async function measure(browser: Browser, urls: readonly { label: string; url: string }[], set: string, results: Results): Promise<void> {
  const label = set === 'members' ? '5 000 members, members-only set (10 000 entries)' : `${Number(set).toLocaleString('en').replace(/,/g, ' ')} entries (busy cooperative)`;
  const opened: { context: BrowserContext; search: SearchPage }[] = [];
  try {
    for (const { label: which, url } of urls) opened.push(await openSearch(browser, url, set, which));
    const searches = opened.map((o) => o.search);
    for (let run = 0; run < RUNS; run++) {
      for (const search of run % 2 === 0 ? searches : [...searches].reverse()) await round(search);
    }
    for (const search of searches) {
      addSearchRows(results, `CPU ×${String(CPU)}, ${label}${urls.length > 1 ? `, ${search.label}` : ''}`, search.synthetic, search.keys, search.cpu);
    }
  } finally {
    for (const { context } of opened) await context.close();
  }
}

async function main(): Promise<void> {
  const servers = [{ label: 'this tree', server: await serveBuild(await ensureBuild('harness')) }];
  if (BEFORE !== undefined) servers.push({ label: `before (${BEFORE})`, server: await serveBuild(BEFORE) });
  const browser = await launch();
  const results = new Results('search');
  try {
    for (const set of SETS) await measure(browser, servers.map(({ label, server }) => ({ label, url: server.url })), set, results);
  } finally {
    results.save();
    await browser.close();
    for (const { server } of servers) await server.close();
  }
}

await main();
