import { z } from 'zod';

/** Why a teacher flags a student as "borderline": predefined reasons plus free text. */
export const FlagReasonCode = z.enum([
  'assenze',
  'rendimento',
  'comportamento',
  'famiglia',
  'lingua',
  'benessere',
  'altro',
]);
export type FlagReasonCode = z.infer<typeof FlagReasonCode>;

export const CreateFlagInput = z.object({
  reasonCode: FlagReasonCode,
  reason: z.string().trim().min(3).max(1000),
});
export type CreateFlagInput = z.infer<typeof CreateFlagInput>;

export const Person = z.object({ id: z.number().int(), name: z.string() });
export type Person = z.infer<typeof Person>;

export const Flag = z.object({
  id: z.number().int(),
  studentId: z.number().int(),
  reasonCode: FlagReasonCode,
  reason: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The case opened from this flag, if any. */
  caseId: z.number().int().nullable(),
});
export type Flag = z.infer<typeof Flag>;

export const FlagList = z.object({ items: z.array(Flag) });
export type FlagList = z.infer<typeof FlagList>;

export const CreateNoteInput = z.object({ body: z.string().trim().min(1).max(4000) });
export type CreateNoteInput = z.infer<typeof CreateNoteInput>;

export const Note = z.object({
  id: z.number().int(),
  studentId: z.number().int(),
  body: z.string(),
  createdBy: Person,
  createdAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const NoteList = z.object({ items: z.array(Note) });
export type NoteList = z.infer<typeof NoteList>;
