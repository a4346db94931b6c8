import { z } from 'zod';
import {
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  unknownPlaceholders,
  type LetterKind as Kind,
} from '../letters/letter-templates';
import { FamilyLanguage } from './family';
import { Person } from './flags';

export const LetterKind = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKind>;

export const LetterTemplateParams = z.object({ kind: LetterKind, language: FamilyLanguage });
export const StudentLetterParams = z.object({ studentId: z.coerce.number().int().positive(), kind: LetterKind });

/**
 * A letter's text in one language: paragraphs separated by a blank line, placeholders `{{name}}`.
 * `verifiedBy`/`verifiedAt`: who checked the translation against the Italian and when; an edit
 * of the text clears them (what was checked is no longer what prints).
 */
export const LetterTemplate = z.object({
  kind: LetterKind,
  language: FamilyLanguage,
  body: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: Person.nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: Person.nullable(),
});
export type LetterTemplate = z.infer<typeof LetterTemplate>;

export const LetterTemplateList = z.object({ items: z.array(LetterTemplate) });
export type LetterTemplateList = z.infer<typeof LetterTemplateList>;

const Body = z.string().trim().min(20, 'il testo è troppo breve').max(8000, 'il testo supera gli 8000 caratteri');

/** The admin's new text of a letter: only the placeholders that letter knows are accepted. */
export function letterTemplateInput(kind: Kind) {
  return z.object({
    body: Body.superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(kind, body);
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `Segnaposto sconosciut${unknown.length === 1 ? 'o' : 'i'}: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Per questa lettera sono ammessi: ${LETTER_PLACEHOLDERS[kind].map((p) => `{{${p}}}`).join(', ')}.`,
        });
    }),
  });
}
/** The shape of the body for the OpenAPI document (the placeholders are checked per letter). */
export const UpdateLetterTemplateInput = z.object({ body: Body });
export type UpdateLetterTemplateInput = z.infer<typeof UpdateLetterTemplateInput>;

/**
 * The texts a letter to a student's family prints: always the Italian, plus the family's
 * language when it is recorded and not Italian. `translation` is null then, or when no template
 * exists for that language (`translationMissing`: the print says the translation is not available).
 */
export const StudentLetterTemplates = z.object({
  kind: LetterKind,
  familyLanguage: FamilyLanguage.nullable(),
  italian: LetterTemplate,
  translation: LetterTemplate.nullable(),
  translationMissing: z.boolean(),
});
export type StudentLetterTemplates = z.infer<typeof StudentLetterTemplates>;
