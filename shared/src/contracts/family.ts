import { z } from 'zod';
import { FAMILY_LANGUAGE_CODES } from '../family/languages';
import { Person } from './flags';

/** A language of shared/src/family/languages.ts, by its ISO 639-1 code. */
export const FamilyLanguage = z.enum(FAMILY_LANGUAGE_CODES);
export type FamilyLanguage = z.infer<typeof FamilyLanguage>;

/**
 * What the school needs to talk with a student's family: the language it reads and whether an
 * interpreter (or a cultural mediator) is needed. Null: not recorded yet.
 */
export const StudentFamily = z.object({
  language: FamilyLanguage.nullable(),
  interpreterNeeded: z.boolean().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: Person.nullable(),
  /** Mediators and referents of the student's current school, and the admin, may change it. */
  canEdit: z.boolean(),
});
export type StudentFamily = z.infer<typeof StudentFamily>;

export const UpdateStudentFamilyInput = z.object({
  language: FamilyLanguage.nullable(),
  interpreterNeeded: z.boolean().nullable(),
});
export type UpdateStudentFamilyInput = z.infer<typeof UpdateStudentFamilyInput>;
