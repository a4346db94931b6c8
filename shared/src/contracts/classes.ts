import { z } from 'zod';
import { IsoDate, L2Level, Sex } from './domain';
import { ClassSummary } from './schools';

export const ClassDetail = ClassSummary.extend({
  school: z.object({ code: z.string(), name: z.string() }),
  timetable: z.array(z.number().nonnegative()).length(6),
});
export type ClassDetail = z.infer<typeof ClassDetail>;

/** A student as listed in a class roster. Names: only for roles entitled to them. */
export const ClassStudent = z.object({
  id: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  sex: Sex,
  birthDate: IsoDate,
  citizenship: z.string(),
  bornInItaly: z.boolean(),
  l2Level: L2Level.nullable(),
  enteredOn: IsoDate,
  leftOn: IsoDate.nullable(),
  exitReason: z.string().nullable(),
});
export type ClassStudent = z.infer<typeof ClassStudent>;

export const ClassStudentList = z.object({ items: z.array(ClassStudent) });
export type ClassStudentList = z.infer<typeof ClassStudentList>;
