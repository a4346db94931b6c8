import { z } from 'zod';
import { IsoDate } from './domain';

export const LegalStatus = z.enum(['obbligo', 'diritto_dovere', 'adulto']);
export const ClockState = z.enum(['ok', 'to_notify', 'countdown', 'returned', 'report_due', 'reported']);
export type ClockState = z.infer<typeof ClockState>;

export const AbsenceClock = z.object({
  state: ClockState,
  daysInWindow: z.number().int(),
  windowFrom: IsoDate,
  triggeredOn: IsoDate.nullable(),
  countedDays: z.array(IsoDate),
  notifiedOn: IsoDate.nullable(),
  countdownEndsOn: IsoDate.nullable(),
  reportDueFrom: IsoDate.nullable(),
  reportedOn: IsoDate.nullable(),
  returnedOn: IsoDate.nullable(),
});
export type AbsenceClock = z.infer<typeof AbsenceClock>;

export const YearValidity = z.object({
  annualHours: z.number(),
  attendedShare: z.number().nullable(),
  limitHours: z.number(),
  countedHours: z.number(),
  hoursStillAvailable: z.number(),
  atRisk: z.boolean(),
  invalid: z.boolean(),
  evasion: z.boolean(),
  /** Hours covered by deroghe. Their categories and dates only for referents and mediators. */
  hoursDerogated: z.number(),
  deroghe: z
    .array(z.object({ date: IsoDate, hours: z.number(), category: z.string(), decidedOn: IsoDate.nullable() }))
    .nullable(),
});
export type YearValidity = z.infer<typeof YearValidity>;

export const StudentCompulsory = z.object({
  studentId: z.number().int(),
  asOf: IsoDate,
  age: z.number().int(),
  legalStatus: LegalStatus,
  /** Only for students under the obligation (the clock of art. 114 concerns them). */
  clock: AbsenceClock.nullable(),
  validity: YearValidity,
});
export type StudentCompulsory = z.infer<typeof StudentCompulsory>;

export const RecordNoticeInput = z.object({ notifiedOn: IsoDate, note: z.string().trim().max(1000).optional() });
export type RecordNoticeInput = z.infer<typeof RecordNoticeInput>;

export const RecordReportInput = z.object({ reportedOn: IsoDate });
export type RecordReportInput = z.infer<typeof RecordReportInput>;

const DeadlineStudent = z.object({
  studentId: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  className: z.string(),
  clock: AbsenceClock,
});

/** What a referent or mediator must do next, per school. */
export const Deadlines = z.object({
  schoolCode: z.string(),
  asOf: IsoDate,
  toNotify: z.array(DeadlineStudent),
  countdowns: z.array(DeadlineStudent),
  reportsDue: z.array(DeadlineStudent),
  octoberList: z.object({
    dueBy: IsoDate,
    studentsUnderObligation: z.number().int(),
    municipalities: z.number().int(),
    lastExportedAt: z.string().nullable(),
  }),
});
export type Deadlines = z.infer<typeof Deadlines>;

/** The student as a letter names them: `sex` chooses the wording (alunno / alunna, nato / nata). */
export const LetterStudent = z.object({
  lastName: z.string(),
  firstName: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: IsoDate,
  residence: z.string().nullable(),
  className: z.string(),
});
export type LetterStudent = z.infer<typeof LetterStudent>;

const LetterSchool = z.object({ code: z.string(), name: z.string(), municipality: z.string() });

/** The report to the mayor: the facts and dates the law needs, nothing more. */
export const MayorReport = z.object({
  school: LetterSchool,
  student: LetterStudent,
  /** The municipality of residence with the PEC the admin recorded for it (null: residence unknown). */
  municipality: z
    .object({ istatCode: z.string(), name: z.string(), pec: z.string().nullable(), office: z.string().nullable() })
    .nullable(),
  schoolYear: z.string(),
  countedDays: z.array(IsoDate),
  windowFrom: IsoDate,
  triggeredOn: IsoDate,
  notifiedOn: IsoDate,
  countdownEndsOn: IsoDate,
  reportedOn: IsoDate.nullable(),
  legalBasis: z.string(),
});
export type MayorReport = z.infer<typeof MayorReport>;

/**
 * The notice to the family (art. 114 c. 2: the school informs the family once the 15 days are
 * passed): the facts and dates, the family's address is written at print time (not in the data).
 */
export const FamilyNoticeLetter = z.object({
  school: LetterSchool,
  student: LetterStudent,
  schoolYear: z.string(),
  countedDays: z.array(IsoDate),
  windowFrom: IsoDate,
  triggeredOn: IsoDate,
  /** Recorded once the notice was sent; null while it is still to send. */
  notifiedOn: IsoDate.nullable(),
  legalBasis: z.string(),
});
export type FamilyNoticeLetter = z.infer<typeof FamilyNoticeLetter>;

export const OctoberListQuery = z.object({
  municipality: z
    .string()
    .regex(/^\d{6}$/, 'codice ISTAT di 6 cifre')
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const OctoberListRow = z.object({
  lastName: z.string(),
  firstName: z.string(),
  birthDate: IsoDate,
  residenceIstat: z.string().nullable(),
  residence: z.string().nullable(),
  className: z.string(),
});
export const OctoberList = z.object({ schoolYear: z.string(), schoolCode: z.string(), rows: z.array(OctoberListRow) });
export type OctoberList = z.infer<typeof OctoberList>;
