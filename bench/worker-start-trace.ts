/**
 * What starting the service worker costs the morning's first open: a Chrome trace of the app opened
 * offline on the lock screen with every worker stopped before (as a phone stops an idle one), and on
 * the worker's thread the evaluation of sw.js — compiling it (from V8's code cache) and running its
 * top level — which the navigation waits for. The page is at CPU ×4; the worker's thread is not
 * (Chromium refuses `Emulation.setCPUThrottlingRate` on a worker's target: "only supported for
 * pages"), so these are the worker's unthrottled times. Alternately with another build (BEFORE),
 * each its own installed phone.
 *
 *   node --import tsx bench/worker-start-trace.ts      (RUNS=7; BEFORE=<another build's app dir>,
 *                                                       e.g. /tmp/old-out/app built from `git archive`)
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { ensureBuild } from './support/build.ts';
import { installedOffline, launch, stopServiceWorkers, throttle } from './support/chromium.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';
import { readTrace, type TraceEvent } from './support/trace.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const MARK = 'lumbung:usable';

type Start = { readonly usableMs: number; readonly evaluateMs: number; readonly compileMs: number; readonly runMs: number };

async function tracedStart(browser: Browser, context: BrowserContext, url: string): Promise<Start> {
  const page = await context.newPage();
  const file = path.join(os.tmpdir(), `worker-start-${String(process.pid)}.json`);
  try {
    const { cdp } = await throttle(page, 4);
    await stopServiceWorkers(cdp);
    await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'toplevel'] });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { polling: 50 });
    const usableMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, MARK);
    await browser.stopTracing();
    return { usableMs, ...workerScript(readTrace(file)) };
  } finally {
    rmSync(file, { force: true });
    await page.close();
  }
}

/** The evaluation of sw.js on the worker's thread: the whole, its compile and its run (ms, wall). */
function workerScript(events: readonly TraceEvent[]): Omit<Start, 'usableMs'> {
  const workerThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread').map((e) => `${String(e.pid)}:${String(e.tid)}`));
  const onWorker = events.filter((e) => e.ph === 'X' && e.dur !== undefined && workerThreads.has(`${String(e.pid)}:${String(e.tid)}`));
  const evaluate = onWorker.find((e) => e.name === 'EvaluateScript' && (e.args?.data as { url?: string } | undefined)?.url?.endsWith('/sw.js') === true);
  if (evaluate === undefined) throw new Error('no evaluation of sw.js on a service worker thread: was the worker stopped?');
  const inside = (name: string) => onWorker.filter((e) => e.name === name && e.ts >= evaluate.ts && e.ts < evaluate.ts + (evaluate.dur ?? 0)).reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return { evaluateMs: (evaluate.dur ?? 0) / 1000, compileMs: inside('v8.compile'), runMs: inside('v8.run') };
}

async function main(): Promise<void> {
  const builds = [{ label: 'this tree', dir: await ensureBuild('app') }];
  if (process.env.BEFORE !== undefined) builds.push({ label: `before (${process.env.BEFORE})`, dir: process.env.BEFORE });
  const browser = await launch();
  const servers = await Promise.all(builds.map((b) => serveBuild(b.dir)));
  try {
    const phones = await Promise.all(servers.map((s) => installedOffline(browser, `${s.url}/`, true)));
    const starts: Start[][] = builds.map(() => []);
    // One start each first, not counted: the worker's code cache is written after its first runs.
    for (let run = -1; run < RUNS; run++) {
      for (let b = 0; b < builds.length; b++) {
        const start = await tracedStart(browser, phones[b] as BrowserContext, `${(servers[b] as { url: string }).url}/`);
        if (run >= 0) starts[b]?.push(start);
      }
    }
    console.log(`\nThe worker's start on the morning's first open (lock screen, offline, worker stopped before each; ${String(RUNS)} traced opens each; ms, median (IQR))`);
    console.log('| build | sw.js evaluated (worker thread, not throttled) | of which compile | of which run | navigation → usable (page at CPU ×4, traced) |\n|---|---|---|---|---|');
    builds.forEach((build, b) => {
      const of = (pick: (s: Start) => number) => {
        const s = summarize((starts[b] ?? []).map(pick));
        return `${s.median.toFixed(1)} (${s.q1.toFixed(1)}–${s.q3.toFixed(1)})`;
      };
      console.log(`| ${build.label} | ${of((s) => s.evaluateMs)} | ${of((s) => s.compileMs)} | ${of((s) => s.runMs)} | ${of((s) => s.usableMs)} |`);
    });
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

await main();
