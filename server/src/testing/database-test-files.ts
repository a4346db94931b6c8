import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The server test files that use a database, the only ones the PostgreSQL run repeats (vitest.config.ts):
 * a file that never opens one runs the same code on either engine, and ran already on SQLite.
 *
 * A file uses a database when it imports `testing/test-db.ts` (where every test database is made),
 * directly or through the modules it imports, or names `PG_URL` (tests that open PostgreSQL
 * themselves). Derived from the imports, not from a list, so a new database test cannot be left
 * out; and setup-tests.ts fails any SQLite run of a file that made a database yet is not selected
 * here (an import this reading does not follow).
 */
export function databaseTestFiles(serverRoot: string): string[] {
  const src = resolve(serverRoot, 'src');
  const testDb = join(src, 'testing', 'test-db.ts');
  return testFilesUnder(src)
    .filter((file) => usesDatabase(file, testDb))
    .map((file) => relative(serverRoot, file).split('\\').join('/'))
    .filter((file) => !(file in SAME_ON_EITHER_ENGINE))
    .sort();
}

/**
 * Files that use a database yet check nothing the engine decides, each with the reason: the
 * PostgreSQL run skips them. Keep it short; a file whose SQL differs by engine never belongs here.
 */
export const SAME_ON_EITHER_ENGINE: Readonly<Record<string, string>> = {
  // 296 requests (every role × every route) that end at the role and scope checks; the lookups
  // behind those checks, and each route's own SQL, are repeated on PostgreSQL by the routes' tests.
  // It was the longest file of the PostgreSQL run (48 s of its 400 s).
  'src/http/role-matrix.test.ts': 'role and scope checks, ahead of every query',
};

/** Whether this test file uses a database, by the rule above (absolute paths). */
export function usesDatabase(testFile: string, testDb: string): boolean {
  const seen = new Set<string>();
  const queue = [testFile];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file === testDb) return true;
    const { text, imports } = moduleOf(file);
    if (file === testFile && text.includes('PG_URL')) return true;
    queue.push(...imports);
  }
  return false;
}

/** Each module read once per process (the tests share most of the server's modules). */
const modules = new Map<string, { text: string; imports: string[] }>();

function moduleOf(file: string): { text: string; imports: string[] } {
  let found = modules.get(file);
  if (!found) {
    const text = readFileSync(file, 'utf8');
    const imports = relativeImports(text)
      .map((spec) => resolveModule(dirname(file), spec))
      .filter((target): target is string => target !== undefined);
    found = { text, imports };
    modules.set(file, found);
  }
  return found;
}

/** `from './x'`, `import './x'`, `import('./x')`: the relative specifiers of a module. */
function relativeImports(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) specs.push(m[1]!);
  return specs;
}

function resolveModule(dir: string, spec: string): string | undefined {
  const base = resolve(dir, spec.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

function testFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFilesUnder(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
