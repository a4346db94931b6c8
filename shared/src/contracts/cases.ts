import { z } from 'zod';
import { ActionArrival, REGISTRY_DESTINATION_TYPES } from './arrivals';
import { IsoDate, SchoolCode } from './domain';
import { Person } from './flags';
import { ParticipantView, ParticipantViewsInput } from './participant-views';

export const CaseStatus = z.enum(['open', 'monitoring', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseOutcome = z.enum(['back_on_track', 'reoriented', 'left_education', 'moved_away', 'other']);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/**
 * DESIGN.md "Case management": family meeting, linguistic-cultural mediation, tutoring, Italian
 * L2 course, reorientation to another school / IeFP-CFP / work (apprenticeship, employment
 * centre) / adult school CPIA, referral to the PUA, other.
 */
export const CaseActionType = z.enum([
  'family_meeting',
  'cultural_mediation',
  'tutoring',
  'italian_l2',
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
  'other',
]);
export type CaseActionType = z.infer<typeof CaseActionType>;

/** Actions that send the young person somewhere: they record where, and whether they arrived. */
export const REORIENTATION_TYPES: readonly CaseActionType[] = [
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
];

export const CreateCaseInput = z.object({
  studentId: z.number().int().positive(),
  goal: z.string().trim().min(3).max(2000),
  /** The mediator who holds the case; the creator when omitted. */
  ownerId: z.number().int().positive().optional(),
  flagId: z.number().int().positive().optional(),
});
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const UpdateCaseInput = z
  .object({
    status: z.enum(['open', 'monitoring']).optional(),
    goal: z.string().trim().min(3).max(2000).optional(),
    ownerId: z.number().int().positive().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'niente da modificare' });
export type UpdateCaseInput = z.infer<typeof UpdateCaseInput>;

/** Closing asks for the outcome (issue "dashboard"): back on track, reoriented, left, moved away, other. */
export const CloseCaseInput = z
  .object({
    outcome: CaseOutcome,
    note: z.string().trim().max(2000).optional(),
    /** The young person's, the family's and (reorientations) the receiving organisation's own view (issue 22). */
    participantViews: ParticipantViewsInput.optional(),
  })
  .refine((c) => c.outcome === 'reoriented' || !c.participantViews?.some((v) => v.perspective === 'receiving_org'), {
    message: 'la valutazione dell’ente che accoglie si registra solo per un riorientamento',
    path: ['participantViews'],
  });
export type CloseCaseInput = z.infer<typeof CloseCaseInput>;

export const CreateCaseActionInput = z
  .object({
    type: CaseActionType,
    date: IsoDate,
    participants: z.string().trim().min(2).max(500),
    notes: z.string().trim().max(4000).optional(),
    followUpOn: IsoDate.optional(),
    outcome: z.string().trim().max(1000).optional(),
    destination: z.string().trim().min(2).max(300).optional(),
    /** A school of the registry (issue #21): it confirms the arrival itself; the text is its name. */
    destinationSchoolCode: SchoolCode.optional(),
    arrived: z.boolean().nullable().optional(),
    /** The day of the arrival the mediator confirms by hand (a destination outside the registry). */
    arrivedOn: IsoDate.optional(),
    /** For a reorientation to work: under 18 only an apprenticeship fulfils the right-duty. */
    workKind: z.enum(['apprendistato', 'lavoro']).optional(),
    /** CPIA at 15: the exceptional reason, recorded (DPR 263/2012 art. 3). */
    exceptionalReason: z.string().trim().min(5).max(1000).optional(),
  })
  .refine(
    (a) =>
      !REORIENTATION_TYPES.includes(a.type) || a.destination !== undefined || a.destinationSchoolCode !== undefined,
    { message: 'indicare la destinazione del riorientamento o dell’invio', path: ['destination'] },
  )
  .refine(
    (a) => a.destinationSchoolCode === undefined || (REGISTRY_DESTINATION_TYPES as readonly string[]).includes(a.type),
    {
      message: 'una scuola dell’anagrafe è destinazione solo di un riorientamento scolastico',
      path: ['destinationSchoolCode'],
    },
  )
  .refine((a) => a.arrivedOn === undefined || a.arrived === true, {
    message: 'la data di arrivo si indica solo per chi è arrivato',
    path: ['arrivedOn'],
  })
  .refine((a) => a.destinationSchoolCode === undefined || a.arrived === undefined || a.arrived === null, {
    message: 'l’arrivo lo conferma la scuola che accoglie',
    path: ['arrived'],
  })
  .refine((a) => a.followUpOn === undefined || a.followUpOn >= a.date, {
    message: 'la verifica successiva non può precedere l’azione',
    path: ['followUpOn'],
  });
export type CreateCaseActionInput = z.infer<typeof CreateCaseActionInput>;

export const UpdateCaseActionInput = z
  .object({
    outcome: z.string().trim().max(1000).nullable().optional(),
    arrived: z.boolean().nullable().optional(),
    /** With `arrived: true`; any other answer clears it. */
    arrivedOn: IsoDate.nullable().optional(),
    followUpOn: IsoDate.nullable().optional(),
  })
  .refine((a) => a.arrivedOn === undefined || a.arrivedOn === null || a.arrived === true, {
    message: 'la data di arrivo si indica solo per chi è arrivato',
    path: ['arrivedOn'],
  });
export type UpdateCaseActionInput = z.infer<typeof UpdateCaseActionInput>;

export const CaseAction = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  type: CaseActionType,
  date: IsoDate,
  participants: z.string(),
  notes: z.string().nullable(),
  followUpOn: IsoDate.nullable(),
  outcome: z.string().nullable(),
  destination: z.string().nullable(),
  arrived: z.boolean().nullable(),
  arrivedOn: IsoDate.nullable(),
  workKind: z.enum(['apprendistato', 'lavoro']).nullable(),
  exceptionalReason: z.string().nullable(),
  /** Set when the destination is a school of the registry: its answer (issue #21). */
  arrival: ActionArrival.nullable(),
  createdBy: Person,
  createdAt: z.string(),
});
export type CaseAction = z.infer<typeof CaseAction>;

export const CaseSummary = z.object({
  id: z.number().int(),
  student: z.object({
    id: z.number().int(),
    lastName: z.string(),
    firstName: z.string(),
    className: z.string().nullable(),
    classId: z.number().int().nullable(),
  }),
  schoolCode: z.string(),
  /** Mediators know a school by its name; the code stays beside it (issue 19). */
  schoolName: z.string(),
  status: CaseStatus,
  goal: z.string(),
  owner: Person,
  openedBy: Person,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  flagId: z.number().int().nullable(),
  /** The earliest planned follow-up still ahead or overdue among the case's actions. */
  nextFollowUp: IsoDate.nullable(),
  /** nextFollowUp is before today. */
  overdue: z.boolean(),
  actionCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({
  actions: z.array(CaseAction),
  participantViews: z.array(ParticipantView),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseList = z.object({ items: z.array(CaseSummary) });
export type CaseList = z.infer<typeof CaseList>;

/** A closed case of a student, shown when the student is flagged again (issue 19). */
export const PastCase = z.object({
  id: z.number().int(),
  closedAt: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
});
export type PastCase = z.infer<typeof PastCase>;

/** One planned follow-up (an action's `followUpOn`) of an open case, for the calendar. */
export const FollowUp = z.object({
  caseId: z.number().int(),
  actionId: z.number().int(),
  date: IsoDate,
  actionType: CaseActionType,
  student: z.object({ id: z.number().int(), lastName: z.string(), firstName: z.string() }),
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * A mediator's caseload: cases (overdue follow-ups first), every planned follow-up of those cases
 * (the calendar), and flagged students with no case yet. `today` is the server's date, the one
 * that decides what is overdue, so the page's "this week" agrees with it.
 */
export const Caseload = z.object({
  today: IsoDate,
  cases: z.array(CaseSummary),
  followUps: z.array(FollowUp),
  flaggedWithoutCase: z.array(
    z.object({
      studentId: z.number().int(),
      lastName: z.string(),
      firstName: z.string(),
      className: z.string().nullable(),
      schoolCode: z.string(),
      schoolName: z.string(),
      flagId: z.number().int(),
      reasonCode: z.string(),
      reason: z.string(),
      flaggedAt: z.string(),
      flaggedBy: z.string(),
      /** Cases of this student closed before: a flag raised again shows what was done. */
      pastCases: z.array(PastCase),
    }),
  ),
});
export type Caseload = z.infer<typeof Caseload>;

/** Attendance and grades in the weeks before and after the case's first action. */
export const CaseEffect = z.object({
  firstActionOn: IsoDate.nullable(),
  weeksEachSide: z.number().int(),
  weeks: z.array(
    z.object({
      weekStart: IsoDate,
      hoursHeld: z.number(),
      hoursAbsent: z.number(),
      attendanceRate: z.number().nullable(),
      average: z.number().nullable(),
      side: z.enum(['before', 'after']),
    }),
  ),
  before: z.object({ attendanceRate: z.number().nullable(), average: z.number().nullable() }),
  after: z.object({ attendanceRate: z.number().nullable(), average: z.number().nullable() }),
});
export type CaseEffect = z.infer<typeof CaseEffect>;

/** A school in the user's scope, for the filters of the archive and the worklist. */
export const ScopeSchool = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type ScopeSchool = z.infer<typeof ScopeSchool>;

/** The archive of closed cases: by school, outcome and closing period (dates included). */
export const CaseArchiveQuery = z
  .object({
    school: z.coerce.number().int().positive().optional(),
    outcome: CaseOutcome.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'il periodo finisce prima di cominciare',
    path: ['to'],
  });
export type CaseArchiveQuery = z.infer<typeof CaseArchiveQuery>;

export const CaseArchive = z.object({
  items: z.array(CaseSummary),
  /** More cases matched than the page shows: narrow the filters. */
  truncated: z.boolean(),
  schools: z.array(ScopeSchool),
});
export type CaseArchive = z.infer<typeof CaseArchive>;
