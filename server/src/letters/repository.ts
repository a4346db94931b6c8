import type { LetterKind, LetterTemplate } from '@primm/shared/contracts/letters';
import type { FamilyLanguage } from '@primm/shared/contracts/family';
import type { Db } from '../db/open-database';

/** Templates with the names of who last edited and who verified them; one pair or all of them. */
export async function listLetterTemplates(
  db: Db,
  only?: { kind: LetterKind; languages: FamilyLanguage[] },
): Promise<LetterTemplate[]> {
  let query = db
    .selectFrom('letter_template as t')
    .leftJoin('app_user as e', 'e.id', 't.updated_by')
    .leftJoin('app_user as v', 'v.id', 't.verified_by')
    .select([
      't.kind',
      't.language',
      't.body',
      't.updated_at',
      'e.id as editor_id',
      'e.display_name as editor_name',
      't.verified_at',
      'v.id as verifier_id',
      'v.display_name as verifier_name',
    ])
    .orderBy('t.kind')
    .orderBy('t.language');
  if (only) query = query.where('t.kind', '=', only.kind).where('t.language', 'in', only.languages);
  const rows = await query.execute();
  return rows.map((r) => ({
    kind: r.kind as LetterKind,
    language: r.language as FamilyLanguage,
    body: r.body,
    updatedAt: r.updated_at,
    updatedBy: r.editor_id === null ? null : { id: r.editor_id, name: r.editor_name ?? '' },
    // a verification whose verifier was deleted still says when it happened
    verifiedAt: r.verified_at,
    verifiedBy: r.verifier_id === null ? null : { id: r.verifier_id, name: r.verifier_name ?? '' },
  }));
}

export async function findLetterTemplate(
  db: Db,
  kind: LetterKind,
  language: FamilyLanguage,
): Promise<LetterTemplate | undefined> {
  return (await listLetterTemplates(db, { kind, languages: [language] }))[0];
}

/** A new text: the verification was of the old one, so it goes. */
export async function saveLetterTemplateBody(
  db: Db,
  key: { kind: LetterKind; language: FamilyLanguage },
  body: string,
  by: { userId: number; now: string },
): Promise<void> {
  await db
    .updateTable('letter_template')
    .set({ body, updated_at: by.now, updated_by: by.userId, verified_at: null, verified_by: null })
    .where('kind', '=', key.kind)
    .where('language', '=', key.language)
    .execute();
}

export async function markLetterTemplateVerified(
  db: Db,
  key: { kind: LetterKind; language: FamilyLanguage },
  by: { userId: number; now: string },
): Promise<void> {
  await db
    .updateTable('letter_template')
    .set({ verified_at: by.now, verified_by: by.userId })
    .where('kind', '=', key.kind)
    .where('language', '=', key.language)
    .execute();
}
