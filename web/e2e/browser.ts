import { createRequire } from 'node:module';
import type AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { timed } from './timing';

/**
 * Debian's Chromium (Playwright's own download does not work here). The flags keep it from
 * reaching for the network, which this machine refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * The one Chromium of an e2e run (global-setup.ts), which each spec reaches with `connectBrowser`:
 * a launch cost 2.3–2.5 CPU-s of Chromium and 4.6–5.2 s (load 14), once per spec file (issue 23).
 * Each spec still has its own contexts, closed when it disconnects.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions);
}

export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/** WCAG 2.1 A/AA violations of the page as it is now, as short readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** The axe-core that @axe-core/playwright would inject: the same version, whatever the lockfile says. */
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }
).source;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The WCAG 2.1 A/AA rules axe finds broken on the page as it is now: the one axe configuration of
 * the journeys. (axe's `resultTypes: ['violations']`, which would skip collecting the passing
 * nodes, made landmark-unique report distinct landmarks as duplicates: it stays off.)
 *
 * axe runs in the page as `axe.run` (what AxeBuilder's legacy mode does), injected once per
 * document: AxeBuilder.analyze() evaluated axe's 550 kB source into the page on every call, then
 * opened a second, blank tab to inject it again and merge the frames' results there (axe.finishRun,
 * for cross-origin iframes, which the app has none of). On the loaded 2-core machine that was 7–19 s
 * a check against 0.3–1.5 s for the run itself (issue 23); the rules run and their results (violations,
 * passes, incomplete, node by node) were compared equal on the login, home, deadlines and analysis pages.
 */
export function axeViolations(page: Page): Promise<Violation[]> {
  return timed('axe', () => runAxe(page));
}

async function runAxe(page: Page): Promise<Violation[]> {
  // (no DOM types here: scripts/bench/web-timing.ts compiles this file without them)
  type InPage = {
    axe: { run: (context: unknown, options: object) => Promise<{ violations: Violation[] }> };
    document: unknown;
  };
  // a client-side navigation keeps the document, and axe in it; a load (goto, reload) brings a new one
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate((values) => {
    const { axe, document } = globalThis as unknown as InPage;
    return axe.run(document, { runOnly: { type: 'tag', values } }).then((results) => results.violations);
  }, WCAG_21_AA);
}
