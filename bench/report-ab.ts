/**
 * A report's first open after unlock in this tree against another commit's build, in the same
 * browser, alternating pair by pair: the data bench's report open (Laporan → the report's first
 * table row painted, `openReport`), each sample on a new tab of the build's own seeded store
 * (unlocked, Laporan opened, then the report), so every open is a first one (the page's read
 * caches are empty and its code is cold). A single first open is one sample per run of the data
 * bench, too few to judge a change by; here a change is judged pair by pair on the same machine load.
 *
 *   BEFORE=<another commit's built harness dir> [CPU=6] [OPENS=15] [REPORT=shu] node --import tsx bench/report-ab.ts [entries]
 *       (100000 by default; building another commit's harness: see bench/save-ab.ts)
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { openReport, PIN, seed } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { CPU_RATE } from './support/cpu-rate.ts';
import { offlinePhone, unlockedTab } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { pairedRatios, summarize, type Summary } from './support/stats.ts';

const OPENS = Number(process.env.OPENS ?? 15);
const REPORT = process.env.REPORT ?? 'shu';
const BEFORE = process.env.BEFORE;

type Build = { readonly label: string; readonly url: string; readonly context: BrowserContext; readonly opens: number[] };

async function seeded(browser: Browser, url: string, size: number, label: string): Promise<Build> {
  const context = await offlinePhone(browser);
  console.log(`${label}: seeded in ${(await seed(context, url, size)).toFixed(0)} s`);
  return { label, url, context, opens: [] };
}

/** A new tab, unlocked and throttled; the report opened once from Laporan; the tab closed. */
async function firstOpen(build: Build): Promise<void> {
  const page = await unlockedTab(build.context, build.url, PIN, 'touch');
  try {
    const { cdp } = await throttle(page, CPU_RATE);
    build.opens.push((await openReport(page, REPORT, cdp)).ms);
  } finally {
    await page.close();
  }
}

function describe(s: Summary, digits: number): string {
  const ci = s.medianCi;
  const interval = ci === undefined ? '' : `; ${(ci.coverage * 100).toFixed(1)} % CI ${ci.lo.toFixed(digits)}–${ci.hi.toFixed(digits)}`;
  return `${s.median.toFixed(digits)} (IQR ${s.q1.toFixed(digits)}–${s.q3.toFixed(digits)}${interval})`;
}

async function main(): Promise<void> {
  if (BEFORE === undefined) throw new Error('BEFORE=<another build’s harness dir> is required');
  const size = Number(process.argv[2] ?? 100_000);
  const servers = [await serveBuild(await ensureBuild('harness')), await serveBuild(BEFORE)];
  const browser = await launch();
  try {
    const mine = await seeded(browser, servers[0]?.url ?? '', size, 'this tree');
    const theirs = await seeded(browser, servers[1]?.url ?? '', size, `before (${BEFORE})`);
    // Alternating which build opens first in a pair, so neither always follows the other.
    for (let i = 0; i < OPENS; i++) {
      for (const build of i % 2 === 0 ? [mine, theirs] : [theirs, mine]) await firstOpen(build);
    }
    console.log(`\n${String(OPENS)} first opens of /laporan/${REPORT} after unlock each, CPU ×${String(CPU_RATE)}, ${size.toLocaleString('en')} entries; ms`);
    console.log('| build | median (IQR; interval) |\n|---|---|');
    for (const { label, opens } of [mine, theirs]) console.log(`| ${label} | ${describe(summarize(opens), 0)} |`);
    console.log(`| this tree ÷ before, pair by pair | ${describe(pairedRatios(mine.opens, theirs.opens), 2)} |`);
    console.log(`raw: ${JSON.stringify({ mine: mine.opens, before: theirs.opens })}`);
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

await main();
