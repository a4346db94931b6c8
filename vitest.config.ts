import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { databaseTestFiles } from './server/src/testing/database-test-files';
import { webDomTestFiles } from './web/vitest.config';

/**
 * The server test files that need a module graph of their own (project `server-isolated`): the
 * others share one per worker thread (project `server`, isolate: false). A `vi.mock` replaces a
 * module for the whole graph and is not undone when its file ends, and `vi.resetModules` empties
 * the graph every later file would reuse. A file that only leaves state behind (a spy, a timer, an
 * env var) is fixed in its own hooks instead of listed here.
 */
const serverIsolatedTestFiles = [
  'src/aggregates/aggregate-thread.test.ts', // vi.mock: count-groups, publish-counts, what-works, worker_threads
  'src/imports/preview-thread.test.ts', // vi.mock: advisory-locks, import-paths, worker_threads
  'src/recompute/thread-script.test.ts', // vi.mock: esbuild
  'src/recompute/recompute-pool.test.ts', // vi.mock: thread-script
  'src/auth/password.test.ts', // vi.resetModules: password.ts loaded again at the production cost
];

// On PostgreSQL (PG_URL set, `pnpm test:pg`) the server projects run only the files that use a
// database: the others ran already, and would run the same code again.
const serverTestFiles = process.env.PG_URL
  ? databaseTestFiles(fileURLToPath(new URL('./server', import.meta.url)))
  : ['src/**/*.test.ts'];
// temp-dirs.ts first: the file's own temporary folder, before anything makes one.
const serverSetupFiles = ['./src/testing/temp-dirs.ts', './src/testing/setup-tests.ts'];

// One `vitest run` covers every package; the browser journeys have their own config (web/e2e).
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
      // The server's tests: `--project 'server*'` for both projects (`--project server` leaves out
      // the few of server-isolated).
      {
        test: {
          name: 'server',
          root: './server',
          include: serverTestFiles,
          exclude: [...configDefaults.exclude, ...serverIsolatedTestFiles],
          setupFiles: serverSetupFiles,
          // Worker threads, not child processes (better-sqlite3 and argon2 load in threads; TMPDIR,
          // set per file by temp-dirs.ts, is the thread's own copy of the env): ≈ 20 % less CPU on
          // a sample of 20 files. One module graph per thread, not one per file (issue 23): each
          // file imported the whole server again (express, kysely, zod contracts, every route).
          pool: 'threads',
          isolate: false,
        },
      },
      {
        test: {
          name: 'server-isolated',
          root: './server',
          include: process.env.PG_URL
            ? serverTestFiles.filter((file) => serverIsolatedTestFiles.includes(file))
            : serverIsolatedTestFiles,
          setupFiles: serverSetupFiles,
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
