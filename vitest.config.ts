import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { databaseTestFiles } from './server/src/testing/database-test-files';
import { webDomTestFiles } from './web/vitest.config';

// One `vitest run` covers every package; the browser journeys have their own config (web/e2e).
// On PostgreSQL (PG_URL set, `pnpm test:pg`) the server project runs only the files that use a
// database: the others ran already, and would run the same code again.
export default defineConfig({
  test: {
    // One test file per core. Vitest's default is one less than the cores, which on the 2-core
    // machines CI and reviewers use is ONE: the whole suite ran file after file (a clean-clone run
    // of 06/12/2026: 488 s of wall time for 433 s of summed file time) with a core idle.
    maxWorkers: availableParallelism(),
    projects: [
      // Pure functions with no module state and no mocks: one module graph per worker thread, not one
      // process and import per file (most of their cost was that).
      {
        test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'], pool: 'threads', isolate: false },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: process.env.PG_URL
            ? databaseTestFiles(fileURLToPath(new URL('./server', import.meta.url)))
            : ['src/**/*.test.ts'],
          setupFiles: ['./src/testing/setup-tests.ts'],
          // A worker thread per file instead of a child process (better-sqlite3 and argon2 load in
          // threads; TMPDIR, set per file by temp-dirs.ts, is the thread's own copy of the env):
          // ≈ 20 % less CPU on a sample of 20 files.
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'scripts',
          root: './scripts',
          include: ['**/*.test.ts'],
          // Each file's temporary folders, and those of the processes it spawns, removed when it ends.
          setupFiles: ['../server/src/testing/temp-dirs.ts'],
        },
      },
      './web/vitest.config.ts',
      // The web package's pure functions (`*.test.ts`: chart data, CSV, i18n texts, formats): no DOM,
      // no msw, no setup file. In the web project each of them paid ≈ 2.2 s of CPU for jsdom and the
      // setup (every msw handler and fixture) before a test that runs in milliseconds. A file here
      // that touches the DOM fails loudly (`document is not defined`): move it to webDomTestFiles.
      {
        test: {
          name: 'web-pure',
          root: './web',
          include: ['src/**/*.test.ts'],
          exclude: webDomTestFiles,
          environment: 'node',
          pool: 'threads',
          isolate: false,
        },
      },
    ],
  },
});
