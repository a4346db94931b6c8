import { Router } from 'express';
import { FamilyLanguage } from '@primm/shared/contracts/family';
import {
  LetterTemplateParams,
  StudentLetterParams,
  letterTemplateInput,
  type LetterTemplateList,
  type StudentLetterTemplates,
} from '@primm/shared/contracts/letters';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { assertCanWriteStudent } from '../http/student-access';
import {
  findLetterTemplate,
  listLetterTemplates,
  markLetterTemplateVerified,
  saveLetterTemplateBody,
} from './repository';

/** The school's letters are the referents', mediators' and admin's, like the notice of art. 114. */
const LETTER_ROLES = ['admin', 'referente', 'mediatore'] as const;

/**
 * The letters to families in their language (issue 21 item 4): the admin edits and verifies the
 * templates; whoever prints a letter for a student gets the Italian text and the family's.
 */
export function letterRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/letter-templates', requireRole('admin'), async (_req, res) => {
    const body: LetterTemplateList = { items: await listLetterTemplates(db) };
    res.json(body);
  });

  router.put('/letter-templates/:kind/:language', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const key = LetterTemplateParams.parse(req.params);
    const input = letterTemplateInput(key.kind).parse(req.body);
    const before = await findLetterTemplate(db, key.kind, key.language);
    if (!before) throw notFound('Modello di lettera non trovato');
    const saved = await db.transaction().execute(async (trx) => {
      await saveLetterTemplateBody(trx, key, input.body, { userId: user.id, now: now().toISOString() });
      // Both texts: the log is where an earlier wording is found again (the table keeps one).
      await audit(
        trx,
        { user, req },
        {
          action: 'letter_template.update',
          details: {
            ...key,
            before: before.body,
            after: input.body,
            verificationCleared: before.verifiedAt !== null,
          },
        },
      );
      return (await findLetterTemplate(trx, key.kind, key.language))!;
    });
    res.json(saved);
  });

  router.post('/letter-templates/:kind/:language/verification', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const key = LetterTemplateParams.parse(req.params);
    const before = await findLetterTemplate(db, key.kind, key.language);
    if (!before) throw notFound('Modello di lettera non trovato');
    const saved = await db.transaction().execute(async (trx) => {
      await markLetterTemplateVerified(trx, key, { userId: user.id, now: now().toISOString() });
      // The text verified, so the log says which wording the admin vouched for.
      await audit(trx, { user, req }, { action: 'letter_template.verify', details: { ...key, body: before.body } });
      return (await findLetterTemplate(trx, key.kind, key.language))!;
    });
    res.json(saved);
  });

  // The texts of a letter for a student: a read of the student's family language, so audited. The
  // facts printed (names, dates) come from the routes of the notice and of the case, audited there.
  router.get('/students/:studentId/letters/:kind', requireRole(...LETTER_ROLES), async (req, res) => {
    const user = userOf(req);
    const { studentId, kind } = StudentLetterParams.parse(req.params);
    // A letter is an act of the school that holds the student now, as the notice of art. 114.
    await assertCanWriteStudent(db, user, studentId);
    const row = await db
      .selectFrom('student')
      .select('family_language')
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    // a code dropped from the list since it was stored reads as not recorded
    const familyLanguage = FamilyLanguage.safeParse(row.family_language).data ?? null;
    const wanted = familyLanguage && familyLanguage !== 'it' ? familyLanguage : null;
    const templates = await listLetterTemplates(db, { kind, languages: wanted ? ['it', wanted] : ['it'] });
    const italian = templates.find((t) => t.language === 'it');
    if (!italian) throw notFound('Modello italiano della lettera non trovato');
    const translation = (wanted && templates.find((t) => t.language === wanted)) || null;
    const body: StudentLetterTemplates = {
      kind,
      familyLanguage,
      italian,
      translation,
      translationMissing: wanted !== null && translation === null,
    };
    await audit(
      db,
      { user, req },
      { action: 'letter.read', studentIds: [studentId], details: { kind, language: familyLanguage } },
    );
    res.json(body);
  });

  return router;
}
