/**
 * Where a keystroke of the member search goes, from a Chrome trace (CDP Tracing) at CPU ×4 on the
 * 5 000 members of the members-only set: real key input (Playwright's keyboard, CDP
 * `Input.dispatchKeyEvent`), then per keystroke the renderer main thread's work from the keydown's
 * dispatch to the end of the first frame committed after the `input` event — event handlers
 * (React's render and commit inside them), style recalculation, layout, pre-paint, paint, layerize
 * and commit — and when the compositor's frame with it was presented.
 *
 *   node --import tsx bench/search-trace.ts            (KEYS=24: keystrokes traced; TRACE=file.json keeps the trace;
 *                                                       ANALYSE=file.json reads a kept trace again;
 *                                                       BEFORE=<another commit's built harness dir>: typed
 *                                                       word by word alternately, each renderer reported;
 *                                                       INPUT=mouse|touch: unlock clicked, the mouse left
 *                                                       over the page (default, as sessions 3–4), or unlock
 *                                                       and field tapped, no mouse over the page;
 *                                                       BARE=1: the bare field of search.bench.ts traced too)
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { goTo, waitForHeading } from '../tests/support/e2e-flows.ts';
import { PIN, seed } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { membersOnly } from './support/members-only.ts';
import { BARE_FIELD_PATH, inputModes, offlinePhone, serveBareField, unlockWith, type InputMode } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { summarize } from './support/stats.ts';
import { readTrace, type TraceEvent } from './support/trace.ts';

const KEYS = Number(process.env.KEYS ?? 24);
const [MODE = 'mouse'] = inputModes(process.env.INPUT ?? 'mouse');
const TYPED = ['3179', '4207', '1286'] as const;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'cc', 'input', 'benchmark', 'v8', 'blink.user_timing'];

/** What is summed per keystroke: trace event names on the renderer main thread (nested ones included, each counted once by name). */
const PHASES: Record<string, readonly string[]> = {
  'key handlers (keydown/keypress/keyup)': ['EventDispatch:keydown', 'EventDispatch:keypress', 'EventDispatch:keyup'],
  'input handler (React render + commit)': ['EventDispatch:input', 'EventDispatch:beforeinput', 'EventDispatch:textInput'],
  'editing the field (insert text, the input handler inside it)': ['TypingCommand::InsertText'],
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

/** Per renderer (one per page typed into), in the order each first took a key. */
export function analyse(events: readonly TraceEvent[], labels: readonly string[] = []): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${String(e.pid)}:${String(e.tid)}`, e.args?.name ?? '');
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const allKeydowns = complete.filter((e) => eventKey(e) === 'EventDispatch:keydown' && threadNames.get(`${String(e.pid)}:${String(e.tid)}`) === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const renderers = [...new Set(allKeydowns.map((e) => e.pid))];
  if (renderers.length === 0) throw new Error('no keydown in the trace');
  renderers.forEach((pid, r) => {
    const keydowns = allKeydowns.filter((e) => e.pid === pid);
    const main = keydowns[0];
    if (main === undefined) return;
    const onMain = complete.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
    const sums = new Map<string, number[]>();
    const add = (part: string, ms: number) => sums.set(part, [...(sums.get(part) ?? []), ms]);
    keydowns.forEach((down, i) => {
      const next = keydowns[i + 1]?.ts ?? Number.POSITIVE_INFINITY;
      const input = onMain.find((e) => e.ts >= down.ts && e.ts < next && eventKey(e) === 'EventDispatch:input');
      // The first frame committed after the input handler: the one that shows the new rows.
      const commit = input === undefined ? undefined : onMain.find((e) => e.ts > input.ts && e.name === 'Commit');
      if (input === undefined || commit === undefined) return;
      const end = commit.ts + (commit.dur ?? 0);
      add('keydown dispatch → end of first commit after input (wall)', (end - down.ts) / 1000);
      // From the task that dispatched the keydown (it starts just before it).
      const task = onMain.findLast((e) => e.name === 'RunTask' && e.ts <= down.ts && e.ts + (e.dur ?? 0) >= down.ts);
      const inside = onMain.filter((e) => e.ts >= (task?.ts ?? down.ts) && e.ts < end);
      // Thread time, not wall time: the throttled thread's own work, without the time other
      // processes held the core (the machine is shared).
      const cpu = (list: readonly TraceEvent[]) => list.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
      add('main-thread work, keydown → commit', cpu(inside.filter((e) => e.name === 'RunTask')));
      add('input event handler (React, the rows)', cpu([input]));
      for (const [phase, names] of Object.entries(PHASES)) add(phase, cpu(inside.filter((e) => names.includes(eventKey(e)))));
    });
    console.log(`\n${labels[r] ?? `renderer ${String(pid)}`}: ${String(keydowns.length)} keystrokes at CPU ×4, thread time of each part from the keydown to the end of the first commit after input (ms)`);
    console.log('| part | median (IQR) | p95 |\n|---|---|---|');
    for (const [part, values] of sums) {
      const s = summarize(values);
      console.log(`| ${part} | ${s.median.toFixed(1)} (${s.q1.toFixed(1)}–${s.q3.toFixed(1)}) | ${s.p95.toFixed(1)} |`);
    }
  });
}

type Typing = { readonly label: string; readonly page: Page };

async function openAnggota(browser: Browser, url: string, label: string, mode: InputMode): Promise<Typing> {
  const context = await offlinePhone(browser);
  await seed(context, url, 0, () => membersOnly());
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await unlockWith(page, PIN, mode);
  await waitForHeading(page, 'Beranda');
  await throttle(page, 4);
  await goTo(page, '/anggota');
  await waitForHeading(page, 'Anggota');
  await page.locator('main li').first().waitFor();
  if (mode === 'touch') await page.locator('main input[type=search]').tap();
  // Warm-up word, not traced.
  await typeWord(page, TYPED[0]);
  return { label, page };
}

/** search.bench.ts's bare field (no app, no list), focused the way `mode` says. */
async function openBare(browser: Browser, url: string, mode: InputMode): Promise<Typing> {
  const context = await offlinePhone(browser);
  await serveBareField(context, url);
  const page = await context.newPage();
  await page.goto(`${url}${BARE_FIELD_PATH}`);
  await throttle(page, 4);
  const field = page.locator('main input[type=search]');
  await (mode === 'touch' ? field.tap() : field.click());
  await typeWord(page, TYPED[0]);
  return { label: 'bare field', page };
}

async function typeWord(page: Page, word: string): Promise<void> {
  const field = page.locator('main input[type=search]');
  await field.fill('');
  await page.waitForTimeout(300);
  for (const key of word) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
}

async function main(): Promise<void> {
  const servers = [{ label: 'this tree', server: await serveBuild(await ensureBuild('harness')) }];
  if (process.env.BEFORE !== undefined) servers.push({ label: `before (${process.env.BEFORE})`, server: await serveBuild(process.env.BEFORE) });
  const browser = await launch();
  const file = process.env.TRACE ?? path.join(os.tmpdir(), `search-trace-${String(process.pid)}.json`);
  try {
    const pages: Typing[] = [];
    for (const { label, server } of servers) pages.push(await openAnggota(browser, server.url, `${label}, ${MODE}`, MODE));
    if (process.env.BARE === '1') pages.push(await openBare(browser, servers[0]?.server.url ?? '', MODE));
    const first = pages[0];
    if (first === undefined) return;
    await browser.startTracing(first.page, { path: file, categories: CATEGORIES });
    // Word by word, each page in turn (this tree's first: the renderers are told apart by the order
    // of their first keystroke), so both see the same machine load.
    for (let word = 0; word * 4 < KEYS; word++) for (const { page } of pages) await typeWord(page, TYPED[word % TYPED.length] ?? '');
    await browser.stopTracing();
    analyse(readTrace(file), pages.map((p) => p.label));
    if (process.env.TRACE === undefined) rmSync(file);
  } finally {
    await browser.close();
    for (const { server } of servers) await server.close();
  }
}

// ANALYSE=file.json: only read a trace kept with TRACE= before.
if (process.env.SEARCH_TRACE_IMPORTED === '1') {
  // Imported by a scratch experiment: nothing runs.
} else if (process.env.ANALYSE === undefined) await main();
else analyse(readTrace(process.env.ANALYSE));
