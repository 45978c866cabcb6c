// Issue 6: the district server SIGKILLed between its commit and its reply to a phone's push
// (server/fault-point.ts, LUMBUNG_SIM_CRASH_AT=push-after-commit:<n>). The phone in real Chromium
// never hears back; the server is started again on the same data directory; the phone resends
// and is told `duplicate`; the server holds each entry once. The phone reaches the server through
// a relay (tests/support/holding-proxy.ts) so its origin stays the same across the restarts.
//
// LUMBUNG_KILLS rounds (3 in `npm test`), each a server death with a different push: round r
// saves r + 1 entries of rotating kinds while the relay keeps the server out of reach, so the
// push that kills the server carries them all. Every server but the last is started armed for the
// round after: its first push (the phone's resend) passes, its second one kills it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { adminApi, syncNowAndWait, type AdminApi } from '../support/e2e-flows.ts';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.ts';
import { ENTRY_KINDS, EntryPlanner, saveConfirmed } from '../support/kill-entries.ts';
import { expectPhoneKeeps, expectServerHoldsPhoneOnce } from '../support/kill-invariants.ts';
import { readPhoneStore } from '../support/kill-phone-store.ts';
import { enrollPhone, KillTally, killsPerPoint, pushUntil } from '../support/kill-rig.ts';

const ROUNDS = killsPerPoint();

let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let proxy: HoldingProxy;
let server: AppServer;
let admin: AdminApi;
let cooperativeId: string;
const servers: AppServer[] = [];
const planner = new EntryPlanner();
const tally = new KillTally();
const mustHave = new Set<string>();

/** A server on the shared data directory, armed to die after committing its `crashAt`-th push. */
async function serverOn(crashAt: number | null): Promise<AppServer> {
  const env: Record<string, string> = { LUMBUNG_DATA_DIR: dataDir };
  if (crashAt !== null) env.LUMBUNG_SIM_CRASH_AT = `push-after-commit:${String(crashAt)}`;
  const started = await startAppServer({ env });
  servers.push(started);
  return started;
}

async function isDown(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/v1/health`);
    return false;
  } catch {
    return true;
  }
}

/** Resolves once nothing answers on `url` any more. */
async function died(url: string): Promise<void> {
  while (!(await isDown(url))) await new Promise((resolve) => setTimeout(resolve, 200));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lumbung-kill-server-'));
  browser = await launchBrowser();
  server = await serverOn(1);
  proxy = await startHoldingProxy(server.url);
  admin = await adminApi(server.url, server.admin);
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  ({ page, cooperativeId } = await enrollPhone(context, proxy.url, admin, {
    cooperative: 'KSP Bangkit',
    device: 'HP Bangkit',
    user: 'Bu Wati',
    pin: '975310',
  }));
});

afterAll(async () => {
  console.log(tally.report());
  await context.close();
  await browser.close();
  await proxy.close();
  for (const each of servers) await each.stop();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

describe('server SIGKILL between commit and reply', () => {
  for (let round = 0; round < ROUNDS; round++) {
    it(`round ${String(round + 1)} of ${String(ROUNDS)}: the phone resends, is told duplicate, and nothing is doubled`, async () => {
      const started = Date.now();
      expect(await isDown(server.url)).toBe(false);
      // Saved while the server is out of reach (each save's own push is refused), so one push carries them all.
      proxy.refusePushes(true);
      for (let i = 0; i <= round; i++) mustHave.add(await saveConfirmed(page, planner.plan(ENTRY_KINDS[(round + i) % 3] ?? 'sales')));
      proxy.refusePushes(false);
      const answersBefore = proxy.pushAnswers.length;
      // The server commits the push and dies before answering.
      await pushUntil(page, died(server.url));

      // Started again on the same data: the entries it committed are there, the phone does not know.
      server = await serverOn(round === ROUNDS - 1 ? null : 2);
      proxy.setUpstream(server.url);
      admin = await adminApi(server.url, server.admin);
      const before = await readPhoneStore(page);
      expectPhoneKeeps(before, mustHave);
      expect((await admin.cooperative(cooperativeId)).cooperative.entries, 'the dead server committed the whole push').toBe(before.entries.length);

      await syncNowAndWait(page);
      expect(proxy.pushAnswers.slice(answersBefore).some((answer) => answer.includes('"duplicate"'))).toBe(true);
      const after = await readPhoneStore(page);
      expectPhoneKeeps(after, mustHave);
      await expectServerHoldsPhoneOnce(admin, cooperativeId, after);
      tally.record('server SIGKILL', 'after-commit-before-reply', 'committed push resent, duplicate, stored once', Date.now() - started);
    }, 240_000);
  }
});
