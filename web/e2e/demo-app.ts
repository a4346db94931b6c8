import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, type RunningApp } from './start-app';

/**
 * One running app on its own copy of the demo database (global-setup.ts) and one Chromium for the tests of a spec file:
 * `demo.app` and `demo.browser` are set before the first test and closed after the last.
 */
export function setupDemoApp(): { app: RunningApp; browser: Browser } {
  const demo = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    [demo.app, demo.browser] = await Promise.all([
      startApp({}, inject('demoTemplate'), inject('primmEntry')),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.app?.stop();
  });
  return demo;
}
