import { addDays } from '@primm/shared/dates';
import type { ReferralReason } from '@primm/shared/contracts/referrals';
import type { Db } from '../db/open-database';
import { demoCaseContext } from './plant-cases';

/** One referral's state in the demo (issue 21: "demo data that shows each state"). */
interface ReferralStory {
  reasons: ReferralReason[];
  text: string;
  /** Calendar days before today it was sent. */
  sentDaysAgo: number;
  answer?: { daysAfter: number; decline?: string };
  updates?: { daysAfter: number; services?: string; responsible?: string; note?: string; close?: boolean }[];
}

const STORIES: ReferralStory[] = [
  {
    reasons: ['social', 'housing'],
    text: 'La famiglia vive in un alloggio precario e fatica a seguire la frequenza del figlio.',
    sentDaysAgo: 1,
  },
  {
    // three weeks without an answer: past the 10 working days on both sides
    reasons: ['labour'],
    text: 'Il padre ha perso il lavoro; la famiglia chiede un orientamento al centro per l’impiego.',
    sentDaysAgo: 21,
  },
  {
    reasons: ['health', 'social'],
    text: 'Assenze ripetute per motivi di salute non ancora seguiti da un servizio.',
    sentDaysAgo: 18,
    answer: { daysAfter: 3 },
    updates: [
      {
        daysAfter: 6,
        services: 'Servizio sociale professionale; consultorio familiare',
        responsible: 'A.S. Laura Bianchi',
      },
    ],
  },
  {
    reasons: ['legal_status'],
    text: 'Permesso di soggiorno della madre in scadenza: serve un orientamento.',
    sentDaysAgo: 25,
    answer: { daysAfter: 4, decline: 'La famiglia è già seguita dallo sportello immigrati del comune: contattare lì.' },
  },
  {
    reasons: ['italian_family'],
    text: 'La madre chiede un corso di italiano per seguire la scuola del figlio.',
    sentDaysAgo: 40,
    answer: { daysAfter: 2 },
    updates: [
      { daysAfter: 5, services: 'Corso di italiano per adulti (CPIA)', responsible: 'Ufficio di piano, sig.ra Conti' },
      { daysAfter: 20, note: 'La madre frequenta il corso con regolarità.', close: true },
    ],
  },
];

/**
 * Referrals to the demo PUA in every state (waiting, overdue, in progress, declined, closed), for
 * students resident in the municipality it serves, each on a case of its own owned by the admin,
 * outside the demo mediator's and referent's schools (their journeys start from an empty caseload).
 * Dates are counted back from `today`, the real day the demo is loaded: the PUA's deadline runs
 * on the calendar, not on the data's last day. Deterministic in the students (by id). Returns the count.
 */
export async function plantDemoReferrals(
  db: Db,
  today = new Date().toISOString().slice(0, 10),
  adminEmail = 'admin@demo.primm.it',
): Promise<number> {
  const context = await demoCaseContext(db, adminEmail);
  const pua = await db
    .selectFrom('app_user')
    .innerJoin('user_municipality as um', 'um.user_id', 'app_user.id')
    .select(['app_user.id', 'um.municipality_istat'])
    .where('app_user.email', '=', 'pua@demo.primm.it')
    .execute();
  if (!context || pua.length === 0) return 0;
  const { admin, year, busy } = context;
  const students = await db
    .selectFrom('student')
    .innerJoin('enrolment as e', 'e.student_id', 'student.id')
    .innerJoin('class', 'class.id', 'e.class_id')
    .select(['student.id', 'student.residence_istat', 'class.school_id'])
    .where(
      'student.residence_istat',
      'in',
      pua.map((p) => p.municipality_istat),
    )
    .where('e.left_on', 'is', null)
    .where('class.school_year_id', '=', year.id)
    .where('class.school_id', 'not in', busy)
    .orderBy('student.id')
    .limit(STORIES.length)
    .execute();
  const puaId = pua[0]!.id;
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of students.entries()) {
      const story = STORIES[i]!;
      const sentOn = addDays(today, -story.sentDaysAgo);
      const at = (days: number, time = '10:00') => `${addDays(sentOn, days)}T${time}:00.000Z`;
      const { name } = await trx
        .selectFrom('municipality')
        .select('name')
        .where('istat_code', '=', s.residence_istat!)
        .executeTakeFirstOrThrow();
      const { id: caseId } = await trx
        .insertInto('support_case')
        .values({
          student_id: s.id,
          school_id: s.school_id,
          flag_id: null,
          opened_by: admin.id,
          owner_id: admin.id,
          opened_at: at(-7, '09:00'),
          status: 'open',
          goal: 'Sostenere la famiglia perché il ragazzo torni a frequentare',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: actionId } = await trx
        .insertInto('case_action')
        .values({
          case_id: caseId,
          type: 'pua_referral',
          date: sentOn,
          participants: 'referente; consenso: la madre',
          notes: null,
          follow_up_on: null,
          outcome: null,
          destination: `PUA – ${name}`,
          arrived: null,
          work_kind: null,
          exceptional_reason: null,
          created_by: admin.id,
          created_at: at(0),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const answer = story.answer;
      const closes = story.updates?.some((u) => u.close) ?? false;
      const { id: referralId } = await trx
        .insertInto('pua_referral')
        .values({
          case_id: caseId,
          student_id: s.id,
          case_action_id: actionId,
          municipality_istat: s.residence_istat!,
          reasons: JSON.stringify(story.reasons),
          text: story.text,
          family_contact: 'madre, tel. 333 000 0000 (dimostrativo)',
          consent_given_by: 'la madre, in un colloquio a scuola',
          consent_given_on: addDays(sentOn, -1),
          consent_services: JSON.stringify(story.reasons),
          status: !answer ? 'sent' : answer.decline ? 'declined' : closes ? 'closed' : 'accepted',
          decline_reason: answer?.decline ?? null,
          first_answer_at: answer ? at(answer.daysAfter, '11:00') : null,
          answered_by: answer ? puaId : null,
          sent_by: admin.id,
          sent_at: at(0),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const u of story.updates ?? [])
        await trx
          .insertInto('pua_referral_update')
          .values({
            referral_id: referralId,
            services: u.services ?? null,
            responsible: u.responsible ?? null,
            note: u.note ?? null,
            closed: u.close ? 1 : 0,
            created_by: puaId,
            created_at: at(u.daysAfter, '12:00'),
          })
          .execute();
    }
  });
  return students.length;
}
