import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const FILES = ['scuola.csv', 'calendario.csv', 'classi.csv', 'studenti.csv', 'assenze.csv', 'voti.csv', 'esiti.csv'];

/** Text that looks like a register export gone wrong: odd headers, quotes, separators, bytes. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '"',
    '""',
    '"a;b',
    ';;;',
    '\r',
    '\n',
    '\u0000',
    '\uFEFF',
    '31/02/2026',
    '99/99/9999',
    '6++',
    'NC',
    '-1',
    '1e9',
    'RSSGLI09C54A271T',
    'S',
    'N',
  ),
);
const header = fc.oneof(
  fc.constantFrom(
    'Codice fiscale;Data;Tipo;Ore;Giustificata',
    'Codice fiscale;Data;Materia;Tipo;Voto',
    'CF,Giorno,Ore',
    'x',
  ),
  fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }).map((h) => h.join(';')),
);
const csvText = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
    fc.constantFrom(';', ',', '\t'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([h, rows, sep, eol]) => [h, ...rows.map((r) => r.join(sep))].join(eol));
const content = fc.oneof(
  csvText.map((t) => Buffer.from(t, 'utf8')),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)), // not text at all (an image, a spreadsheet)
  fc.constant(Buffer.alloc(0)), // empty
);

test('import of hostile files: when any file of a school is replaced by garbage, then a clear rejection, never a crash (120 cases)', async () => {
  const db = await createTestDb();
  const root = mkdtempSync(join(tmpdir(), 'primm-hostile-'));
  let n = 0;

  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FILES), content, async (file, bytes) => {
      const dir = join(root, `case-${n++}`, 'ANPS03000E');
      cpSync(fixture, dir, { recursive: true });
      writeFileSync(join(dir, file), bytes);
      try {
        const summary = await importPaths(db, [dir], { pseudonymKey: 'k', source: 'cli', dryRun: true });
        // Taken in part: every refusal names a file and says why.
        for (const e of summary.errors) expect(e.message.length).toBeGreaterThan(3);
      } catch (err) {
        // Refused as a whole: an error of ours with a message, not a programming error.
        expect(err).toBeInstanceOf(Error);
        expect(err).not.toBeInstanceOf(TypeError);
        expect(err).not.toBeInstanceOf(RangeError);
        expect(err).not.toBeInstanceOf(ReferenceError);
        expect((err as Error).message.length).toBeGreaterThan(3);
      } finally {
        rmSync(join(root, `case-${n - 1}`), { recursive: true, force: true });
      }
    }),
    { numRuns: 120 },
  );
  expect(await db.selectFrom('student').selectAll().execute()).toEqual([]); // dry runs write nothing
}, 30_000); // 120 dry-run imports of a school: ≈ 1.5 s on an idle machine
