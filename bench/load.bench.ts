/**
 * First load and warm start of the treasurer's app against a blank Vite + React page, in Chromium
 * at CPU ×4, interleaved run by run (app, blank, app, blank, …) so both see the same machine load.
 *
 * - Cold: a fresh browser context (no cache, no service worker), page network emulation at "Slow 4G"
 *   and "2G"; time from navigation start to the `lumbung:usable` mark (the welcome screen is on
 *   screen and wired; the blank page marks its button the same way), and the compressed bytes the
 *   page received until then (headers + bodies, CDP encodedDataLength). The service worker
 *   registers after `load` and precaches afterwards: not in these figures.
 * - Warm: the same context after the service worker has installed, offline, a new tab: navigation
 *   start → mark, all served by the worker. One warm-up open first (V8's code cache fills then).
 *   Twice: a phone still on the welcome screen, and a phone set up (trial mode, one bendahara) that
 *   opens on the lock screen — the treasurer's daily start.
 * - Warm with the worker stopped (`worker-stopped`): as warm, but every service worker is stopped
 *   before each open, as a phone stops an idle worker: the navigation waits for the worker to start
 *   and run its script — the morning's first open. The worker's own thread is not throttled
 *   (Chromium throttles pages only; bench/worker-start-trace.ts times the worker's script itself).
 * - Sizes per route from the build manifest: gzip bytes of JS and CSS each route adds to `/`.
 *
 *   npm run bench -- load        (RUNS=5 cold pairs, WARM_RUNS=15 warm pairs by default;
 *                                 APP_DIR=<a kept build> to measure that one; PARTS=cold,warm,worker-stopped;
 *                                 BEFORE=<a kept app build>: opened alternately with this one in the
 *                                 warm parts, and a row of this tree ÷ before, run by run;
 *                                 CPU=6: app and blank page throttled ×6 instead of ×4; rows to load-cpu6.json;
 *                                 LANGUAGE=en: the app's warm starts in English, as a treasurer who chose it)
 *   PROFILE=warm node --import tsx bench/load.bench.ts   CPU profile of warm starts (app and blank),
 *                                                        up to the first screen painted: self time
 *                                                        per function and per script
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureBuild } from './support/build.ts';
import { countBytes, cpuSample, installedOffline, LINK_PROFILES, launch, phoneContext, stopServiceWorkers, throttle, type LinkProfile } from './support/chromium.ts';
import { CPU_RATE } from './support/cpu-rate.ts';
import { Results, type Row } from './support/results.ts';
import { serveBuild } from './support/server.ts';
import { allOf, medianWithin, pairedRatios, summarize } from './support/stats.ts';

const RUNS = Number(process.env.RUNS ?? 5);
// A warm start is short (~0.5 s), so a busy machine moves it by as much as it lasts: more pairs.
const WARM_RUNS = Number(process.env.WARM_RUNS ?? 15);
/** PARTS=warm (or cold, worker-stopped): only those parts, e.g. for a kept build's before figures. */
const PARTS = new Set((process.env.PARTS ?? 'cold,warm,worker-stopped').split(','));
/** CDP CPU throttling: ×4 unless `CPU=6` (support/cpu-rate.ts). */
const CPU = CPU_RATE;
/** LANGUAGE=en: the app (and BEFORE) start in English; the blank page has no language. A typo throws. */
const LANGUAGE = process.env.LANGUAGE ?? 'id';
if (LANGUAGE !== 'id' && LANGUAGE !== 'en') throw new Error(`LANGUAGE must be id or en, not ${LANGUAGE}`);
const ENGLISH = LANGUAGE === 'en';
const MARK = 'lumbung:usable';

/**
 * usableMs: navigation start → the usable mark (the first screen committed with its handlers);
 * paintedMs: → that screen painted as well (see waitForPaint).
 */
type Load = { usableMs: number; paintedMs: number; bytes: number; requests: number; cpuMs: number };

function withDeadline<T>(deadline: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${MARK} mark within 120 s`)), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The usable mark: ms after navigation start, and as wall-clock epoch ms. Resolves as the mark is
 * made (a PerformanceObserver in the page, not polling), so the CPU sample taken next counts as
 * little as possible of the work the app starts right after its first screen.
 */
async function waitForMark(page: Page): Promise<{ ms: number; epochMs: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await withDeadline(deadline, page.evaluate(
        (mark) =>
          // No named local functions in here: tsx would wrap them in a `__name` helper the page lacks.
          new Promise<{ ms: number; epochMs: number }>((resolve) => {
            const made = performance.getEntriesByName(mark, 'mark')[0];
            if (made !== undefined) {
              resolve({ ms: made.startTime, epochMs: performance.timeOrigin + made.startTime });
              return;
            }
            new PerformanceObserver((list, observer) => {
              const entry = list.getEntriesByName(mark)[0];
              if (entry === undefined) return;
              observer.disconnect();
              resolve({ ms: entry.startTime, epochMs: performance.timeOrigin + entry.startTime });
            }).observe({ type: 'mark' });
          }),
        MARK,
      ));
    } catch (error) {
      // `goto` resolves at commit; an evaluate that lands before the new document is ready is retried.
      if (!(error instanceof Error) || !/context was destroyed|navigation/i.test(error.message)) throw error;
    }
  }
}

/**
 * When the first screen is both on the glass and wired, ms after navigation start: the later of the
 * usable mark and the page's first contentful paint. The mark is made as that screen is committed;
 * work run in the same task after it (session 8's app started its lazy loads there) delays the
 * paint without moving the mark. A page whose effects run after the paint (the blank page, usually)
 * paints first; then the mark is the later. Nothing else is painted before a first screen in either
 * page, with one exception: when the gate's IndexedDB read takes over 400 ms, it paints "Membuka
 * buku…" first, and the figure is then the mark — a lower bound for that start (in this machine's
 * traces the read answers 40–110 ms after it is asked).
 */
async function waitForPaint(page: Page, markMs: number): Promise<number> {
  const painted = await withDeadline(Date.now() + 120_000, page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry === undefined) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  ));
  return Math.max(painted, markMs);
}

async function coldLoad(browser: Browser, url: string, link: LinkProfile): Promise<Load> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const { cdp } = await throttle(page, CPU, link);
    const bytes = countBytes(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    const usable = await waitForMark(page);
    const cpuMs = (await cpuSample(cdp)).threadMs;
    const paintedMs = await waitForPaint(page, usable.ms);
    // Requests finished by the mark; wait a little so a response finishing at the mark is reported.
    await page.waitForTimeout(500);
    const received = bytes.until(usable.epochMs + 1);
    bytes.stop();
    return { usableMs: usable.ms, paintedMs, bytes: received.bytes, requests: received.requests, cpuMs };
  } finally {
    await context.close();
  }
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };

async function warmLoad(context: BrowserContext, url: string, profiles?: CpuProfile[], workerStopped = false): Promise<Load> {
  const page = await context.newPage();
  try {
    const { cdp } = await throttle(page, CPU);
    if (workerStopped) await stopServiceWorkers(cdp);
    let profiled: Promise<CpuProfile> | undefined;
    if (profiles !== undefined) {
      // The page starts the profile as its document is created and ends it in the task after the
      // frame that follows the usable mark: the work up to the first screen usable and painted.
      // (Queued from a frame callback asked for inside the mark, ahead of the app's own, so it
      // ends before the deferred work the app starts after that frame.)
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      profiled = new Promise((resolve) => {
        cdp.once('Profiler.consoleProfileFinished', (event) => resolve(event.profile as CpuProfile));
      });
      await page.addInitScript(`(() => {
        console.profile('warm');
        const mark = performance.mark.bind(performance);
        performance.mark = (name, options) => {
          const entry = mark(name, options);
          if (name === ${JSON.stringify(MARK)}) requestAnimationFrame(() => setTimeout(() => console.profileEnd('warm'), 0));
          return entry;
        };
      })();`);
    }
    await page.goto(url, { waitUntil: 'commit' });
    const usable = await waitForMark(page);
    if (profiled !== undefined) profiles?.push(await profiled);
    const cpuMs = (await cpuSample(cdp)).threadMs;
    const paintedMs = await waitForPaint(page, usable.ms);
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) throw new Error(`${url}: warm page not controlled by the service worker`);
    return { usableMs: usable.ms, paintedMs, bytes: 0, requests: 0, cpuMs };
  } finally {
    await page.close();
  }
}

/**
 * Where a warm start's main-thread time goes: self time (sampled, CPU ×4, so wall time of the
 * throttled thread) per function and per script, summed over the profiled runs.
 */
function printProfiles(label: string, profiles: readonly CpuProfile[]): void {
  const perFunction = new Map<string, number>();
  const perScript = new Map<string, number>();
  const perCaller = new Map<string, number>();
  let total = 0;
  const nameOf = (n: ProfileNode | undefined): string =>
    n === undefined ? '(root)' : `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${String(n.callFrame.lineNumber)}:${String(n.callFrame.columnNumber)}`;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, ProfileNode>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i] ?? -1);
      // timeDeltas[i] is the time before sample i; the sample stands for the interval after it.
      const ms = (deltas[i + 1] ?? 0) / 1000;
      if (node === undefined) continue;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const script = url.split('/').pop() ?? '';
      const fn = `${functionName || '(anonymous)'} ${script}:${String(lineNumber)}:${String(columnNumber)}`;
      perFunction.set(fn, (perFunction.get(fn) ?? 0) + ms);
      perScript.set(script || functionName, (perScript.get(script || functionName) ?? 0) + ms);
      // Native work (no script) is charged to the nearest script frame that called it, too.
      if (url === '') {
        let caller = parent.get(node.id);
        while (caller !== undefined && caller.callFrame.url === '') caller = parent.get(caller.id);
        const key = `${functionName} ← ${nameOf(caller)}`;
        perCaller.set(key, (perCaller.get(key) ?? 0) + ms);
      }
      total += ms;
    }
  }
  const runs = profiles.length;
  const print = (title: string, rows: Map<string, number>, limit: number) => {
    console.log(`\n${label}: ${title} (ms per run, of ${(total / runs).toFixed(0)} ms sampled)`);
    for (const [name, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      console.log(`${(ms / runs).toFixed(1).padStart(8)}  ${name}`);
    }
  };
  print('self time per script', perScript, 15);
  print('self time per function', perFunction, 30);
  print('native self time by calling script frame', perCaller, 15);
}

/** PROFILE=warm: profiles warm starts of the app and the blank page instead of timing them. */
async function profileWarm(browser: Browser, appUrl: string, blankUrl: string): Promise<void> {
  for (const [label, url, setUp] of [['app, welcome', appUrl, false], ['app, lock screen', appUrl, true], ['blank', blankUrl, false]] as const) {
    const context = await installedOffline(browser, url, setUp);
    await warmLoad(context, url);
    const profiles: CpuProfile[] = [];
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await warmLoad(context, url, profiles));
    console.log(`\n${label}: usable ${loads.map((l) => l.usableMs.toFixed(0)).join(', ')} ms; main-thread CPU ${loads.map((l) => l.cpuMs.toFixed(0)).join(', ')} ms`);
    printProfiles(label, profiles);
    await context.close();
  }
}

/** Navigation → the first screen usable and painted, app against blank, with the same goal as the mark's row. */
function paintedRow(work: string, profile: string, a: readonly Load[], b: readonly Load[], goal: string, maxRatio: number, maxMs = Number.POSITIVE_INFINITY): Row {
  const painted = summarize(a.map((r) => r.paintedMs));
  const ratio = pairedRatios(a.map((r) => r.paintedMs), b.map((r) => r.paintedMs));
  return {
    work,
    profile,
    unit: 'ms',
    lumbung: painted,
    baseline: summarize(b.map((r) => r.paintedMs)),
    ratio,
    goal,
    met: allOf(medianWithin(painted, maxMs), medianWithin(ratio, maxRatio)),
    raw: { app: a.map((r) => r.paintedMs), blank: b.map((r) => r.paintedMs) },
  };
}

/** This tree against another build (BEFORE), pair by pair, on one of a start's figures. */
function beforeRow(work: string, profile: string, a: readonly Load[], before: readonly Load[], pick: (load: Load) => number): Row {
  return {
    work,
    profile,
    unit: 'ms',
    lumbung: summarize(a.map(pick)),
    baseline: summarize(before.map(pick)),
    ratio: pairedRatios(a.map(pick), before.map(pick)),
    goal: '(before → after)',
    raw: { app: a.map(pick), before: before.map(pick) },
  };
}

/** The context row under a timing: the renderer main thread's own CPU time, app vs blank. */
function cpuRow(work: string, profile: string, a: readonly Load[], b: readonly Load[]): Row {
  return {
    work,
    profile,
    unit: 'ms',
    lumbung: summarize(a.map((r) => r.cpuMs)),
    baseline: summarize(b.map((r) => r.cpuMs)),
    ratio: pairedRatios(a.map((r) => r.cpuMs), b.map((r) => r.cpuMs)),
    goal: '(context)',
    raw: { app: a.map((r) => r.cpuMs), blank: b.map((r) => r.cpuMs) },
  };
}

function kb(bytes: number): number {
  return bytes / 1000;
}

type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean; src?: string }>;

/** Gzip bytes of JS and CSS that `/` loads, and what each route's chunk adds to it. */
function sizesPerRoute(dir: string): Record<string, { js: number; css: number }> {
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gz = (file: string): number => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  const closure = (key: string, into: Set<string>): Set<string> => {
    if (into.has(key)) return into;
    into.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, into);
    return into;
  };
  const bytesOf = (keys: Iterable<string>) => {
    let js = 0;
    let css = 0;
    for (const key of keys) {
      const chunk = manifest[key];
      if (chunk === undefined) continue;
      js += gz(chunk.file);
      for (const c of chunk.css ?? []) css += gz(c);
    }
    return { js, css };
  };
  const first = closure('index.html', new Set());
  const sizes: Record<string, { js: number; css: number }> = { '/ (first load)': bytesOf(first) };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isDynamicEntry !== true || chunk.src === undefined) continue;
    const added = [...closure(key, new Set())].filter((k) => !first.has(k));
    sizes[chunk.src] = bytesOf(added);
  }
  return sizes;
}

async function main(): Promise<void> {
  // APP_DIR: measure a build kept from an earlier commit instead (a before/after in the same conditions).
  const [appDir, blankDir] = [process.env.APP_DIR ?? (await ensureBuild('app')), await ensureBuild('blank')];
  const app = await serveBuild(appDir);
  const blank = await serveBuild(blankDir);
  // BEFORE: another commit's app build, opened alternately with this one in the warm parts.
  const before = process.env.BEFORE === undefined ? undefined : await serveBuild(process.env.BEFORE);
  const browser = await launch();
  if (process.env.PROFILE === 'warm') {
    try {
      await profileWarm(browser, `${app.url}/`, `${blank.url}/`);
    } finally {
      await browser.close();
      await app.close();
      await blank.close();
      await before?.close();
    }
    return;
  }
  const results = new Results('load', { cpuRate: CPU });
  try {
    results.info.sizesPerRouteGzipBytes = sizesPerRoute(appDir);
    console.log('sizes per route (gzip bytes):', JSON.stringify(results.info.sizesPerRouteGzipBytes, null, 1));
    for (const link of PARTS.has('cold') ? [LINK_PROFILES['Slow 4G'], LINK_PROFILES['2G']] : []) {
      const a: Load[] = [];
      const b: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(await coldLoad(browser, `${app.url}/`, link));
        b.push(await coldLoad(browser, `${blank.url}/`, link));
      }
      const profile = `${link.name}, CPU ×${String(CPU)}, cold`;
      results.add({
        work: 'cold first load: bytes before usable',
        profile,
        unit: 'KB',
        lumbung: summarize(a.map((r) => kb(r.bytes))),
        baseline: summarize(b.map((r) => kb(r.bytes))),
        ratio: pairedRatios(a.map((r) => r.bytes), b.map((r) => r.bytes)),
        goal: '≤ 150 KB',
        met: summarize(a.map((r) => r.bytes)).median <= 150_000,
        note: `requests app ${String(a[0]?.requests)}, blank ${String(b[0]?.requests)}`,
        raw: { app: a.map((r) => r.bytes), blank: b.map((r) => r.bytes) },
      });
      const ratio = pairedRatios(a.map((r) => r.usableMs), b.map((r) => r.usableMs));
      results.add({
        work: 'cold first load: navigation → usable',
        profile,
        unit: 'ms',
        lumbung: summarize(a.map((r) => r.usableMs)),
        baseline: summarize(b.map((r) => r.usableMs)),
        ratio,
        goal: '≤ 2× blank',
        met: medianWithin(ratio, 2),
        raw: { app: a.map((r) => r.usableMs), blank: b.map((r) => r.usableMs) },
      });
      results.add(paintedRow('cold first load: navigation → usable and painted', profile, a, b, '≤ 2× blank', 2));
      results.add(cpuRow('cold first load: renderer main-thread CPU (unthrottled)', profile, a, b));
    }

    const warmStarts = [
      ...(PARTS.has('warm') ? (['welcome', 'lock screen'] as const).map((screen) => ({ screen, workerStopped: false })) : []),
      // The morning start: the phone stopped the worker long ago, so the navigation waits for it to start.
      ...(PARTS.has('worker-stopped') ? (['welcome', 'lock screen'] as const).map((screen) => ({ screen, workerStopped: true })) : []),
    ];
    for (const { screen, workerStopped } of warmStarts) {
      const appCtx = await installedOffline(browser, `${app.url}/`, screen === 'lock screen', ENGLISH);
      const blankCtx = await installedOffline(browser, `${blank.url}/`);
      const beforeCtx = before === undefined ? undefined : await installedOffline(browser, `${before.url}/`, screen === 'lock screen', ENGLISH);
      const openBefore = async () => (beforeCtx === undefined || before === undefined ? undefined : warmLoad(beforeCtx, `${before.url}/`, undefined, workerStopped));
      await warmLoad(appCtx, `${app.url}/`, undefined, workerStopped);
      await openBefore();
      await warmLoad(blankCtx, `${blank.url}/`, undefined, workerStopped);
      const a: Load[] = [];
      const b: Load[] = [];
      const c: Load[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        a.push(await warmLoad(appCtx, `${app.url}/`, undefined, workerStopped));
        const opened = await openBefore();
        if (opened !== undefined) c.push(opened);
        b.push(await warmLoad(blankCtx, `${blank.url}/`, undefined, workerStopped));
      }
      const ratio = pairedRatios(a.map((r) => r.usableMs), b.map((r) => r.usableMs));
      const usable = summarize(a.map((r) => r.usableMs));
      const profile = `offline, CPU ×${String(CPU)}, ${screen}${ENGLISH ? ', in English' : ''}${workerStopped ? ', service worker stopped before each open (its thread not throttled)' : ''}`;
      results.add({
        work: workerStopped ? 'warm start, service worker stopped: navigation → usable' : 'warm start from the service worker: navigation → usable',
        profile,
        unit: 'ms',
        lumbung: usable,
        baseline: summarize(b.map((r) => r.usableMs)),
        ratio,
        goal: '≤ 1 s, ≤ 1.5× blank',
        met: allOf(medianWithin(usable, 1000), medianWithin(ratio, 1.5)),
        raw: { app: a.map((r) => r.usableMs), blank: b.map((r) => r.usableMs) },
      });
      results.add(paintedRow(`${workerStopped ? 'warm start, service worker stopped' : 'warm start from the service worker'}: navigation → usable and painted`, profile, a, b, '≤ 1 s, ≤ 1.5× blank', 1.5, 1000));
      results.add(cpuRow('warm start: renderer main-thread CPU (unthrottled)', profile, a, b));
      if (c.length > 0) {
        const start = workerStopped ? 'warm start, service worker stopped' : 'warm start';
        results.add(beforeRow(`${start}: this tree ÷ before (${process.env.BEFORE ?? ''})`, profile, a, c, (r) => r.usableMs));
        results.add(beforeRow(`${start}, usable and painted: this tree ÷ before (${process.env.BEFORE ?? ''})`, profile, a, c, (r) => r.paintedMs));
      }
      await appCtx.close();
      await blankCtx.close();
      await beforeCtx?.close();
    }
  } finally {
    results.save();
    await browser.close();
    await app.close();
    await blank.close();
    await before?.close();
  }
}

await main();
