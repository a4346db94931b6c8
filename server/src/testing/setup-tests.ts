import { afterAll } from 'vitest';
import { setPasswordHashCost } from '../auth/password';
import { dropTestDatabases } from './test-db';

// Cheap argon2id for the server tests only (issue 23): each login of a test otherwise costs
// 19 MiB and two passes, and a loaded 2-core machine ran suites into the 5 s timeout.
// Production keeps PRODUCTION_HASH_COST (checked by password.test.ts).
setPasswordHashCost({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

// PostgreSQL runs: each test file's databases are dropped when it ends (see createTestDb).
afterAll(dropTestDatabases);
