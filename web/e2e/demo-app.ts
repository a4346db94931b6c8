import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, type RunningApp } from './start-app';

/**
 * One running app on a fresh demo database and one Chromium for the tests of a spec file:
 * `demo.app` and `demo.browser` are set before the first test and closed after the last.
 */
export function setupDemoApp(): { app: RunningApp; browser: Browser } {
  const demo = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    [demo.app, demo.browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.app?.stop();
  });
  return demo;
}
