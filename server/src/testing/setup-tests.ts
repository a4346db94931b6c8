// First: the file's own temporary folder, before any module makes one (see temp-dirs.ts).
import './temp-dirs';
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
afterAll(() => {
  const file = expect.getState().testPath;
  if (process.env.PG_URL || (testDbHooks.databasesMade?.() ?? 0) === 0 || !file) return;
  if (!usesDatabase(file, join(import.meta.dirname, 'test-db.ts'))) {
    throw new Error(
      `${file} makes a test database but the PostgreSQL run would skip it: import createTestDb from testing/test-db (see database-test-files.ts)`,
    );
  }
});
