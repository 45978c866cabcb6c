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
 *   changed, → the next paint after the field's `input` event (the typed character on screen), and
 *   the Event Timing duration of the keystroke (what INP counts).
 *
 * Beside the app, in the same browser at the same CPU ×4 and viewport and interleaved round by round,
 * the baseline: a bare `<input type="search">` page (bench/support/phone-page.ts: no app, no list,
 * its text echoed in one text node so the same stopwatch stops), and the rows "Lumbung ÷ bare
 * field" (per round, the median keystroke of each, paired). Each page is typed into with each
 * INPUT mode: `mouse` (unlock clicked, Playwright's mouse left over the page, as sessions 3–4) and
 * `touch` (unlock and field tapped; the mouse never enters the page, as on a phone).
 *
 *   npm run bench -- search        (SETS=members  RUNS=7  INPUT=mouse,touch;  CPU=6: throttled ×6, the
 *                                   slower phones; its rows go to search-cpu6.json, beside the ×4 ones)
 *   BEFORE=/tmp/old-out/harness npm run bench -- search
 *       (also another commit's harness build — `git archive <commit> | tar -x -C /tmp/old`, then in
 *        /tmp/old with node_modules linked: `BENCH_OUT=/tmp/old-out node --import tsx -e
 *        "await (await import('./bench/support/build.ts')).ensureBuild('harness')"` — typed in the same
 *        browser round by round alternately with this tree's build)
 */
import os from 'node:os';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { goTo, waitForHeading } from '../tests/support/e2e-flows.ts';
import { addSearchRows, PIN, seed, typeKeys, typeSearch, type Keystroke } from './data.bench.ts';
import { busyCooperative } from './support/busy-cooperative.ts';
import { ensureBuild } from './support/build.ts';
import { cpuSample, launch, throttle } from './support/chromium.ts';
import { membersOnly } from './support/members-only.ts';
import { CPU_RATE } from './support/cpu-rate.ts';
import { Results } from './support/results.ts';
import { BARE_FIELD_PATH, inputModes, offlinePhone, serveBareField, unlockedTab, type InputMode } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';

const SETS = (process.env.SETS ?? 'members').split(',');
const RUNS = Number(process.env.RUNS ?? 7);
const MODES = inputModes(process.env.INPUT);
/** CDP CPU throttling: ×4 unless `CPU=6` (support/cpu-rate.ts). */
const CPU = CPU_RATE;
const TYPED = ['3179', '4207', '1286'] as const;
/** A built harness directory of another commit (its own BENCH_OUT), measured alternately with this tree's. */
const BEFORE = process.env.BEFORE;
/** Event Timing reports nothing below 16 ms (data.bench.ts counts such a keystroke as 8 ms). */
const UNREPORTED = 8;

/** One page typed into at CPU ×4: Anggota of one build, or the bare field; per round, what each keystroke took. */
type SearchPage = {
  readonly build: string;
  readonly bare: boolean;
  readonly mode: InputMode;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly synthetic: number[][];
  readonly keys: Keystroke[][];
  readonly cpu: number[];
};

const FIELD = 'main input[type=search]';

/** Focuses the field the way `mode` says (a tap, or a click that leaves the mouse over it), then one word each way to warm up (JIT, first render), not counted. */
async function warmUp(page: Page, mode: InputMode): Promise<void> {
  await page.bringToFront();
  const field = page.locator(FIELD);
  await field.waitFor();
  if (mode === 'touch') await field.tap();
  await typeSearch(page, TYPED[0]);
  await field.fill('');
  await typeKeys(page, TYPED[0]);
}

/** Anggota in a new page of `context` (seeded), unlocked the way `mode` says, at CPU ×4. */
async function openAnggota(context: BrowserContext, url: string, build: string, mode: InputMode): Promise<SearchPage> {
  const page = await unlockedTab(context, url, PIN, mode);
  const { cdp } = await throttle(page, CPU);
  await goTo(page, '/anggota');
  await waitForHeading(page, 'Anggota');
  await page.locator('main li').first().waitFor();
  await warmUp(page, mode);
  return { build, bare: false, mode, page, cdp, synthetic: [], keys: [], cpu: [] };
}

/** The bare field in a new page of `context`, at CPU ×4; with `mouse` it is clicked, so the mouse stays over the page as in the app's `mouse` pages. */
async function openBare(context: BrowserContext, url: string, mode: InputMode): Promise<SearchPage> {
  const page = await context.newPage();
  await page.goto(`${url}${BARE_FIELD_PATH}`);
  const { cdp } = await throttle(page, CPU);
  if (mode === 'mouse') await page.locator(FIELD).click();
  await warmUp(page, mode);
  return { build: 'bare field', bare: true, mode, page, cdp, synthetic: [], keys: [], cpu: [] };
}

/**
 * Only the page typed into runs, and only it is throttled: every other page is frozen (CDP
 * Page.setWebLifecycleState, as Chrome freezes a background tab) at CPU ×1, and gets its CPU ×4
 * back for its own round. With all four pages throttled and running, four renderers were busy at
 * 35–50 % each on the two cores while one was measured, and every figure came out ~1.6–2× the
 * single page of data.bench.ts and of session 3's bench (same code, same machine).
 */
async function runAlone(search: SearchPage, all: readonly SearchPage[]): Promise<void> {
  for (const other of all) {
    if (other === search) continue;
    await other.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await other.cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  }
  await search.cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await search.cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
}

/** One round: each word typed both ways (synthetic, then real keys), from an empty field. */
async function round(search: SearchPage, all: readonly SearchPage[]): Promise<void> {
  const { page, cdp } = search;
  await runAlone(search, all);
  // Pages of one context are tabs of one window: only the front one is visible and gets frames.
  await page.bringToFront();
  const field = page.locator(FIELD);
  const synthetic: number[] = [];
  const keys: Keystroke[] = [];
  for (const typed of TYPED) {
    await field.fill('');
    await page.waitForTimeout(200);
    const before = await cpuSample(cdp);
    synthetic.push(...(await typeSearch(page, typed)));
    search.cpu.push(((await cpuSample(cdp)).threadMs - before.threadMs) / typed.length);
    await field.fill('');
    await page.waitForTimeout(200);
    keys.push(...(await typeKeys(page, typed)));
  }
  search.synthetic.push(synthetic);
  search.keys.push(keys);
}

const median = (values: readonly number[]): number => summarize(values).median;

/**
 * "Lumbung ÷ bare field": per round, the app page's median keystroke over the bare page's (same
 * input mode, typed in the same round), so both saw the same machine load.
 */
function addRatioRows(results: Results, profile: string, app: SearchPage, bare: SearchPage): void {
  const figures = [
    ['real key → painted', (s: SearchPage) => s.keys.map((round) => round.map((k) => k.painted))],
    ['real key → typed character painted', (s: SearchPage) => s.keys.map((round) => round.map((k) => k.echoed))],
    ['Event Timing duration (< 16 ms counted as 8)', (s: SearchPage) => s.keys.map((round) => round.map((k) => k.eventTiming ?? UNREPORTED))],
    ['synthetic input → painted', (s: SearchPage) => s.synthetic],
  ] as const;
  for (const [name, rounds] of figures) {
    const a = rounds(app);
    const b = rounds(bare);
    results.add({
      work: `member search ÷ bare <input type=search>: ${name}`,
      profile,
      unit: 'ms',
      lumbung: summarize(a.flat()),
      baseline: summarize(b.flat()),
      ratio: summarize(a.map((round, i) => median(round) / median(b[i] ?? []))),
      goal: '—',
      note: `ratio: median over ${String(a.length)} rounds of (app's median ÷ bare field's median in the same round); bare field p95 ${summarize(b.flat()).p95.toFixed(0)} ms`,
    });
  }
}

/**
 * Every build's Anggota (this tree; `before`: another build's URL, BEFORE=<a built harness
 * directory>) and the bare field, each with every input mode, typed into in the same browser round
 * by round alternately (the order reverses every round), so all see the same machine load.
 */
async function measure(browser: Browser, urls: readonly { label: string; url: string }[], set: string, results: Results): Promise<void> {
  const label = set === 'members' ? '5 000 members, members-only set (10 000 entries)' : `${Number(set).toLocaleString('en').replace(/,/g, ' ')} entries (busy cooperative)`;
  const contexts: BrowserContext[] = [];
  const searches: SearchPage[] = [];
  try {
    for (const { label: build, url } of urls) {
      const context = await offlinePhone(browser);
      contexts.push(context);
      const members = set === 'members';
      const seconds = await seed(context, url, members ? 0 : Number(set), members ? () => membersOnly() : busyCooperative);
      console.log(`${build}: seeded in ${seconds.toFixed(0)} s`);
      for (const mode of MODES) searches.push(await openAnggota(context, url, build, mode));
    }
    const bareContext = await offlinePhone(browser);
    contexts.push(bareContext);
    const origin = urls[0]?.url ?? '';
    await serveBareField(bareContext, origin);
    for (const mode of MODES) searches.push(await openBare(bareContext, origin, mode));
    for (let run = 0; run < RUNS; run++) {
      for (const search of run % 2 === 0 ? searches : [...searches].reverse()) await round(search, searches);
    }
    const profileOf = (search: SearchPage): string => {
      const build = urls.length > 1 ? `, ${search.build}` : '';
      // The mouse rows keep the profile of sessions 3–4, so the figures read on from theirs.
      const mode = search.mode === 'touch' ? ', touch (tapped; no mouse over the page)' : MODES.length > 1 ? ', mouse over the page (as sessions 3–4)' : '';
      return search.bare ? `CPU ×${String(CPU)}, bare <input type=search> (no app, no list)${mode}` : `CPU ×${String(CPU)}, ${label}${build}${mode}`;
    };
    for (const search of searches) addSearchRows(results, profileOf(search), search.synthetic.flat(), search.keys.flat(), search.cpu);
    for (const app of searches.filter((s) => !s.bare)) {
      const bare = searches.find((s) => s.bare && s.mode === app.mode);
      if (bare !== undefined) addRatioRows(results, profileOf(app), app, bare);
    }
  } finally {
    for (const context of contexts) await context.close();
  }
}

async function main(): Promise<void> {
  const servers = [{ label: 'this tree', server: await serveBuild(await ensureBuild('harness')) }];
  if (BEFORE !== undefined) servers.push({ label: `before (${BEFORE})`, server: await serveBuild(BEFORE) });
  const browser = await launch();
  const results = new Results('search', { cpuRate: CPU });
  const load = { start: os.loadavg() };
  console.log(`load average (1, 5, 15 min) at the start: ${load.start.map((l) => l.toFixed(2)).join(', ')}`);
  try {
    for (const set of SETS) await measure(browser, servers.map(({ label, server }) => ({ label, url: server.url })), set, results);
  } finally {
    results.info.loadAverage = { ...load, end: os.loadavg() };
    console.log(`load average (1, 5, 15 min) at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    results.save();
    await browser.close();
    for (const { server } of servers) await server.close();
  }
}

await main();
