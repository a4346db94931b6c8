import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { ensureLetterTemplates, readShippedTemplates } from './seed-templates';

const bodyOf = async (db: Awaited<ReturnType<typeof createTestDb>>) =>
  (
    await db
      .selectFrom('letter_template')
      .select(['body', 'verified_by'])
      .where('kind', '=', 'family_notice')
      .where('language', '=', 'ar')
      .executeTakeFirstOrThrow()
  ).body;

test("ensureLetterTemplates: when the server starts again after the admin's edit, then the edit stays and only a missing pair is added back", async () => {
  const db = await createTestDb(); // seeded once already, as at the first start
  await db
    .updateTable('letter_template')
    .set({ body: 'Testo modificato dall’amministratore per {{studentName}}.', updated_at: '2026-03-01T00:00:00Z' })
    .where('kind', '=', 'family_notice')
    .where('language', '=', 'ar')
    .execute();
  await db
    .deleteFrom('letter_template')
    .where('kind', '=', 'meeting_invitation')
    .where('language', '=', 'bn')
    .execute();

  const inserted = await ensureLetterTemplates(db);

  expect(inserted).toBe(1);
  expect(await bodyOf(db)).toBe('Testo modificato dall’amministratore per {{studentName}}.');
  expect(
    await db
      .selectFrom('letter_template')
      .select('language')
      .where('kind', '=', 'meeting_invitation')
      .where('language', '=', 'bn')
      .execute(),
  ).toEqual([{ language: 'bn' }]);
});

test.each([
  ['family-notice.ar.md', 'Oggetto: {{studentName}} e {{cognome}}, testo lungo abbastanza', /\{\{cognome\}\}/],
  ['lettera-strana.ar.md', 'Oggetto: {{studentName}}, testo lungo abbastanza', /nome sconosciuto: lettera-strana/],
  ['family-notice.xx.md', 'Oggetto: {{studentName}}, testo lungo abbastanza', /nome sconosciuto: family-notice\.xx/],
])('readShippedTemplates: when the repository holds %s, then the start stops with the reason', (file, body, reason) => {
  const dir = mkdtempSync(join(tmpdir(), 'primm-letters-'));
  writeFileSync(join(dir, file), body);

  expect(() => readShippedTemplates(dir)).toThrow(reason);
});
