import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FamilyLanguage } from '@primm/shared/contracts/family';
import { LetterKind, letterTemplateInput } from '@primm/shared/contracts/letters';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';

export const templatesDir = resolve(repoRoot, 'server/src/letters/templates');

export type ShippedTemplate = { kind: LetterKind; language: FamilyLanguage; body: string };

/**
 * The templates shipped in the repository, one file `<letter>.<language>.md` each
 * (`family-notice.ar.md`). A file whose name or placeholders the app does not know is a bug of
 * the repository, not data: it stops the start, as a migration that fails would.
 */
export function readShippedTemplates(dir = templatesDir): ShippedTemplate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const [name, language] = file.slice(0, -'.md'.length).split('.');
      const kind = LetterKind.safeParse(name?.replaceAll('-', '_'));
      const lang = FamilyLanguage.safeParse(language);
      if (!kind.success || !lang.success) throw new Error(`Modello di lettera dal nome sconosciuto: ${file}`);
      const parsed = letterTemplateInput(kind.data).safeParse({ body: readFileSync(resolve(dir, file), 'utf8') });
      if (!parsed.success) throw new Error(`Modello di lettera ${file}: ${parsed.error.issues[0]!.message}`);
      return { kind: kind.data, language: lang.data, body: parsed.data.body };
    });
}

/**
 * Adds the shipped templates the database lacks, at every start. Seeded here rather than by a
 * migration because migrations are frozen once landed while the texts will be corrected and new
 * languages added: a new file reaches every installation at its next start. A pair already in the
 * table is never touched (insert … on conflict do nothing), so an admin's edit or verification
 * survives every restart and every later version of the shipped file.
 */
export async function ensureLetterTemplates(db: Db, dir = templatesDir): Promise<number> {
  const shipped = readShippedTemplates(dir);
  if (shipped.length === 0) return 0;
  const result = await db
    .insertInto('letter_template')
    .values(shipped.map((t) => ({ kind: t.kind, language: t.language, body: t.body })))
    .onConflict((oc) => oc.columns(['kind', 'language']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
