/**
 * What setup-tests.ts calls around each test for test-db.ts, filled in by test-db.ts when a test
 * file loads it. The setup file does not import test-db itself: that would load kysely,
 * better-sqlite3 and every migration into the files that never open a database (a third of the
 * server's), for nothing.
 */
export const testDbHooks: {
  testStarts?: () => void;
  testEnds?: () => Promise<void>;
  releaseTestDatabases?: () => Promise<void>;
  databasesMade?: () => number;
} = {};
