import type { ParticipantView, ParticipantViewInput } from '@primm/shared/contracts/participant-views';
import type {
  CaseAction,
  CaseActionType,
  CaseDetail,
  CaseOutcome,
  CaseStatus,
  CaseSummary,
  ScopeSchool,
} from '@primm/shared/contracts/cases';
import { addDays } from '@primm/shared/dates';
import { arrivalsOfActions } from '../arrivals/repository';
import type { Db } from '../db/open-database';
import { caseInWindow, currentStay, type RecordWindow, type Stay } from '../http/student-access';

export interface CaseScope {
  caseId?: number;
  studentId?: number;
  ownerId?: number;
  schoolIds?: number[];
  openOnly?: boolean;
  /** Only cases of a school that still holds the student (a caseload: the rest is no one's work there). */
  stillResponsible?: boolean;
  /** A former school's view: its cases opened before the date, as they were then (docs/privacy.md). */
  window?: RecordWindow;
  /** The archive: closed cases, optionally by outcome and closing date (both ends included). */
  closed?: { outcome?: CaseOutcome; from?: string; to?: string };
  /** At most this many, the most recent first (by opening, or by closing in the archive). */
  limit?: number;
}

/** Cases with their student's current class, owner, opener and next follow-up. */
export async function listCases(db: Db, scope: CaseScope, today: string): Promise<CaseSummary[]> {
  let q = db
    .selectFrom('support_case as c')
    .innerJoin('student as s', 's.id', 'c.student_id')
    .innerJoin('school', 'school.id', 'c.school_id')
    .innerJoin('app_user as owner', 'owner.id', 'c.owner_id')
    .innerJoin('app_user as opener', 'opener.id', 'c.opened_by')
    .select([
      'c.id',
      'c.school_id',
      'c.status',
      'c.goal',
      'c.opened_at',
      'c.closed_at',
      'c.outcome',
      'c.outcome_note',
      'c.flag_id',
      'c.student_id',
      's.last_name',
      's.first_name',
      'school.code as school_code',
      'school.name as school_name',
      'owner.id as owner_id',
      'owner.display_name as owner_name',
      'opener.id as opener_id',
      'opener.display_name as opener_name',
    ]);
  if (scope.caseId !== undefined) q = q.where('c.id', '=', scope.caseId);
  if (scope.studentId !== undefined) q = q.where('c.student_id', '=', scope.studentId);
  if (scope.ownerId !== undefined) q = q.where('c.owner_id', '=', scope.ownerId);
  if (scope.schoolIds !== undefined) {
    if (scope.schoolIds.length === 0) return [];
    q = q.where('c.school_id', 'in', scope.schoolIds);
  }
  if (scope.openOnly) q = q.where('c.status', '!=', 'closed');
  if (scope.closed) {
    const { outcome, from, to } = scope.closed;
    q = q.where('c.status', '=', 'closed');
    if (outcome) q = q.where('c.outcome', '=', outcome);
    // closed_at is a full timestamp: a day's range runs to the start of the next day
    if (from) q = q.where('c.closed_at', '>=', from);
    if (to) q = q.where('c.closed_at', '<', addDays(to, 1));
    q = q.orderBy('c.closed_at', 'desc');
  }
  q = q.orderBy('c.opened_at', 'desc').orderBy('c.id', 'desc');
  if (scope.limit !== undefined) q = q.limit(scope.limit);
  const { window } = scope;
  const found = await q.execute();
  const inWindow = window ? found.filter((r) => caseInWindow(window, r.school_id, r.opened_at)) : found;
  if (inWindow.length === 0) return [];
  const ids = inWindow.map((r) => r.id);
  const studentIds = [...new Set(inWindow.map((r) => r.student_id))];
  const [allActions, classes] = await Promise.all([
    db
      .selectFrom('case_action')
      .select(['case_id', 'follow_up_on', 'created_at'])
      .where('case_id', 'in', ids)
      .execute(),
    currentClasses(db, studentIds, window),
  ]);
  const actions = window ? allActions.filter((a) => a.created_at < window.before) : allActions;
  const rows = scope.stillResponsible
    ? inWindow.filter((r) => classes.get(r.student_id)?.schoolId === r.school_id)
    : inWindow;
  return rows.map((r) => {
    const mine = actions.filter((a) => a.case_id === r.id);
    const followUps = mine
      .map((a) => a.follow_up_on)
      .filter((d): d is string => d !== null)
      .sort();
    // The earliest follow-up not yet past, or the latest past one when all are past (overdue).
    const next =
      r.status === 'closed' ? null : (followUps.find((d) => d >= today) ?? followUps[followUps.length - 1] ?? null);
    const cls = classes.get(r.student_id) ?? null;
    return {
      id: r.id,
      student: {
        id: r.student_id,
        lastName: r.last_name,
        firstName: r.first_name,
        className: cls?.name ?? null,
        classId: cls?.id ?? null,
      },
      schoolCode: r.school_code,
      schoolName: r.school_name,
      status: r.status as CaseStatus,
      goal: r.goal,
      owner: { id: r.owner_id, name: r.owner_name },
      openedBy: { id: r.opener_id, name: r.opener_name },
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      outcome: r.outcome as CaseOutcome | null,
      outcomeNote: r.outcome_note,
      flagId: r.flag_id,
      nextFollowUp: next,
      overdue: next !== null && next < today,
      actionCount: mine.length,
    };
  });
}

export async function findCase(
  db: Db,
  caseId: number,
  today: string,
  window?: RecordWindow,
): Promise<CaseDetail | undefined> {
  const [summary] = await listCases(db, { caseId, window }, today);
  if (!summary) return undefined;
  return {
    ...summary,
    actions: await listActions(db, caseId, today, window),
    participantViews: await listParticipantViews(db, caseId, window),
  };
}

const PERSPECTIVE_ORDER = ['young_person', 'family', 'receiving_org'];

/** The participants' own views of a case (issue 22), free text included: it is kept in the case. */
export async function listParticipantViews(db: Db, caseId: number, window?: RecordWindow): Promise<ParticipantView[]> {
  const rows = await db.selectFrom('case_participant_view').selectAll().where('case_id', '=', caseId).execute();
  return rows
    .filter((r) => !window || r.recorded_at < window.before)
    .sort((a, b) => PERSPECTIVE_ORDER.indexOf(a.perspective) - PERSPECTIVE_ORDER.indexOf(b.perspective))
    .map((r) => ({
      perspective: r.perspective,
      helped: r.helped,
      helpedMost: r.helped_most,
      comment: r.comment,
      recordedAt: r.recorded_at,
    }));
}

/** Writes the views given on closing; the caller owns the transaction. */
export async function insertParticipantViews(
  db: Db,
  caseId: number,
  views: ParticipantViewInput[],
  by: number,
  at: string,
): Promise<void> {
  if (views.length === 0) return;
  await db
    .insertInto('case_participant_view')
    .values(
      views.map((v) => ({
        case_id: caseId,
        perspective: v.perspective,
        helped: v.helped,
        helped_most: v.helpedMost,
        comment: v.comment && v.comment.length > 0 ? v.comment : null,
        recorded_by: by,
        recorded_at: at,
      })),
    )
    .execute();
}

/** A case's actions, with the receiving school's answer; with a window, those written before its date. */
export async function listActions(db: Db, caseId: number, today: string, window?: RecordWindow): Promise<CaseAction[]> {
  const rows = await db
    .selectFrom('case_action as a')
    .innerJoin('app_user as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select(['u.display_name'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.date')
    .orderBy('a.id')
    .execute();
  const kept = rows.filter((a) => !window || a.created_at < window.before);
  // The answer is shown even in a former school's window: it is the reply to that school's own action.
  const arrivals = await arrivalsOfActions(db, kept, today);
  return kept.map((a) => ({
    id: a.id,
    caseId: a.case_id,
    type: a.type as CaseActionType,
    date: a.date,
    participants: a.participants,
    notes: a.notes,
    followUpOn: a.follow_up_on,
    outcome: a.outcome,
    destination: a.destination,
    arrived: a.arrived === null ? null : a.arrived === 1,
    arrivedOn: a.arrived_on,
    workKind: a.work_kind as 'apprendistato' | 'lavoro' | null,
    exceptionalReason: a.exceptional_reason,
    arrival: arrivals.get(a.id) ?? null,
    createdBy: { id: a.created_by, name: a.display_name },
    createdAt: a.created_at,
  }));
}

/**
 * The class (and school) each student is in now (`currentStay`); with a window, the one they were
 * in last at the former school, so its view never names the new class.
 */
export async function currentClasses(
  db: Db,
  studentIds: number[],
  window?: RecordWindow,
): Promise<Map<number, { id: number; name: string; schoolId: number }>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .select([
      'enrolment.id',
      'enrolment.student_id',
      'class.id as class_id',
      'class.name',
      'class.school_id',
      'class.school_year_id',
      'enrolment.entered_on',
      'enrolment.left_on',
    ])
    .where('enrolment.student_id', 'in', studentIds)
    .execute();
  const stays = new Map<number, Array<Stay & { name: string }>>();
  for (const r of rows) {
    if (window && !(window.schoolIds.includes(r.school_id) && r.entered_on < window.before)) continue;
    const list = stays.get(r.student_id) ?? [];
    list.push({
      id: r.id,
      classId: r.class_id,
      schoolId: r.school_id,
      schoolYearId: r.school_year_id,
      enteredOn: r.entered_on,
      leftOn: r.left_on,
      name: r.name,
    });
    stays.set(r.student_id, list);
  }
  const out = new Map<number, { id: number; name: string; schoolId: number }>();
  for (const [studentId, list] of stays) {
    const stay = currentStay(list);
    if (stay) out.set(studentId, { id: stay.classId, name: stay.name, schoolId: stay.schoolId });
  }
  return out;
}

/**
 * Closing a case answers the flags of its student: the one it was opened from and any other still
 * open, raised before or while the case ran (they were visible on the student's page all along),
 * except a flag that opened another case still running. Without this the student came back under
 * "Segnalati senza caso" the moment the case closed (issue 19), and only a new case could clear it.
 */
export async function resolveFlagsOnClose(
  db: Db,
  c: { caseId: number; studentId: number },
  userId: number,
  at: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('flag')
    .select('id')
    .where('student_id', '=', c.studentId)
    .where('resolved_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('support_case as other')
            .select('other.id')
            .whereRef('other.flag_id', '=', 'flag.id')
            .where('other.status', '!=', 'closed')
            .where('other.id', '!=', c.caseId),
        ),
      ),
    )
    .orderBy('id') // the audit lists them in this order: without it PostgreSQL gives the heap's, which an update changes
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length > 0)
    await db.updateTable('flag').set({ resolved_at: at, resolved_by: userId }).where('id', 'in', ids).execute();
  return ids;
}

/** The schools a scope holds (null: every school), by name, for the filters of the lists. */
export async function listScopeSchools(db: Db, schoolIds: number[] | null): Promise<ScopeSchool[]> {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  let q = db.selectFrom('school').select(['id', 'code', 'name']).orderBy('name').orderBy('code');
  if (schoolIds !== null) q = q.where('id', 'in', schoolIds);
  return q.execute();
}
