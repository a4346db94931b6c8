import { z } from 'zod';
import { Cell } from './aggregates';
import { IsoDate } from './domain';
import { Person } from './flags';

/**
 * Referrals from a case to the PUA (Punto Unico di Accesso) serving the student's municipality of
 * residence (issue 21, item 1). The PUA sees only the referral's fields, never grades, risk or
 * notes (docs/privacy.md "PUA").
 */
export const ReferralReason = z.enum([
  'social',
  'health',
  'labour',
  'housing',
  'legal_status',
  'italian_family',
  'other',
]);
export type ReferralReason = z.infer<typeof ReferralReason>;

/** sent: waiting for the first answer; accepted: services under way; declined / closed: done. */
export const ReferralStatus = z.enum(['sent', 'accepted', 'declined', 'closed']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

const reasonList = z
  .array(ReferralReason)
  .min(1, 'indicare almeno un motivo')
  .refine((r) => new Set(r).size === r.length, { message: 'motivi ripetuti' });

/** The family's consent: without it a referral cannot be sent (GDPR art. 6 and 9: health and social data). */
export const ReferralConsent = z.object({
  /** Who gave it: e.g. "la madre, Amina K.". */
  givenBy: z.string().trim().min(3).max(200),
  givenOn: IsoDate,
  /** The services the family agreed to be contacted for. */
  services: reasonList,
});
export type ReferralConsent = z.infer<typeof ReferralConsent>;

export const CreateReferralInput = z
  .object({
    reasons: reasonList,
    text: z.string().trim().min(3).max(1000),
    /** How the PUA reaches the family (phone, email), given with the consent. */
    familyContact: z.string().trim().min(3).max(300),
    consent: ReferralConsent,
  })
  .refine((r) => r.reasons.every((reason) => r.consent.services.includes(reason)), {
    message: 'il consenso della famiglia non copre tutti i motivi dell’invio',
    path: ['consent', 'services'],
  });
export type CreateReferralInput = z.infer<typeof CreateReferralInput>;

export const AnswerReferralInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({ decision: z.literal('decline'), reason: z.string().trim().min(3).max(1000) }),
]);
export type AnswerReferralInput = z.infer<typeof AnswerReferralInput>;

/** A PUA's update: the services activated and who is responsible, a note, or closing the referral. */
export const CreateReferralUpdateInput = z
  .object({
    services: z.string().trim().min(2).max(500).optional(),
    responsible: z.string().trim().min(2).max(200).optional(),
    note: z.string().trim().min(2).max(2000).optional(),
    close: z.boolean().optional(),
  })
  .refine((u) => u.services !== undefined || u.note !== undefined || u.close === true, {
    message: 'indicare i servizi attivati o una nota',
    path: ['note'],
  })
  .refine((u) => u.services === undefined || u.responsible !== undefined, {
    message: 'indicare chi è responsabile dei servizi attivati',
    path: ['responsible'],
  });
export type CreateReferralUpdateInput = z.infer<typeof CreateReferralUpdateInput>;

export const ReferralUpdate = z.object({
  id: z.number().int(),
  services: z.string().nullable(),
  responsible: z.string().nullable(),
  note: z.string().nullable(),
  closed: z.boolean(),
  createdBy: Person,
  createdAt: z.string(),
});
export type ReferralUpdate = z.infer<typeof ReferralUpdate>;

/** The referral's own fields: the same for the sender and the PUA. */
export const Referral = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  /** The case's `pua_referral` action written with it: the timeline shows the steps under it. */
  caseActionId: z.number().int().nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  reasons: z.array(ReferralReason),
  text: z.string(),
  familyContact: z.string(),
  consent: ReferralConsent,
  status: ReferralStatus,
  declineReason: z.string().nullable(),
  sentBy: Person.extend({ email: z.string() }),
  sentAt: z.string(),
  sentOn: IsoDate,
  firstAnswerAt: z.string().nullable(),
  answeredBy: Person.nullable(),
  /** Working days from sending to the first answer, or to today while none came (shared/src/working-days.ts). */
  workingDaysWaiting: z.number().int(),
  /** No first answer within the limit (`answerLimitDays` working days). */
  overdue: z.boolean(),
  answerLimitDays: z.number().int(),
  updates: z.array(ReferralUpdate),
});
export type Referral = z.infer<typeof Referral>;

/** What the PUA reads of the student: name, birth date, school and class. Never grades, risk or notes. */
export const ReferralStudent = z.object({
  lastName: z.string(),
  firstName: z.string(),
  birthDate: IsoDate,
  schoolName: z.string(),
  className: z.string().nullable(),
});
export type ReferralStudent = z.infer<typeof ReferralStudent>;

export const PuaReferral = Referral.extend({ student: ReferralStudent });
export type PuaReferral = z.infer<typeof PuaReferral>;

export const ReferralList = z.object({ items: z.array(Referral) });
export type ReferralList = z.infer<typeof ReferralList>;

export const PuaReferralList = z.object({ items: z.array(PuaReferral) });
export type PuaReferralList = z.infer<typeof PuaReferralList>;

/** The analyst's counts (issue 21 item 5): per province, by reason and by time to a first answer. */
export const ANSWER_TIME_BANDS = ['within5', 'within10', 'over10', 'unanswered'] as const;
export type AnswerTimeBand = (typeof ANSWER_TIME_BANDS)[number];

export const ReferralCountsRow = z.object({
  /** A province code, or null for the region. */
  province: z.string().nullable(),
  referrals: Cell,
  reasons: z.record(ReferralReason, Cell),
  answerTime: z.record(z.enum(ANSWER_TIME_BANDS), Cell),
});
export type ReferralCountsRow = z.infer<typeof ReferralCountsRow>;

export const ReferralCounts = z.object({
  rows: z.array(ReferralCountsRow),
  total: ReferralCountsRow,
  threshold: z.number().int(),
});
export type ReferralCounts = z.infer<typeof ReferralCounts>;
