/**
 * Where opening Kas's sale form compiles its code: main-thread and background compile time in a
 * Chrome trace of the tap on "Penjualan gerai" (the form's chunks load then), CPU ×4, 10 000 entries.
 * For the compile hints of the save path (scripts/vite-compile-hints.ts): they move compiling from
 * the first save to this moment; this says on which thread it lands and how much.
 *
 *   [BENCH_OUT=<another build's out dir>] node --import tsx bench/kas-open-trace.ts [entries]
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openShopSale, PIN, seed } from './data.bench.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { offlinePhone, unlockedTab } from './support/phone-page.ts';
import { serveBuild } from './support/server.ts';
import { readTrace } from './support/trace.ts';

const COMPILE = /^V8\.(CompileCode|ParseFunction|CompileLazy|ParseProgram|CompileScript|CompileModule)|CompileStreamedModule|StreamingFinalization|BackgroundCompile|ScriptStreamer/;

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10_000);
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  const file = path.join(os.tmpdir(), `kas-open-${String(process.pid)}.json`);
  try {
    const context = await offlinePhone(browser);
    await seed(context, server.url, size);
    const page = await unlockedTab(context, server.url, PIN, 'touch');
    await throttle(page, 4);
    await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'toplevel'] });
    const t0 = Date.now();
    await openShopSale(page, 'touch');
    const openedMs = Date.now() - t0;
    await page.waitForTimeout(1_000);
    await browser.stopTracing();
    const events = readTrace(file);
    rmSync(file);
    const main = events.find((e) => e.name === 'EventDispatch')?.tid;
    const byThread = new Map<string, number>();
    for (const e of events) {
      if (!COMPILE.test(e.name) || e.dur === undefined) continue;
      const where = `${e.tid === main ? 'main thread' : 'other threads'}: ${e.name}`;
      byThread.set(where, (byThread.get(where) ?? 0) + e.dur / 1000);
    }
    console.log(`Kas's sale form open (tap → amount field filled by the bench) ${String(openedMs)} ms; compile time in the trace (ms, wall, CPU ×4 on the main thread):`);
    for (const [where, ms] of [...byThread].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(1).padStart(7)}  ${where}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
