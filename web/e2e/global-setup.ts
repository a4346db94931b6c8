import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';
import { preparedRun, prepareRun } from './prepared-run';
import { logChildrenCpu, timingContext } from './timing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding a demo database (`primm.sqlite` and its key file), never written: each spec copies it. */
    demoTemplate: string;
    /** `pnpm primm` built into one JavaScript entry (server-bundle.ts) for the specs' servers. */
    primmEntry: string;
    /** The run's Chromium (browser.ts), for `chromium.connect`. */
    browserEndpoint: string;
  }
}

/**
 * Loading the demo region (import and risk of ≈ 3 000 students) is most of a spec's start-up, and
 * every spec wants its own database to change. So the region is loaded once, by a server started
 * as a user would, and each spec's server starts on a copy of that database (start-app.ts). Both
 * run `pnpm primm` built once into JavaScript from the current source (server-bundle.ts): through
 * tsx, each start cost ≈ 2.5 s more of CPU.
 *
 * `pnpm test` prepares both while the typecheck runs (`test:e2e:prepare`, on the core tsc leaves
 * idle); a run whose source stamp matches (prepared-run.ts) uses them, any other makes them here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [run, browser] = await Promise.all([
    Promise.resolve(preparedRun()).then((prepared) => prepared ?? prepareRun()),
    launchBrowserServer(),
  ]);
  project.provide('demoTemplate', run.template);
  project.provide('primmEntry', run.entry);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    timingContext('(run)', '(after all)');
    logChildrenCpu(); // the run's Chromium
    await browser.close();
  };
}
