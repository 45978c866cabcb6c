/**
 * Where a keystroke of the member search goes, from a Chrome trace (CDP Tracing) at CPU ×4 on the
 * 5 000 members of the members-only set: real key input (Playwright's keyboard, CDP
 * `Input.dispatchKeyEvent`), then per keystroke the renderer main thread's work from the keydown's
 * dispatch to the end of the first frame committed after the `input` event — event handlers
 * (React's render and commit inside them), style recalculation, layout, pre-paint, paint, layerize
 * and commit — and when the compositor's frame with it was presented.
 *
 *   node --import tsx bench/search-trace.ts            (KEYS=24: keystrokes traced; TRACE=file.json keeps the trace;
 *                                                       ANALYSE=file.json reads a kept trace again)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goTo, unlock, waitForHeading } from '../tests/support/e2e-flows.ts';
import { PIN, seed } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { membersOnly } from './support/members-only.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';

const KEYS = Number(process.env.KEYS ?? 24);
const TYPED = ['3179', '4207', '1286'] as const;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'cc', 'input', 'benchmark', 'v8', 'blink.user_timing'];

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { type?: string } } };

/** What is summed per keystroke: trace event names on the renderer main thread (nested ones included, each counted once by name). */
const PHASES: Record<string, readonly string[]> = {
  'key handlers (keydown/keypress/keyup)': ['EventDispatch:keydown', 'EventDispatch:keypress', 'EventDispatch:keyup'],
  'input handler (React render + commit)': ['EventDispatch:input', 'EventDispatch:beforeinput', 'EventDispatch:textInput'],
  'editing the field (insert text, incl. the input handler)': ['TypingCommand::InsertText'],
  'frame (BeginMainFrame: rAF, observers, hit test, style, layout, paint, commit)': ['ProxyMain::BeginMainFrame'],
  'rAF callbacks': ['FireAnimationFrame'],
  'ResizeObserver callbacks': ['LocalFrameView::NotifyResizeObservers'],
  'hit test (hover after layout)': ['LayoutView::HitTest'],

  'style recalc': ['UpdateLayoutTree'],
  layout: ['Layout'],
  'pre-paint': ['PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize'],
  'commit (main side)': ['Commit'],
  'GC': ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GC_MC_BACKGROUND_MARKING', 'BlinkGC.AtomicPhase'],
};

function eventKey(e: TraceEvent): string {
  return e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type ?? '?'}` : e.name;
}

export function analyse(events: readonly TraceEvent[]): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${String(e.pid)}:${String(e.tid)}`, e.args?.name ?? '');
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const keydowns = complete.filter((e) => eventKey(e) === 'EventDispatch:keydown' && threadNames.get(`${String(e.pid)}:${String(e.tid)}`) === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const main = keydowns[0];
  if (main === undefined) throw new Error('no keydown in the trace');
  const onMain = complete.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const sums = new Map<string, number[]>();
  const toCommit: number[] = [];
  const inputTask: number[] = [];
  keydowns.forEach((down, i) => {
    const next = keydowns[i + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const input = onMain.find((e) => e.ts >= down.ts && e.ts < next && eventKey(e) === 'EventDispatch:input');
    // The first frame committed after the input handler: the one that shows the new rows.
    const commit = input === undefined ? undefined : onMain.find((e) => e.ts > input.ts && e.name === 'Commit');
    const end = commit === undefined ? Math.min(next, down.ts + 100_000) : commit.ts + (commit.dur ?? 0);
    if (commit !== undefined) toCommit.push((end - down.ts) / 1000);
    if (input !== undefined) inputTask.push((input.dur ?? 0) / 1000);
    // From the task that dispatched the keydown (it starts just before it).
    const task = onMain.findLast((e) => e.name === 'RunTask' && e.ts <= down.ts && e.ts + (e.dur ?? 0) >= down.ts);
    const inside = onMain.filter((e) => e.ts >= (task?.ts ?? down.ts) && e.ts < end);
    const busy = inside.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
    sums.set('main-thread work, keydown → commit (thread time)', [...(sums.get('main-thread work, keydown → commit (thread time)') ?? []), busy]);
    // The work after the frame until the next keystroke (the overscan's idle render, timers): it competes with the next key.
    const after = onMain.filter((e) => e.ts >= end && e.ts < Math.min(next, end + 400_000) && e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
    sums.set('main-thread tasks after the frame, before the next key', [...(sums.get('main-thread tasks after the frame, before the next key') ?? []), after]);
    for (const [phase, names] of Object.entries(PHASES)) {
      // Thread time, not wall time: the throttled thread's own work, without the time other
      // processes held the core (the machine is shared), so builds can be compared under load.
      const ms = inside.filter((e) => names.includes(eventKey(e))).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
      sums.set(phase, [...(sums.get(phase) ?? []), ms]);
    }
  });
  const row = (label: string, values: readonly number[]) => {
    const s = summarize(values);
    console.log(`| ${label} | ${s.median.toFixed(1)} (${s.q1.toFixed(1)}–${s.q3.toFixed(1)}) | ${s.p95.toFixed(1)} |`);
  };
  console.log(`${String(keydowns.length)} keystrokes; renderer main thread at CPU ×4: keydown → end of the first commit after input (wall), and the thread time of each part in that span`);
  console.log('| part | median (IQR) | p95 |\n|---|---|---|');
  row('keydown dispatch → end of first commit after input', toCommit);
  row('input event dispatch (whole)', inputTask);
  for (const [phase, values] of sums) row(phase, values);
}

async function main(): Promise<void> {
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  const file = process.env.TRACE ?? path.join(os.tmpdir(), `search-trace-${String(process.pid)}.json`);
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
    await context.route('**/api/**', (route) => route.abort());
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await seed(context, server.url, 0, () => membersOnly());
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await unlock(page, PIN);
    await waitForHeading(page, 'Beranda');
    await throttle(page, 4);
    await goTo(page, '/anggota');
    await waitForHeading(page, 'Anggota');
    const field = page.locator('main input[type=search]');
    await page.locator('main li').first().waitFor();
    // Warm-up round, not traced.
    await field.focus();
    for (const key of TYPED[0]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
    await browser.startTracing(page, { path: file, categories: CATEGORIES });
    let typed = 0;
    for (let word = 0; typed < KEYS; word++) {
      await field.fill('');
      await page.waitForTimeout(300);
      for (const key of TYPED[word % TYPED.length] ?? '') {
        if (typed === KEYS) break;
        await page.keyboard.press(key);
        typed++;
        await page.waitForTimeout(150);
      }
    }
    await browser.stopTracing();
    analyse(readTrace(file));
    if (process.env.TRACE === undefined) rmSync(file);
    else writeFileSync(`${file}.done`, '');
  } finally {
    await browser.close();
    await server.close();
  }
}

export function readTrace(file: string): TraceEvent[] {
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

// ANALYSE=file.json: only read a trace kept with TRACE= before.
if (process.env.SEARCH_TRACE_IMPORTED === '1') {
  // Imported by a scratch experiment: nothing runs.
} else if (process.env.ANALYSE === undefined) await main();
else analyse(readTrace(process.env.ANALYSE));
