import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../web/e2e/browser';
import { signIn } from '../../web/e2e/sign-in';
import { startApp, type RunningApp } from '../../web/e2e/start-app';
import { percentile } from './latency-summary';

/** Issue 19's goals, on this machine: the student page ready within 2× the shell's first render, its summary within 0.5 s. */
export const STUDENT_PAGE_GOALS = { summary_ms: 500, chart_to_shell: 2 } as const;

/** What one run measured, in ms: from the navigation's start, and from the click on a student's name. */
export interface TimingRun {
  /** The app shell's first render (the site header in the DOM, at the next frame). */
  shell_ms: number;
  /** The shell with the signed-in user's navigation (after `/api/me`). */
  shell_nav_ms: number;
  /** The class risk list's first row. */
  class_list_ms: number;
  /** Click → the student page's summary (level and why). */
  summary_ms: number;
  /** Click → the first chart drawn (the weekly attendance line). */
  chart_ms: number;
}

export interface WebTimingResult {
  runs: TimingRun[];
  median: TimingRun;
  /** Median chart time over median shell time: the goal is ≤ 2. */
  chart_to_shell: number;
  goals: typeof STUDENT_PAGE_GOALS;
  met: { summary: boolean; chart: boolean };
  /** Load average (1 min) of the machine before and after the runs: the machine is shared. */
  load_avg_1m: { before: number; after: number };
  student_id: number;
  demo_cache: string;
}

/** Medians of the runs, the ratio the goal is about and whether each goal is met (pure, tested). */
export function summarizeTimings(runs: TimingRun[]): Pick<WebTimingResult, 'median' | 'chart_to_shell' | 'met'> {
  const keys = ['shell_ms', 'shell_nav_ms', 'class_list_ms', 'summary_ms', 'chart_ms'] as const;
  const median = Object.fromEntries(
    keys.map((k) => [
      k,
      Math.round(
        percentile(
          runs.map((r) => r[k]).sort((a, b) => a - b),
          50,
        ),
      ),
    ]),
  ) as unknown as TimingRun;
  const chart_to_shell = Math.round((median.chart_ms / median.shell_ms) * 100) / 100;
  return {
    median,
    chart_to_shell,
    met: {
      summary: median.summary_ms <= STUDENT_PAGE_GOALS.summary_ms,
      chart: chart_to_shell <= STUDENT_PAGE_GOALS.chart_to_shell,
    },
  };
}

/**
 * Stamps, in the page, the first time each element is in the DOM (at the next animation frame,
 * i.e. about when it is painted) and the last click, all on `performance.now()`: ms since the
 * navigation started. Plain script text: it runs in the page, not here.
 */
const MARKS_SCRIPT = `(() => {
  const marks = (window.__primmMarks = {});
  const watch = {
    shell: 'header.site-header',
    shell_nav: 'header.site-header nav',
    class_list: 'table.risk-table tbody tr',
    summary: '.student-summary .summary-level',
    chart: '#attendance-body .recharts-line-curve',
  };
  const check = () => {
    for (const [key, selector] of Object.entries(watch)) {
      if (marks[key] === undefined && marks['seen_' + key] === undefined && document.querySelector(selector)) {
        marks['seen_' + key] = performance.now();
        requestAnimationFrame(() => (marks[key] = performance.now()));
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('click', () => {
    marks.click = performance.now();
    for (const key of ['summary', 'chart']) { delete marks[key]; delete marks['seen_' + key]; }
  }, true);
})();`;

type Marks = Record<string, number | undefined>;
// Functions, not strings: the app's CSP (script-src 'self') refuses what Playwright would eval from a string.
const readMarks = (page: Page) => page.evaluate(() => (globalThis as unknown as { __primmMarks: Marks }).__primmMarks);
const waitForMark = (page: Page, key: string) =>
  page.waitForFunction(
    (k) => (globalThis as unknown as { __primmMarks?: Marks }).__primmMarks?.[k] !== undefined,
    key,
    { timeout: 30_000 },
  );

/**
 * In Chromium, against the real app on the demo region (`serve --demo`, as `pnpm start`): the
 * demo teacher opens their first class; once its list is up and the page idle (a teacher reads
 * before clicking), a click on the most at-risk student. Each run is a fresh page of the same
 * signed-in context (the first with a cold HTTP cache); the figures are per run and medians.
 * `keep`: a folder holding (or to hold) the demo database, so the region loads once (≈ 1.5 min).
 */
export async function benchWebTiming(options: {
  runs: number;
  keep?: string;
  log?: (line: string) => void;
}): Promise<WebTimingResult> {
  const log = options.log ?? (() => {});
  const before = loadavg()[0] ?? 0;
  const keep = options.keep ? resolve(options.keep, 'demo') : undefined;
  const cached = keep !== undefined && existsSync(join(keep, 'primm.sqlite'));
  log(
    cached ? `regione dimostrativa da ${keep}` : 'avvio del server sulla regione dimostrativa (la carica: ≈ 1,5 min)…',
  );
  let app: RunningApp | undefined;
  const browser = await launchBrowser();
  try {
    app = await startApp({}, cached ? keep : undefined);
    if (keep && !cached) {
      mkdirSync(keep, { recursive: true });
      cpSync(app.dataDir, keep, { recursive: true });
    }
    const first = await signIn(browser, app.url, 'docente@demo.primm.it');
    const context = first.context();
    const me = (await (await context.request.get(`${app.url}/api/me`)).json()) as { classIds: number[] };
    const classId = me.classIds[0]!;
    const list = (await (await context.request.get(`${app.url}/api/classes/${classId}/risk`)).json()) as {
      items: { studentId: number }[];
    };
    const studentId = list.items[0]!.studentId;
    await first.close();
    await context.addInitScript(MARKS_SCRIPT);

    const runs: TimingRun[] = [];
    for (let n = 0; n < options.runs; n++) {
      runs.push(await oneRun(context, `${app.url}/classi/${classId}`, studentId));
      log(`  ${n + 1}/${options.runs}: ${JSON.stringify(runs.at(-1))}`);
    }
    return {
      runs,
      ...summarizeTimings(runs),
      goals: STUDENT_PAGE_GOALS,
      load_avg_1m: { before: Math.round(before * 100) / 100, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      student_id: studentId,
      demo_cache: keep ?? '(temporanea, rimossa)',
    };
  } finally {
    await browser.close();
    await app?.stop();
  }
}

async function oneRun(context: BrowserContext, classUrl: string, studentId: number): Promise<TimingRun> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  try {
    await page.goto(classUrl);
    await waitForMark(page, 'class_list');
    // the teacher reads the list: what the page does when idle (the student page's code) is done by then
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    await page.locator(`table.risk-table a[href="/studenti/${studentId}"]`).click();
    await waitForMark(page, 'summary');
    await waitForMark(page, 'chart');
    const m = await readMarks(page);
    const ms = (x: number | undefined) => Math.round(x!);
    return {
      shell_ms: ms(m.shell),
      shell_nav_ms: ms(m.shell_nav),
      class_list_ms: ms(m.class_list),
      summary_ms: ms(m.summary! - m.click!),
      chart_ms: ms(m.chart! - m.click!),
    };
  } finally {
    await page.close();
  }
}
