/**
 * The district server and the Chromium a browser test file shares: started once before the file's
 * tests, stopped after them. Call at the top level of the file; the parts are there from the first
 * test on.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from './app-server.ts';
import { launchBrowser } from './browser.ts';
import { adminApi, type AdminApi } from './e2e-flows.ts';

export type E2eRig = {
  readonly server: AppServer;
  readonly browser: Browser;
  /** The district office's admin, logged in. */
  readonly admin: AdminApi;
};

export function useAppServerAndBrowser(): E2eRig {
  let parts: E2eRig | undefined;
  beforeAll(async () => {
    const server = await startAppServer();
    const browser = await launchBrowser();
    parts = { server, browser, admin: await adminApi(server.url, server.admin) };
  });
  afterAll(async () => {
    await parts?.browser.close();
    await parts?.server.stop();
  });
  const started = (): E2eRig => {
    if (parts === undefined) throw new Error('the app server and browser start in beforeAll: use them inside a test');
    return parts;
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    get admin() {
      return started().admin;
    },
  };
}
