import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SAME_ON_EITHER_ENGINE, databaseTestFiles, usesDatabase } from './database-test-files';

/** A throw-away server tree: path under server/ → source. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'primm-db-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('databaseTestFiles', () => {
  test.each([
    ['imports createTestDb', `import { createTestDb } from '../testing/test-db';`, true],
    ['imports a helper that imports it', `import { makeSchool } from '../testing/factories';`, true],
    ['imports it through an index', `import { helper } from '../helpers';`, true],
    ['imports it late, with import()', `const { createTestDb } = await import('../testing/test-db');`, true],
    ['opens PostgreSQL itself (PG_URL)', `const url = process.env.PG_URL;`, true],
    ['imports pure modules only', `import { parse } from './parse';`, false],
    ['imports nothing', `test('x', () => {});`, false],
  ])('when a test file %s, then it is selected: %s', (_case, source, selected) => {
    const root = tree({
      'src/testing/test-db.ts': 'export const createTestDb = 1;',
      'src/testing/factories.ts': `import { createTestDb } from './test-db';`,
      'src/helpers/index.ts': `export * from '../testing/factories';`,
      'src/feature/parse.ts': 'export const parse = 1;',
      'src/feature/x.test.ts': source,
    });

    expect(databaseTestFiles(root)).toEqual(selected ? ['src/feature/x.test.ts'] : []);
  });

  test('on this server: the API tests are selected, the pure ones are not', () => {
    const server = resolve(import.meta.dirname, '../..');
    const files = databaseTestFiles(server);

    expect(files).toEqual(expect.arrayContaining(['src/auth/routes.test.ts', 'src/http/session-connection.test.ts']));
    expect(files).not.toContain('src/imports/csv-parser.test.ts');
    expect(usesDatabase(join(server, 'src/auth/routes.test.ts'), join(server, 'src/testing/test-db.ts'))).toBe(true);
  });

  test('on this server: each file the PostgreSQL run skips on purpose exists and uses a database, and is left out', () => {
    const server = resolve(import.meta.dirname, '../..');
    const files = databaseTestFiles(server);
    const testDb = join(server, 'src/testing/test-db.ts');

    expect(Object.keys(SAME_ON_EITHER_ENGINE)).toContain('src/http/role-matrix.test.ts');
    for (const skipped of Object.keys(SAME_ON_EITHER_ENGINE)) {
      expect(usesDatabase(join(server, skipped), testDb)).toBe(true);
      expect(files).not.toContain(skipped);
    }
  });
});
