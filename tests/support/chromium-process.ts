// Chromium as its own OS process (research/reliability.md §4.3 "Kill the browser"): the tests
// spawn /usr/bin/chromium with a --user-data-dir and --remote-debugging-port=0, connect over CDP,
// and can SIGKILL the process at any moment and start it again on the same profile, the way a
// phone's OS kills a browser in the background. playwright's launchPersistentContext would own the
// process and close it politely; here nothing is flushed on the way out.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';

export type ChromiumProcess = {
  readonly browser: Browser;
  /** The profile's default (persistent, non-incognito) context. */
  readonly context: BrowserContext;
  readonly pid: number;
  /** SIGKILL, no goodbye; resolves once the process is gone. */
  readonly kill: () => Promise<void>;
};

/** Every Chromium this module started and that may still run: a failed or timed-out test kills them in afterAll. */
const live = new Set<ChildProcess>();

/** SIGKILLs every Chromium spawned here that is still running (a test's afterAll safety net). */
export async function killAllSpawned(): Promise<void> {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  }
  live.clear();
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Chromium on `userDataDir` (created if missing) and connects to it over CDP. */
export async function spawnChromium(userDataDir: string, extraArgs: readonly string[] = []): Promise<ChromiumProcess> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', ...extraArgs, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('chromium did not start');
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stderr = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint from chromium:\n${stderr}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited (${String(code)}) before DevTools was up:\n${stderr}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (context === undefined) throw new Error('chromium has no default context');
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
    // The CDP socket died with the process; the Browser object only needs to notice.
    await browser.close().catch(() => undefined);
  };
  return { browser, context, pid, kill };
}

/** The console.debug markers the product calls at its named points (src/db/append-entry.ts). */
export type NamedPoint = 'lumbung:before-commit' | 'lumbung:after-commit';

type CdpSession = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/**
 * Sets a DevTools breakpoint on the product's `console.debug('<point>')` call in the loaded
 * bundle; the returned `paused` resolves when the page stops there. The page then stays frozen
 * (no UI update, no further IndexedDB work) until the test kills it.
 */
export async function breakAt(context: BrowserContext, page: Parameters<BrowserContext['newCDPSession']>[0], point: NamedPoint): Promise<{ readonly paused: Promise<void> }> {
  const session: CdpSession = await context.newCDPSession(page);
  const scripts: string[] = [];
  session.on('Debugger.scriptParsed', (event) => {
    if (event.url.includes('/assets/')) scripts.push(event.scriptId);
  });
  await session.send('Debugger.enable');
  for (const scriptId of scripts) {
    const { scriptSource } = await session.send('Debugger.getScriptSource', { scriptId });
    const marker = scriptSource.indexOf(point);
    if (marker < 0) continue;
    const call = scriptSource.lastIndexOf('console.debug(', marker);
    const before = scriptSource.slice(0, call);
    const lineNumber = before.split('\n').length - 1;
    const columnNumber = call - (before.lastIndexOf('\n') + 1);
    const paused = new Promise<void>((resolve) => session.once('Debugger.paused', () => resolve()));
    await session.send('Debugger.setBreakpoint', { location: { scriptId, lineNumber, columnNumber } });
    // Wrapped: an async function returning a promise would wait for it.
    return { paused };
  }
  throw new Error(`the marker ${point} is in none of the loaded scripts`);
}

/**
 * SIGKILLs every renderer process of this browser (the pages and the service worker), as Android
 * does to a tab in the background; the browser process and its profile stay.
 */
export async function killRenderers(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  await session.detach().catch(() => undefined);
  return renderers.length;
}
