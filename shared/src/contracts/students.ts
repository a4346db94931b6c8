import { z } from 'zod';
import { IsoDate, L2Level, Sex } from './domain';

export const StudentEnrolment = z.object({
  classId: z.number().int(),
  className: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  schoolYear: z.string(),
  enteredOn: IsoDate,
  leftOn: IsoDate.nullable(),
  exitReason: z.string().nullable(),
});
export type StudentEnrolment = z.infer<typeof StudentEnrolment>;

/**
 * What the reader may do with the record (docs/privacy.md "Dopo un trasferimento"): `former` once
 * the student left the reader's school or class, read-only, with the records of before `until`.
 */
export const StudentAccessKind = z.object({ kind: z.enum(['current', 'former']), until: IsoDate.nullable() });
export type StudentAccessKind = z.infer<typeof StudentAccessKind>;

export const StudentDetail = z.object({
  id: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  sex: Sex,
  birthDate: IsoDate,
  citizenship: z.string(),
  bornInItaly: z.boolean(),
  arrivalDate: IsoDate.nullable(),
  /** NAI: arrived in Italy less than two years ago. Context only, never a risk input. */
  newlyArrived: z.boolean(),
  l2Level: L2Level.nullable(),
  residenceIstat: z.string().nullable(),
  enrolments: z.array(StudentEnrolment),
  access: StudentAccessKind,
});
export type StudentDetail = z.infer<typeof StudentDetail>;
