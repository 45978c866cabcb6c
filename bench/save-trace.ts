/**
 * Where a save's time goes, from a Chrome trace (CDP Tracing) at CPU ×4: the data bench's save (a
 * shop sale, tapped on a settled page → "Tersimpan" painted, touch input) on the busy
 * cooperative's store, SAVES times, each between two User Timing marks set by the tap's own
 * stopwatch. Per save: the renderer main thread's busy time (its tasks' wall time) against the
 * save's wall time — the rest is waiting on IndexedDB's backend,
 * WebCrypto or the next frame — and what the busy time is made of; then the task-by-task timeline
 * of the median save.
 *
 *   node --import tsx bench/save-trace.ts [entries]     (100000 by default; SAVES=12; TRACE=file.json keeps the trace;
 *                                                        FIRST=1 traces the first save after unlock as well)
 *
 * A profile (bench/profile.ts save) cannot answer this: its window runs from the profiler's start
 * to its stop over CDP, several times the save, and the live queries that refresh after
 * "Tersimpan" fill most of it.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openShopSale, PIN, seed, tapUntil, typingDone } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { offlinePhone, unlockedTab } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';
import { readTrace, type TraceEvent } from './support/trace.ts';

const SAVES = Number(process.env.SAVES ?? 12);
/** FIRST=1: the first save after unlock is traced too (as save 0). */
const FIRST = process.env.FIRST === '1';
/** CATEGORIES=a,b adds trace categories (e.g. disabled-by-default-v8.compile for lazy compiles). */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'blink.user_timing', 'IndexedDB', 'toplevel', ...(process.env.CATEGORIES ?? '').split(',').filter((c) => c !== '')];

/** What a piece of main-thread work is, by its trace event (nested ones counted under the outermost named here). */
const KINDS: readonly [string, (e: TraceEvent) => boolean][] = [
  ['GC', (e) => /GC|Scavenge|MarkCompact/.test(e.name)],
  ['style', (e) => e.name === 'UpdateLayoutTree'],
  ['layout', (e) => e.name === 'Layout'],
  ['paint, layerize, commit', (e) => ['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'].includes(e.name)],
  ['script: click (React, the save up to its first await)', (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click'],
  ['script: IndexedDB callbacks (the reads answered: fold, writes; the commit: "Tersimpan" rendered)', (e) => ['IDBRequest::dispatchEvent', 'IDBTransaction::dispatchEvent'].includes(e.name)],
  ['script: other events', (e) => e.name === 'EventDispatch'],
  ['script: timers, rAF, observers', (e) => ['TimerFire', 'FireAnimationFrame', 'FireIdleCallback'].includes(e.name)],
  ['script: microtasks, promise jobs', (e) => ['RunMicrotasks', 'V8.RunMicrotasks'].includes(e.name)],
  ['script: other calls', (e) => ['FunctionCall', 'v8.callFunction', 'V8.Execute', 'EvaluateScript', 'v8.run'].includes(e.name)],
];

function analyse(events: readonly TraceEvent[]): void {
  const marks = events.filter((e) => /^save-\d+-(start|end)$/.test(e.name));
  const main = marks[0];
  if (main === undefined) throw new Error('no save marks in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Outermost tasks only: Chromium nests a RunTask event inside its scheduler's own.
  const anyTask = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const tasks = anyTask.filter((e) => !anyTask.some((outer) => outer !== e && outer.ts <= e.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0)));
  const sums = new Map<string, number[]>();
  const add = (part: string, ms: number) => sums.set(part, [...(sums.get(part) ?? []), ms]);
  const windows: { wall: number; start: number; end: number }[] = [];
  for (let i = 0; i < SAVES; i++) {
    const start = marks.find((e) => e.name === `save-${String(i)}-start`)?.ts;
    const end = marks.find((e) => e.name === `save-${String(i)}-end`)?.ts;
    if (start === undefined || end === undefined) continue;
    windows.push({ wall: (end - start) / 1000, start, end });
    const inside = (e: TraceEvent) => e.ts + (e.dur ?? 0) > start && e.ts < end;
    // The task holding the tap's mark started before it: it counts from the mark on.
    const clipped = (e: TraceEvent) => (Math.min(e.ts + (e.dur ?? 0), end) - Math.max(e.ts, start)) / 1000;
    const busy = tasks.filter(inside).reduce((sum, e) => sum + clipped(e), 0);
    add('wall, tap → painted', (end - start) / 1000);
    add('main thread busy (its tasks, wall)', busy);
    add('main thread waiting (IndexedDB, WebCrypto, the frame)', (end - start) / 1000 - busy);
    const counted: TraceEvent[] = [];
    for (const [kind, is] of KINDS) {
      const mine = onMain.filter((e) => inside(e) && is(e) && !counted.some((c) => c.ts <= e.ts && e.ts + (e.dur ?? 0) <= c.ts + (c.dur ?? 0)));
      counted.push(...mine);
      add(kind, mine.reduce((sum, e) => sum + clipped(e), 0));
    }
  }
  console.log(`\n${String(windows.length)} saves at CPU ×4 (ms; wall time of the main thread's events, the throttle's pauses included)`);
  console.log('| part | median (IQR) | p95 |\n|---|---|---|');
  for (const [part, values] of sums) {
    const s = summarize(values);
    console.log(`| ${part} | ${s.median.toFixed(1)} (${s.q1.toFixed(1)}–${s.q3.toFixed(1)}) | ${s.p95.toFixed(1)} |`);
  }
  // The median save, task by task: when each ran (from the tap) and what it was.
  const median = [...windows].sort((a, b) => a.wall - b.wall)[Math.floor(windows.length / 2)];
  if (median === undefined) return;
  console.log(`\nthe median save (${median.wall.toFixed(1)} ms), task by task: start (ms from the tap), duration, what it ran`);
  for (const task of tasks.filter((e) => e.ts + (e.dur ?? 0) > median.start && e.ts < median.end)) {
    const within = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e.name !== 'RunTask');
    const names = [...new Set(within.slice(0, 6).map((e) => (e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type ?? ''}` : e.name)))].join(', ');
    console.log(`${((task.ts - median.start) / 1000).toFixed(1).padStart(6)}  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${names}`);
  }
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 100_000);
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  const file = process.env.TRACE ?? path.join(os.tmpdir(), `save-trace-${String(process.pid)}.json`);
  try {
    const context = await offlinePhone(browser);
    await seed(context, server.url, size);
    if (process.env.FRESH === '1') {
      // FRESH=1: the app was open in another tab before (unlocked, then closed), as save-ab.ts FIRST=1.
      await (await unlockedTab(context, server.url, PIN, 'touch')).close();
    }
    const page = await unlockedTab(context, server.url, PIN, 'touch');
    await throttle(page, 4);
    await openShopSale(page, 'touch');
    await typingDone(page);
    // The first save after unlock: traced as save-0 with FIRST=1, otherwise not.
    if (FIRST) await browser.startTracing(page, { path: file, categories: CATEGORIES });
    const first = await tapUntil(page, 'Simpan penjualan', 'Tersimpan', FIRST ? 'save-0' : '');
    if (!FIRST) await browser.startTracing(page, { path: file, categories: CATEGORIES });
    const walls: number[] = FIRST ? [first] : [];
    for (let i = walls.length; i < SAVES; i++) {
      await openShopSale(page, 'touch');
      await typingDone(page);
      walls.push(await tapUntil(page, 'Simpan penjualan', 'Tersimpan', `save-${String(i)}`));
    }
    await browser.stopTracing();
    console.log('tap → painted (ms):', walls.map((w) => w.toFixed(0)).join(' '));
    analyse(readTrace(file));
    if (process.env.TRACE === undefined) rmSync(file);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
