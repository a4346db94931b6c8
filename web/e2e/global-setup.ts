import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundlePrimm } from './server-bundle';
import { startApp } from './start-app';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding a demo database (`primm.sqlite` and its key file) made once for the run. */
    demoTemplate: string;
    /** `pnpm primm` built into one JavaScript entry (server-bundle.ts) for the specs' servers. */
    primmEntry: string;
  }
}

/**
 * Loading the demo region (import and risk of ≈ 3 000 students) is most of a spec's start-up, and
 * every spec wants its own database to change. So the region is loaded once, by a server started
 * as a user would, and each spec's server starts on a copy of that database (start-app.ts). Both
 * run `pnpm primm` built once into JavaScript from the current source (server-bundle.ts): through
 * tsx, each start cost ≈ 2.5 s more of CPU.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const built = mkdtempSync(join(tmpdir(), 'primm-e2e-bundle-'));
  const entry = await bundlePrimm(built);
  const app = await startApp({}, undefined, entry);
  await app.stop({ keep: true });
  const template = mkdtempSync(join(tmpdir(), 'primm-e2e-template-'));
  cpSync(app.dataDir, template, { recursive: true });
  rmSync(app.dataDir, { recursive: true, force: true });
  project.provide('demoTemplate', template);
  project.provide('primmEntry', entry);
  return () => {
    rmSync(template, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  };
}
