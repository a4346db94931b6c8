import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { SCHOOL_FILES, SCHOOL_FILE_NAMES, templateCsv } from '@primm/shared/import-format/school-files';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { importPaths } from './import-paths';

describe('import templates', () => {
  test('when every template is saved into a school folder, then the folder imports with no row rejected, one row per file', async () => {
    const db = await createTestDb();
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-templates-')), 'ANPS03000E');
    mkdirSync(dir);
    for (const file of SCHOOL_FILE_NAMES) writeFileSync(join(dir, file), templateCsv(file));

    const summary = await importPaths(db, [dir], {
      pseudonymKey: testConfig.pseudonymKey,
      source: 'cli',
      recompute: false,
    });

    expect(summary.errors).toEqual([]);
    expect(summary.fileSummaries.map((f) => [f.file, f.inserted, f.rejected])).toEqual(
      SCHOOL_FILE_NAMES.map((f) => [`ANPS03000E/${f}`, 1, 0]),
    );
    expect(await db.selectFrom('student').select(['last_name', 'first_name']).execute()).toEqual([
      { last_name: 'Rossi', first_name: 'Giulia' },
    ]);
  });

  test.each(SCHOOL_FILE_NAMES)(
    'when a referent downloads %s, then a CSV attachment of that name with the header of every column and the example row',
    async (file) => {
      const db = await createTestDb();

      const res = await request(createApp({ db, config: testConfig }))
        .get(`/api/imports/templates/${file}`)
        .set(await authAs(db, await aUser(db, 'referente')));

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${file}"`);
      const [header, example, end] = res.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header!.split(';')).toEqual(SCHOOL_FILES[file].map((c) => c.name));
      expect(example!.split(';')).toHaveLength(SCHOOL_FILES[file].length);
      expect(end).toBe('');
    },
  );

  test('when a teacher asks for a template, then 403; when the file is not one of a school folder, then 400', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });

    const teacher = await request(app)
      .get('/api/imports/templates/studenti.csv')
      .set(await authAs(db, await aUser(db, 'docente')));
    const unknown = await request(app)
      .get('/api/imports/templates/passwd')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(teacher.status).toBe(403);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
  });
});
