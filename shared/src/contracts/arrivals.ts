import { z } from 'zod';
import { IsoDate, SchoolCode } from './domain';

/**
 * Issue #21 item 3: a reorientation toward a school of the registry is confirmed by that school.
 * The receiving referent answers "iscritto/a dal …" or "non si è presentato/a"; without an answer
 * within ARRIVAL_ANSWER_DAYS calendar days the mediator of the case is alerted.
 */
export const ARRIVAL_ANSWER_DAYS = 15;

/** Reorientations that may name a school of the registry; CFP, CPIA and employers are not in it. */
export const REGISTRY_DESTINATION_TYPES = ['reorient_school', 'reorient_iefp'] as const;

export const ArrivalStatus = z.enum(['pending', 'enrolled', 'no_show']);
export type ArrivalStatus = z.infer<typeof ArrivalStatus>;

/**
 * Why no one was asked: the receiving school is the origin itself (a change of track inside the
 * same institute), or an import already shows the student enrolled there. Both are confirmed at once.
 */
export const ArrivalAutoReason = z.enum(['same_school', 'already_enrolled']);
export type ArrivalAutoReason = z.infer<typeof ArrivalAutoReason>;

export const RegistrySchoolRef = z.object({ code: z.string(), name: z.string() });
export type RegistrySchoolRef = z.infer<typeof RegistrySchoolRef>;

/** The receiving school's answer as the case timeline shows it. */
export const ActionArrival = z.object({
  school: RegistrySchoolRef,
  status: ArrivalStatus,
  /** The action's date + 15 days: after it, a pending arrival is overdue. */
  dueOn: IsoDate,
  overdue: z.boolean(),
  enrolledOn: IsoDate.nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  autoReason: ArrivalAutoReason.nullable(),
});
export type ActionArrival = z.infer<typeof ActionArrival>;

/**
 * What the receiving school sees of a young person on the way (docs/privacy.md "Scuola che
 * accoglie"): name, birth date, origin school, date. Never grades, risk, notes or the case.
 */
export const IncomingArrival = z.object({
  actionId: z.number().int(),
  student: z.object({ lastName: z.string(), firstName: z.string(), birthDate: IsoDate }),
  originSchool: RegistrySchoolRef,
  receivingSchool: RegistrySchoolRef,
  date: IsoDate,
  dueOn: IsoDate,
  overdue: z.boolean(),
  status: ArrivalStatus,
  enrolledOn: IsoDate.nullable(),
  answeredAt: z.string().nullable(),
  autoReason: ArrivalAutoReason.nullable(),
  /** The receiving school's own import already enrols the student (from this date): confirm with it. */
  importedEnrolmentOn: IsoDate.nullable(),
});
export type IncomingArrival = z.infer<typeof IncomingArrival>;

/** A pending arrival of a case the mediator works on, for the alert on the caseload. */
export const OutgoingArrival = z.object({
  actionId: z.number().int(),
  caseId: z.number().int(),
  student: z.object({ id: z.number().int(), lastName: z.string(), firstName: z.string() }),
  receivingSchool: RegistrySchoolRef,
  date: IsoDate,
  dueOn: IsoDate,
  overdue: z.boolean(),
});
export type OutgoingArrival = z.infer<typeof OutgoingArrival>;

/**
 * `incoming`: arrivals toward the user's schools (pending, then the last 60 days' answers);
 * `outgoing`: pending arrivals of cases of the user's schools (a mediator's: their own cases).
 */
export const ArrivalList = z.object({
  today: IsoDate,
  incoming: z.array(IncomingArrival),
  outgoing: z.array(OutgoingArrival),
});
export type ArrivalList = z.infer<typeof ArrivalList>;

export const AnswerArrivalInput = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('enrolled'), enrolledOn: IsoDate }),
  z.object({ answer: z.literal('no_show') }),
]);
export type AnswerArrivalInput = z.infer<typeof AnswerArrivalInput>;

/** Search of the registry for the destination of a reorientation: name, code or municipality. */
export const RegistrySchoolQuery = z.object({ q: z.string().trim().min(2).max(100) });
export type RegistrySchoolQuery = z.infer<typeof RegistrySchoolQuery>;

export const RegistrySchool = z.object({
  code: SchoolCode,
  name: z.string(),
  kind: z.string(),
  municipalityName: z.string(),
  provinceCode: z.string(),
});
export type RegistrySchool = z.infer<typeof RegistrySchool>;

export const RegistrySchoolList = z.object({ items: z.array(RegistrySchool) });
export type RegistrySchoolList = z.infer<typeof RegistrySchoolList>;
