// Runs before each test file, after temp-dirs.ts (the first setup file of the server projects,
// vitest.config.ts), which gives the file its temporary folder before any module makes one. In the
// project `server` (isolate: false) the files of a worker share one module graph: this file and
// temp-dirs.ts run again for each test file, the modules they import do not. Whatever must be per
// file is done here or in a hook, not when an imported module loads.
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { setPasswordHashCost } from '../auth/password';
import { usesDatabase } from './database-test-files';
import { testDbHooks } from './test-db-hooks';

// Cheap argon2id for the server tests only (issue 23): each login of a test otherwise costs
// 19 MiB and two passes, and a loaded 2-core machine ran suites into the 5 s timeout.
// Production keeps PRODUCTION_HASH_COST (checked by password.test.ts).
setPasswordHashCost({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

// PostgreSQL runs: the databases a test took are given back (and reset when next taken) after
// it, after the file's own afterEach hooks (hooks of the setup file run first before, last after);
// those taken in beforeAll, when the file ends. See createTestDb. Through testDbHooks: only the
// files that load test-db.ts pay for it.
beforeEach(() => testDbHooks.testStarts?.());
afterEach(() => testDbHooks.testEnds?.());
afterAll(() => testDbHooks.releaseTestDatabases?.());

// The PostgreSQL run repeats only the files databaseTestFiles finds (vitest.config.ts): a file that
// made a database on SQLite but is not among them would be skipped there silently, so it fails here.
// test-db.ts counts the databases of every file that shared it: this file's are the difference.
const databasesMadeBefore = testDbHooks.databasesMade?.() ?? 0;
afterAll(() => {
  const file = expect.getState().testPath;
  const made = (testDbHooks.databasesMade?.() ?? 0) - databasesMadeBefore;
  if (process.env.PG_URL || made === 0 || !file) return;
  if (!usesDatabase(file, join(import.meta.dirname, 'test-db.ts'))) {
    throw new Error(
      `${file} makes a test database but the PostgreSQL run would skip it: import createTestDb from testing/test-db (see database-test-files.ts)`,
    );
  }
});
