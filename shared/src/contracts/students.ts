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
});
export type StudentDetail = z.infer<typeof StudentDetail>;
