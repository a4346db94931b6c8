import { afterAll } from 'vitest';
import { dropTestDatabases } from './test-db';

// PostgreSQL runs: each test file's databases are dropped when it ends (see createTestDb).
afterAll(dropTestDatabases);
