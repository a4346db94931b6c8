import {
  ARRIVAL_ANSWER_DAYS,
  type ActionArrival,
  type ArrivalAutoReason,
  type IncomingArrival,
  type OutgoingArrival,
  type RegistrySchool,
} from '@primm/shared/contracts/arrivals';
import { addDays } from '@primm/shared/dates';
import type { Db } from '../db/open-database';

/** Answered arrivals stay in the receiving school's list this long, so a referent sees what they did. */
export const ANSWERED_SHOWN_DAYS = 60;

const dueOn = (date: string) => addDays(date, ARRIVAL_ANSWER_DAYS);
/**
 * Calendar days, on purpose: the answer term is this product's own rule (issue #21 item 3, 15
 * calendar days in the contract and in docs/privacy.md), a reminder to the mediator that no law
 * counts in working days, unlike the municipality's and the PUA's terms
 * (shared/src/working-days.ts `isOverdue`). The name says which, so the two are not confused.
 */
const isPastCalendarDue = (status: string, date: string, today: string) => status === 'pending' && dueOn(date) < today;

/** LIKE pattern of a user's words; % and _ are dropped (no school name has them, and LIKE escapes differ between SQLite and PostgreSQL). */
const containing = (q: string) => `%${q.toUpperCase().replace(/[\\%_]/g, '')}%`;

/** Schools of the registry by name, code or municipality (the registry writes names in capitals). */
export async function searchRegistrySchools(db: Db, q: string, limit = 20): Promise<RegistrySchool[]> {
  const pattern = containing(q);
  const rows = await db
    .selectFrom('school')
    .select(['code', 'name', 'kind', 'municipality_name', 'province_code'])
    .where((eb) =>
      eb.or(
        (['name', 'code', 'municipality_name'] as const).map((col) =>
          eb(eb.fn<string>('upper', [col]), 'like', pattern),
        ),
      ),
    )
    .orderBy('name')
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    municipalityName: r.municipality_name,
    provinceCode: r.province_code,
  }));
}

export async function findRegistrySchool(db: Db, code: string) {
  return db.selectFrom('school').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

/**
 * Opens the wait for the receiving school's answer; the caller owns the transaction and has just
 * written the action. When no one needs asking (same school, or already enrolled there by an
 * import) the arrival is confirmed at once and the action marked arrived, with the reason kept.
 */
export async function openArrival(
  db: Db,
  a: { actionId: number; schoolId: number; originSchoolId: number; studentId: number; date: string; at: string },
): Promise<ArrivalAutoReason | null> {
  let auto: { reason: ArrivalAutoReason; enrolledOn: string } | null = null;
  if (a.schoolId === a.originSchoolId) auto = { reason: 'same_school', enrolledOn: a.date };
  else {
    const stay = await db
      .selectFrom('enrolment')
      .innerJoin('class', 'class.id', 'enrolment.class_id')
      .select('enrolment.entered_on')
      .where('enrolment.student_id', '=', a.studentId)
      .where('class.school_id', '=', a.schoolId)
      .where((eb) => eb.or([eb('enrolment.left_on', 'is', null), eb('enrolment.left_on', '>=', a.date)]))
      .orderBy('enrolment.entered_on', 'desc')
      .executeTakeFirst();
    if (stay) auto = { reason: 'already_enrolled', enrolledOn: stay.entered_on };
  }
  await db
    .insertInto('reorientation_arrival')
    .values({
      action_id: a.actionId,
      school_id: a.schoolId,
      status: auto ? 'enrolled' : 'pending',
      enrolled_on: auto?.enrolledOn ?? null,
      auto_reason: auto?.reason ?? null,
      answered_by: null,
      answered_at: auto ? a.at : null,
      created_at: a.at,
    })
    .execute();
  if (auto)
    await db
      .updateTable('case_action')
      .set({ arrived: 1, arrived_on: auto.enrolledOn })
      .where('id', '=', a.actionId)
      .execute();
  return auto?.reason ?? null;
}

/** The receiving schools' answers to these actions, for the case timeline. */
export async function arrivalsOfActions(
  db: Db,
  actions: { id: number; date: string }[],
  today: string,
): Promise<Map<number, ActionArrival>> {
  if (actions.length === 0) return new Map();
  const rows = await db
    .selectFrom('reorientation_arrival as r')
    .innerJoin('school', 'school.id', 'r.school_id')
    .leftJoin('app_user as u', 'u.id', 'r.answered_by')
    .select([
      'r.action_id',
      'r.status',
      'r.enrolled_on',
      'r.auto_reason',
      'r.answered_at',
      'school.code',
      'school.name',
      'u.display_name',
    ])
    .where(
      'r.action_id',
      'in',
      actions.map((a) => a.id),
    )
    .execute();
  const dates = new Map(actions.map((a) => [a.id, a.date]));
  return new Map(
    rows.map((r) => {
      const date = dates.get(r.action_id)!;
      return [
        r.action_id,
        {
          school: { code: r.code, name: r.name },
          status: r.status,
          dueOn: dueOn(date),
          overdue: isPastCalendarDue(r.status, date, today),
          enrolledOn: r.enrolled_on,
          answeredAt: r.answered_at,
          answeredBy: r.display_name,
          autoReason: r.auto_reason,
        },
      ];
    }),
  );
}

function incomingQuery(db: Db) {
  return db
    .selectFrom('reorientation_arrival as r')
    .innerJoin('case_action as a', 'a.id', 'r.action_id')
    .innerJoin('support_case as c', 'c.id', 'a.case_id')
    .innerJoin('student as s', 's.id', 'c.student_id')
    .innerJoin('school as origin', 'origin.id', 'c.school_id')
    .innerJoin('school as dest', 'dest.id', 'r.school_id')
    .select([
      'r.action_id',
      'r.school_id',
      'r.status',
      'r.enrolled_on',
      'r.answered_at',
      'r.auto_reason',
      'a.date',
      'c.student_id',
      's.last_name',
      's.first_name',
      's.birth_date',
      'origin.code as origin_code',
      'origin.name as origin_name',
      'dest.code as dest_code',
      'dest.name as dest_name',
      // The receiving school's own import may already show the student there: the referent is told.
      (eb) =>
        eb
          .selectFrom('enrolment as e')
          .innerJoin('class as k', 'k.id', 'e.class_id')
          .select((s) => s.fn.max('e.entered_on').as('on'))
          .whereRef('e.student_id', '=', 'c.student_id')
          .whereRef('k.school_id', '=', 'r.school_id')
          .where((w) => w.or([w('e.left_on', 'is', null), w('e.left_on', '>=', w.ref('a.date'))]))
          .as('imported_on'),
    ]);
}

type IncomingRow = Awaited<ReturnType<ReturnType<typeof incomingQuery>['execute']>>[number];

/** Only what the receiving school needs (docs/privacy.md): no grade, risk, note or case text. */
function toIncoming(r: IncomingRow, today: string): IncomingArrival & { studentId: number; schoolId: number } {
  return {
    actionId: r.action_id,
    studentId: r.student_id,
    schoolId: r.school_id,
    student: { lastName: r.last_name, firstName: r.first_name, birthDate: r.birth_date },
    originSchool: { code: r.origin_code, name: r.origin_name },
    receivingSchool: { code: r.dest_code, name: r.dest_name },
    date: r.date,
    dueOn: dueOn(r.date),
    overdue: isPastCalendarDue(r.status, r.date, today),
    status: r.status,
    enrolledOn: r.enrolled_on,
    answeredAt: r.answered_at,
    autoReason: r.auto_reason,
    importedEnrolmentOn: (r.imported_on as string | null) ?? null,
  };
}

/** Arrivals toward these schools (null: all): pending first (oldest first), then recent answers. */
export async function listIncoming(db: Db, schoolIds: number[] | null, today: string) {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  let q = incomingQuery(db).where((eb) =>
    eb.or([eb('r.status', '=', 'pending'), eb('r.answered_at', '>=', addDays(today, -ANSWERED_SHOWN_DAYS))]),
  );
  if (schoolIds !== null) q = q.where('r.school_id', 'in', schoolIds);
  const rows = await q.orderBy('a.date').orderBy('r.action_id').execute();
  return rows
    .map((r) => toIncoming(r, today))
    .sort((x, y) => Number(y.status === 'pending') - Number(x.status === 'pending'));
}

export async function findIncoming(db: Db, actionId: number, today: string) {
  const row = await incomingQuery(db).where('r.action_id', '=', actionId).executeTakeFirst();
  return row ? toIncoming(row, today) : undefined;
}

/** Pending arrivals of cases a user works on: a mediator's own cases, a referent's schools', all. */
export async function listOutgoing(
  db: Db,
  scope: { ownerId?: number; schoolIds?: number[] },
  today: string,
): Promise<OutgoingArrival[]> {
  if (scope.schoolIds && scope.schoolIds.length === 0) return [];
  let q = db
    .selectFrom('reorientation_arrival as r')
    .innerJoin('case_action as a', 'a.id', 'r.action_id')
    .innerJoin('support_case as c', 'c.id', 'a.case_id')
    .innerJoin('student as s', 's.id', 'c.student_id')
    .innerJoin('school as dest', 'dest.id', 'r.school_id')
    .select([
      'r.action_id',
      'a.case_id',
      'a.date',
      'c.student_id',
      's.last_name',
      's.first_name',
      'dest.code',
      'dest.name',
    ])
    .where('r.status', '=', 'pending');
  if (scope.ownerId !== undefined) q = q.where('c.owner_id', '=', scope.ownerId);
  if (scope.schoolIds) q = q.where('c.school_id', 'in', scope.schoolIds);
  const rows = await q.orderBy('a.date').orderBy('r.action_id').execute();
  return rows
    .map((r) => ({
      actionId: r.action_id,
      caseId: r.case_id,
      student: { id: r.student_id, lastName: r.last_name, firstName: r.first_name },
      receivingSchool: { code: r.code, name: r.name },
      date: r.date,
      dueOn: dueOn(r.date),
      overdue: isPastCalendarDue('pending', r.date, today),
    }))
    .sort((x, y) => Number(y.overdue) - Number(x.overdue));
}
