import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import { repoRoot } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { onPostgres } from '../testing/test-db';
import { importPaths, type ImportOptions, type ImportSummary } from './import-paths';
import { previewOnCopy } from './preview-copy';

const fixtures = resolve(repoRoot, 'fixtures/import');
const school = join(fixtures, 'generator-format');
const options = { pseudonymKey: 'test-key', source: 'web' as const, userId: null };

/** A database file (the copy reads a file: what the server runs on), migrated, with the reference data. */
async function aDatabaseFile(): Promise<{ db: Db; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-preview-copy-')), 'primm.sqlite');
  const db = openSqlite(path);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  return { db, path };
}

/** The preview both ways: the dry run in place (as before) and on the copy; what each answered or threw. */
type Outcome = {
  summary?: ImportSummary;
  error?: { type: string; message: string; refused: unknown };
  batch?: Record<string, unknown>;
};

async function bothWays(
  db: Db,
  path: string,
  paths: string[],
  more: Partial<ImportOptions> = {},
): Promise<{ inPlace: Outcome; copied: Outcome }> {
  const before = await db
    .selectFrom('import_batch')
    .select(({ fn }) => fn.max('id').as('id'))
    .executeTakeFirst();
  const inPlace = await importPaths(db, paths, { ...options, ...more, dryRun: true }).then(
    (summary) => ({ summary }),
    async (error: unknown) => ({ error: describe(error), batch: await failedBatchAfter(db, before?.id ?? 0) }),
  );
  const { summary, failure } = await previewOnCopy(path, paths, { ...options, ...more });
  const copied = failure ? { error: describe(failure.error), batch: withoutTimes(failure.batch) } : { summary };
  return { inPlace, copied };

  function describe(error: unknown) {
    return {
      type: (error as Error).constructor.name,
      message: (error as Error).message,
      refused: (error as { refused?: unknown }).refused,
    };
  }
}

/** The failed batch the dry run in place recorded, if any. */
async function failedBatchAfter(db: Db, id: number) {
  const row = await db
    .selectFrom('import_batch')
    .selectAll()
    .where('status', '=', 'failed')
    .where('id', '>', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { id: _id, ...values } = row;
  return withoutTimes(values);
}

function withoutTimes(batch: Record<string, unknown> | undefined) {
  return batch && { ...batch, started_at: expect.any(String), finished_at: expect.any(String) };
}

describe.skipIf(onPostgres)('previewOnCopy: the same preview as the dry run in place', () => {
  test.each([
    ['the school of generator-format into an empty database', [], [school]],
    ['it again (a re-import: every row unchanged)', [school], [school]],
    ['the Windows-1252 export of the same school over it', [school], [join(fixtures, 'excel-windows-1252')]],
    ['per-class grade exports matched by name over it', [school], [join(fixtures, 'class-grade-exports')]],
    ['per-class grade exports with no school yet (nothing matches)', [], [join(fixtures, 'class-grade-exports')]],
    ['the ministry registry', [], [join(fixtures, 'mim-registry')]],
    ['a OneRoster bundle over the school', [school], [join(fixtures, 'oneroster/bundle')]],
  ])('when %s, then summary, matches, transfers and errors are equal', async (_name, before, upload) => {
    const { db, path } = await aDatabaseFile();
    for (const p of before) await importPaths(db, [p], { ...options, source: 'cli' });

    const { inPlace, copied } = await bothWays(db, path, upload);

    expect(copied).toEqual(inPlace);
    expect(inPlace).toHaveProperty('summary');
    await db.destroy();
  });

  test('when an upload fails (a line with no end) or names a school outside the scope, then the same error, and the same failed batch to record', async () => {
    const { db, path } = await aDatabaseFile();
    await importPaths(db, [school], { ...options, source: 'cli' });
    const broken = mkdtempSync(join(tmpdir(), 'primm-preview-copy-'));
    cpSync(school, broken, { recursive: true });
    appendFileSync(join(broken, 'ANPS03000E/voti.csv'), `RSSGLI09C54A271T;01/10/2025;${'x'.repeat(70_000)}`);

    const failed = await bothWays(db, path, [broken]);
    const refused = await bothWays(db, path, [school], { scope: { schoolIds: [999] } });

    expect(failed.copied).toEqual(failed.inPlace);
    expect(failed.inPlace).toMatchObject({
      error: { type: 'CsvSyntaxError' },
      batch: { status: 'failed', source: 'web' },
    });
    expect(refused.copied).toEqual(refused.inPlace);
    expect(refused.inPlace).toMatchObject({
      error: { type: 'ImportScopeError', refused: [{ code: 'ANPS03000E', known: true }] },
      batch: undefined,
    });
    await db.destroy();
  });
});

describe.skipIf(onPostgres)('previewOnCopy on a generated region with transfers between schools', () => {
  let region: string;
  let schools: string[];
  beforeAll(async () => {
    region = join(mkdtempSync(join(tmpdir(), 'primm-preview-region-')), 'region');
    await generateRegion({ students: 150, schools: 3, seed: 11, asOf: '2026-01-31', outDir: region });
    schools = readdirSync(region)
      .filter((d) => /^[A-Z]{2}[A-Z0-9]{8}$/.test(d))
      .sort()
      .map((d) => join(region, d));
  }, 30_000);

  /**
   * A copy of `target` whose studenti.csv also enrols, from 12/01/2026, the first `n` students of
   * `from` (still enrolled there: conflicts, or confirmed by the admin), on top of the transfers
   * the generator made (recorded by both schools: accepted).
   */
  function withStudentsOf(target: string, from: string, n: number): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-preview-transfer-')), target.split('/').pop()!);
    cpSync(target, dir, { recursive: true });
    const className = readFileSync(join(target, 'classi.csv'), 'utf8').split('\n')[1]!.split(';')[1]!;
    const moving = readFileSync(join(from, 'studenti.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1, 1 + n)
      .map((line) => [...line.split(';').slice(0, 11), className, '12/01/2026', '', ''].join(';'));
    appendFileSync(join(dir, 'studenti.csv'), `${moving.join('\n')}\n`);
    return dir;
  }

  test('when a school is previewed over the other two, with students moving in and out, then the previews are equal, transfers of every kind and all', async () => {
    const { db, path } = await aDatabaseFile();
    for (const other of schools.slice(1))
      await importPaths(db, [other], { ...options, source: 'cli', recompute: false });
    const upload = withStudentsOf(schools[0]!, schools[1]!, 3);
    const statuses: string[] = [];

    for (const confirmTransfers of [false, true]) {
      const { inPlace, copied } = await bothWays(db, path, [upload], { scope: 'all', confirmTransfers });

      expect(copied).toEqual(inPlace);
      statuses.push(...(inPlace.summary?.transfers ?? []).map((t) => t.status));
    }
    // The comparison saw every kind of transfer: accepted (exit recorded), conflict, confirmed.
    expect([...new Set(statuses)].sort()).toEqual(['accepted', 'confirmed', 'conflict']);
    await db.destroy();
  }, 20_000);

  test('when a school re-imports a student who has since moved to another school, with new personal data, then equal too (theirs left as it is)', async () => {
    const { db, path } = await aDatabaseFile();
    await importPaths(db, [region], { ...options, source: 'cli', recompute: false });
    // The school a student left for another one of the region.
    const lines = (dir: string) => readFileSync(join(dir, 'studenti.csv'), 'utf8').split('\n');
    const left = schools.find((dir) =>
      lines(dir).some(
        (l) =>
          l.endsWith(';trasferito') &&
          schools.some((o) => o !== dir && lines(o).some((m) => m.startsWith(l.slice(0, 16)))),
      ),
    )!;
    const moved = mkdtempSync(join(tmpdir(), 'primm-preview-moved-'));
    cpSync(left, join(moved, 'S'), { recursive: true });
    // Every student of it now with another birthplace: a rewrite the transfer rule allows only to the school holding them.
    const file = join(moved, 'S/studenti.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^(([^;\n]*;){5})[^;\n]*/gm, (line, head: string) =>
        line.startsWith('Codice') ? line : `${head}ALTROVE`,
      ),
    );

    const { inPlace, copied } = await bothWays(db, path, [join(moved, 'S')]);

    expect(copied).toEqual(inPlace);
    expect(inPlace.summary?.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/iscritto presso un'altra scuola: i suoi dati anagrafici non sono stati aggiornati/),
    );
    await db.destroy();
  }, 20_000);
});
