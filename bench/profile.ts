/**
 * A CPU profile of one interaction, for finding what a benchmark's figure is made of: seeds the
 * store (as data.bench.ts), unlocks, does the interaction once to warm up, then profiles it and
 * prints the functions with the most self time (CDP Profiler, CPU ×4; `CPU=6` for ×6).
 *
 *   node --import tsx bench/profile.ts save|search|shu [entries]      (SAVES=5: saves profiled together;
 *                                                                       FIRST=1: the first save, or SHU's first open, after unlock alone)
 *   node --import tsx bench/profile.ts search members   (the members-only set: 5 000 members, bench/support/members-only.ts;
 *                                                        KEYS=1: real keys, five words profiled together)
 *
 * A profile's window runs from the profiler's start to its stop over CDP: several times the
 * interaction, with what the interaction set off after it (after a save, the live queries
 * refreshing the screen). For the parts of a save's own time, bench/save-trace.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { goTo, unlock, waitForHeading } from '../tests/support/e2e-flows.ts';
import { ensureBuild } from './support/build.ts';
import { launch, throttle } from './support/chromium.ts';
import { CPU_RATE } from './support/cpu-rate.ts';
import { serveBuild } from './support/server.ts';
import { openShopSale, PIN, seed, tapUntil, typeKeys, typeSearch } from './data.bench.ts';
import { membersOnly } from './support/members-only.ts';
import { offlinePhone } from './support/phone-page.ts';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

/** Self samples by function, added up over every `profiled` call until `report`. */
const selfSamples = new Map<string, number>();
/** Inclusive samples of the functions named in INCLUSIVE (comma-separated), outermost calls only. */
const inclusiveSamples = new Map<string, number>();
const INCLUSIVE = (process.env.INCLUSIVE ?? '').split(',').filter((name) => name !== '');

function addInclusive(nodes: readonly ProfileNode[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const total = (n: ProfileNode): number => (n.hitCount ?? 0) + (n.children ?? []).reduce((sum, id) => sum + total(byId.get(id) ?? { id, callFrame: n.callFrame }), 0);
  const walk = (n: ProfileNode, inside: ReadonlySet<string>): void => {
    const name = n.callFrame.functionName;
    let next = inside;
    if ((INCLUSIVE.includes(name) || INCLUSIVE.includes('*')) && !inside.has(name)) {
      inclusiveSamples.set(name, (inclusiveSamples.get(name) ?? 0) + total(n));
      next = new Set([...inside, name]);
    }
    for (const id of n.children ?? []) {
      const child = byId.get(id);
      if (child !== undefined) walk(child, next);
    }
  };
  const root = nodes[0];
  if (root !== undefined) walk(root, new Set());
}

/** Wall time covered by the profiles, so a share can be read as milliseconds. */
let profiledMs = 0;

/** The same, by script (a chunk of the build: Dexie, React, zod, the app's modules) and by inclusive time in each. */
const scriptSamples = new Map<string, number>();

async function profiled(cdp: CDPSession, work: () => Promise<unknown>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  profiledMs += (profile.endTime - profile.startTime) / 1000;
  addInclusive(profile.nodes);
  for (const n of profile.nodes as ProfileNode[]) {
    const where = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${String(n.callFrame.lineNumber)}`;
    selfSamples.set(where, (selfSamples.get(where) ?? 0) + (n.hitCount ?? 0));
    const script = n.callFrame.url.split('/').pop() || n.callFrame.functionName;
    scriptSamples.set(script, (scriptSamples.get(script) ?? 0) + (n.hitCount ?? 0));
  }
}

function report(): void {
  const total = [...selfSamples.values()].reduce((sum, hits) => sum + hits, 0);
  console.log(`profiled ${profiledMs.toFixed(0)} ms of wall time in all; 1 % = ${(profiledMs / 100).toFixed(2)} ms`);
  for (const [where, hits] of [...selfSamples].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${where}`);
  }
  for (const [name, hits] of [...inclusiveSamples].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`inclusive ${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`);
  console.log('self time by script:');
  for (const [script, hits] of [...scriptSamples].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${script}`);
  }
}

async function main(): Promise<void> {
  const [what = 'save', size = '10000'] = process.argv.slice(2);
  const server = await serveBuild(await ensureBuild('harness'));
  const browser = await launch();
  try {
    // The benches' phone: the save's button is tapped on its touchscreen (data.bench.ts `tapUntil`).
    const context = await offlinePhone(browser);
    if (what === 'search' && size === 'members') await seed(context, server.url, 0, () => membersOnly());
    else await seed(context, server.url, Number(size));
    const page: Page = await context.newPage();
    await page.goto(`${server.url}/`);
    await unlock(page, PIN);
    await waitForHeading(page, 'Beranda');
    const { cdp } = await throttle(page, CPU_RATE);
    if (what === 'save' && process.env.FIRST === '1') {
      // The first save after unlock alone (the p95 of the data bench's 20 saves at 100 000 entries).
      await openShopSale(page);
      await profiled(cdp, async () => console.log('profiled first save', await tapUntil(page, 'Simpan penjualan', 'Tersimpan')));
    } else if (what === 'save') {
      await openShopSale(page);
      console.log('warm-up save', await tapUntil(page, 'Simpan penjualan', 'Tersimpan'));
      // Several saves added up (the form opened afresh before each, outside the profile), so one
      // slow frame does not decide the list.
      for (let i = 0; i < Number(process.env.SAVES ?? 5); i++) {
        await openShopSale(page);
        await profiled(cdp, async () => console.log('profiled save', await tapUntil(page, 'Simpan penjualan', 'Tersimpan')));
      }
    } else if (what === 'shu') {
      // Opened once (the ledger is read into memory on the first open), then profiled from Laporan;
      // FIRST=1 profiles that first open after unlock instead (the data bench's "first open").
      for (const profile of process.env.FIRST === '1' ? [true] : [false, true]) {
        await goTo(page, '/laporan');
        await waitForHeading(page, 'Laporan');
        const open = async () => {
          const t0 = Date.now();
          await goTo(page, '/laporan/shu');
          await page.locator('main table tbody tr').first().waitFor();
          return Date.now() - t0;
        };
        if (profile) await profiled(cdp, async () => console.log('profiled', await open()));
        else console.log('warm-up', await open());
      }
    } else {
      await goTo(page, '/anggota');
      await page.locator('main input[type=search]').waitFor();
      console.log('warm-up', await typeSearch(page, '3179'));
      await page.locator('main input[type=search]').fill('');
      await page.waitForTimeout(300);
      // KEYS=1: real key input (CDP key events, as search.bench.ts's real-key rows), the keydown,
      // keypress and keyup that React's root listeners also dispatch included.
      if (process.env.KEYS === '1') {
        console.log('warm-up keys', (await typeKeys(page, '3179')).map((k) => k.painted));
        await page.locator('main input[type=search]').fill('');
        await page.waitForTimeout(300);
        for (const word of ['4207', '1286', '3179', '4207', '1286']) {
          await page.locator('main input[type=search]').fill('');
          await page.waitForTimeout(200);
          await profiled(cdp, async () => console.log('profiled keys', (await typeKeys(page, word)).map((k) => k.painted)));
        }
      } else await profiled(cdp, async () => console.log('profiled', await typeSearch(page, '4207')));
    }
    report();
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
