import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, onTestFinished } from 'vitest';
import { connectBrowser } from './browser';
import { startApp, type RunningApp } from './start-app';
import { logChildrenCpu, timed, timingContext } from './timing';

/**
 * One running app on its own copy of the demo database (global-setup.ts) and a connection to the run's Chromium for the tests of a spec file:
 * `demo.app` and `demo.browser` are set before the first test and closed after the last.
 */
export function setupDemoApp(): { app: RunningApp; browser: Browser } {
  const demo = {} as { app: RunningApp; browser: Browser };
  let testEnds: (() => void) | undefined;
  beforeAll(async () => {
    timingContext(expect.getState().testPath ?? '', '(before all)');
    [demo.app, demo.browser] = await Promise.all([
      timed('server-start', () => startApp({}, inject('demoTemplate'), inject('primmEntry'))),
      timed('browser-connect', () => connectBrowser(inject('browserEndpoint'))),
    ]);
  });
  beforeEach(({ task }) => {
    timingContext(task.file.name, task.name);
    void timed('test', () => new Promise<void>((resolve) => (testEnds = resolve)));
  });
  // the pages a test opened stop with it (the contexts of signedIn stay, with their cache)
  afterEach(async () => {
    testEnds?.();
    await Promise.all(demo.browser.contexts().flatMap((c) => c.pages().map((p) => p.close())));
  });
  afterAll(async () => {
    timingContext(expect.getState().testPath ?? '', '(after all)');
    logChildrenCpu();
    await timed('teardown', async () => {
      await demo.browser?.close();
      await demo.app?.stop();
    });
  });
  return demo;
}

/**
 * Where a download was saved: `download.path()` throws on a browser reached by `connect`, so the
 * file is streamed into a temporary folder removed when the test ends.
 */
export async function downloaded(download: Download): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'primm-e2e-download-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
