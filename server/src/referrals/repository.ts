import type { PuaReferral, Referral, ReferralReason, ReferralUpdate } from '@primm/shared/contracts/referrals';
import type { Db } from '../db/open-database';
import { referralTiming } from './timing';

export interface ReferralScope {
  caseId?: number;
  id?: number;
  /** A PUA's municipalities; an empty list finds nothing. */
  municipalityCodes?: string[];
  /** A former school's view: referrals sent before the student left it. */
  sentBefore?: string;
}

export interface ReferralClock {
  today: string;
  answerLimitDays: number;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('pua_referral as r')
    .innerJoin('municipality as m', 'm.istat_code', 'r.municipality_istat')
    .innerJoin('app_user as sender', 'sender.id', 'r.sent_by')
    .leftJoin('app_user as answerer', 'answerer.id', 'r.answered_by')
    .selectAll('r')
    .select([
      'm.name as municipality_name',
      'sender.display_name as sender_name',
      'sender.email as sender_email',
      'answerer.display_name as answerer_name',
    ]);
}

/** Referrals with their updates, the oldest first (the order of the case's timeline). */
export async function listReferrals(db: Db, scope: ReferralScope, clock: ReferralClock): Promise<Referral[]> {
  let q = baseQuery(db);
  if (scope.caseId !== undefined) q = q.where('r.case_id', '=', scope.caseId);
  if (scope.id !== undefined) q = q.where('r.id', '=', scope.id);
  if (scope.municipalityCodes !== undefined) {
    if (scope.municipalityCodes.length === 0) return [];
    q = q.where('r.municipality_istat', 'in', scope.municipalityCodes);
  }
  if (scope.sentBefore !== undefined) q = q.where('r.sent_at', '<', scope.sentBefore);
  const rows = await q.orderBy('r.sent_at').orderBy('r.id').execute();
  if (rows.length === 0) return [];
  const updates = await db
    .selectFrom('pua_referral_update as u')
    .innerJoin('app_user as author', 'author.id', 'u.created_by')
    .selectAll('u')
    .select('author.display_name as author_name')
    .where(
      'u.referral_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => {
    const sentOn = r.sent_at.slice(0, 10);
    const timing = referralTiming(sentOn, r.first_answer_at?.slice(0, 10) ?? null, clock.today, clock.answerLimitDays);
    return {
      id: r.id,
      caseId: r.case_id,
      caseActionId: r.case_action_id,
      municipality: { code: r.municipality_istat, name: r.municipality_name },
      reasons: JSON.parse(r.reasons) as ReferralReason[],
      text: r.text,
      familyContact: r.family_contact,
      consent: {
        givenBy: r.consent_given_by,
        givenOn: r.consent_given_on,
        services: JSON.parse(r.consent_services) as ReferralReason[],
      },
      status: r.status,
      declineReason: r.decline_reason,
      sentBy: { id: r.sent_by, name: r.sender_name, email: r.sender_email },
      sentAt: r.sent_at,
      sentOn,
      firstAnswerAt: r.first_answer_at,
      answeredBy: r.answered_by === null ? null : { id: r.answered_by, name: r.answerer_name ?? '' },
      ...timing,
      answerLimitDays: clock.answerLimitDays,
      updates: updates
        .filter((u) => u.referral_id === r.id)
        .map((u): ReferralUpdate => ({
          id: u.id,
          services: u.services,
          responsible: u.responsible,
          note: u.note,
          closed: u.closed === 1,
          createdBy: { id: u.created_by, name: u.author_name },
          createdAt: u.created_at,
        })),
    };
  });
}

/**
 * The PUA's view: the referral and, of the student, only name, birth date, school and class
 * (issue 21). The class is the student's current one at the case's school.
 */
export async function listPuaReferrals(db: Db, scope: ReferralScope, clock: ReferralClock): Promise<PuaReferral[]> {
  const referrals = await listReferrals(db, scope, clock);
  if (referrals.length === 0) return [];
  const ids = referrals.map((r) => r.id);
  const students = await db
    .selectFrom('pua_referral as r')
    .innerJoin('student as s', 's.id', 'r.student_id')
    .innerJoin('support_case as c', 'c.id', 'r.case_id')
    .innerJoin('school', 'school.id', 'c.school_id')
    .select([
      'r.id',
      'r.student_id',
      'c.school_id',
      's.last_name',
      's.first_name',
      's.birth_date',
      'school.name as school_name',
    ])
    .where('r.id', 'in', ids)
    .execute();
  const classes = await db
    .selectFrom('enrolment as e')
    .innerJoin('class', 'class.id', 'e.class_id')
    .select(['e.student_id', 'class.school_id', 'class.name', 'e.entered_on', 'e.left_on'])
    .where(
      'e.student_id',
      'in',
      students.map((s) => s.student_id),
    )
    .orderBy('e.entered_on')
    .execute();
  return referrals.map((r) => {
    const s = students.find((x) => x.id === r.id)!;
    // The latest class at the case's school: the open enrolment if any, else the last one.
    const stays = classes.filter((c) => c.student_id === s.student_id && c.school_id === s.school_id);
    const stay = stays.filter((c) => c.left_on === null).at(-1) ?? stays.at(-1);
    return {
      ...r,
      student: {
        lastName: s.last_name,
        firstName: s.first_name,
        birthDate: s.birth_date,
        schoolName: s.school_name,
        className: stay?.name ?? null,
      },
    };
  });
}

/** Students of the referrals, for the audit line of a PUA's read. */
export async function referralStudentIds(db: Db, referralIds: number[]): Promise<number[]> {
  if (referralIds.length === 0) return [];
  const rows = await db.selectFrom('pua_referral').select('student_id').where('id', 'in', referralIds).execute();
  return [...new Set(rows.map((r) => r.student_id))];
}

/** The active PUA accounts serving a municipality. */
export async function puaServing(db: Db, municipalityIstat: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_municipality as um')
    .innerJoin('app_user as u', 'u.id', 'um.user_id')
    .select('u.id')
    .where('um.municipality_istat', '=', municipalityIstat)
    .where('u.role', '=', 'pua')
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
