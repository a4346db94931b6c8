import type { Caseload, CaseSummary, FollowUp, PastCase } from '@primm/shared/contracts/cases';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { currentClasses, listCases, type CaseScope } from './repository';

/** Whose cases a user works: a mediator their own, a referent their schools', the admin all. */
export function caseloadScope(user: AuthUser): CaseScope {
  if (user.role === 'admin') return {};
  // A case of a student who left the school stays readable from the student page, but it is no
  // longer the school's work (it cannot write to it): it leaves the caseload.
  return {
    stillResponsible: true,
    ...(user.role === 'mediatore' ? { ownerId: user.id } : { schoolIds: user.schoolIds }),
  };
}

/** The open cases of a user's caseload, overdue follow-ups first, and every follow-up they plan. */
export async function caseloadOf(
  db: Db,
  user: AuthUser,
  today: string,
): Promise<{ cases: CaseSummary[]; followUps: FollowUp[] }> {
  const cases = (await listCases(db, { ...caseloadScope(user), openOnly: true }, today)).sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.nextFollowUp ?? '9999').localeCompare(b.nextFollowUp ?? '9999') ||
      a.openedAt.localeCompare(b.openedAt),
  );
  return { cases, followUps: await listFollowUps(db, cases) };
}

/** The planned follow-ups of these cases, by date. */
export async function listFollowUps(db: Db, cases: Pick<CaseSummary, 'id' | 'student'>[]): Promise<FollowUp[]> {
  if (cases.length === 0) return [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows = await db
    .selectFrom('case_action')
    .select(['id', 'case_id', 'type', 'follow_up_on'])
    .where('case_id', 'in', [...byId.keys()])
    .where('follow_up_on', 'is not', null)
    .orderBy('follow_up_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const { student } = byId.get(r.case_id)!;
    return {
      caseId: r.case_id,
      actionId: r.id,
      date: r.follow_up_on!,
      actionType: r.type,
      student: { id: student.id, lastName: student.lastName, firstName: student.firstName },
    };
  });
}

/** Students with an open flag and no case running, in the given schools, with their closed cases. */
export async function flaggedWithoutCase(db: Db, schoolIds: number[] | null): Promise<Caseload['flaggedWithoutCase']> {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const flags = await db
    .selectFrom('flag')
    .innerJoin('student', 'student.id', 'flag.student_id')
    .innerJoin('app_user', 'app_user.id', 'flag.created_by')
    .select([
      'flag.id',
      'flag.student_id',
      'flag.reason_code',
      'flag.reason',
      'flag.created_at',
      'student.last_name',
      'student.first_name',
      'app_user.display_name',
    ])
    .where('flag.resolved_at', 'is', null)
    .where(
      'flag.student_id',
      'not in',
      db.selectFrom('support_case').select('student_id').where('status', '!=', 'closed'),
    )
    .orderBy('flag.created_at', 'desc')
    .orderBy('flag.id', 'desc')
    .execute();
  const studentIds = [...new Set(flags.map((f) => f.student_id))];
  const classes = await currentClasses(db, studentIds);
  const schools = new Map(
    (await db.selectFrom('school').select(['id', 'code', 'name']).execute()).map((s) => [s.id, s]),
  );
  const past = await closedCasesOf(db, studentIds);
  const seen = new Set<number>();
  const out: Caseload['flaggedWithoutCase'] = [];
  for (const f of flags) {
    const cls = classes.get(f.student_id);
    if (!cls || seen.has(f.student_id) || (schoolIds !== null && !schoolIds.includes(cls.schoolId))) continue;
    seen.add(f.student_id); // the latest flag stands for the student
    const school = schools.get(cls.schoolId);
    out.push({
      studentId: f.student_id,
      lastName: f.last_name,
      firstName: f.first_name,
      className: cls.name,
      schoolCode: school?.code ?? '',
      schoolName: school?.name ?? '',
      flagId: f.id,
      reasonCode: f.reason_code,
      reason: f.reason,
      flaggedAt: f.created_at,
      flaggedBy: f.display_name,
      pastCases: past.get(f.student_id) ?? [],
    });
  }
  return out;
}

/** Each student's closed cases, the latest closed first. */
export async function closedCasesOf(db: Db, studentIds: number[]): Promise<Map<number, PastCase[]>> {
  const out = new Map<number, PastCase[]>();
  if (studentIds.length === 0) return out;
  const rows = await db
    .selectFrom('support_case')
    .select(['id', 'student_id', 'closed_at', 'outcome'])
    .where('student_id', 'in', studentIds)
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows)
    out.set(r.student_id, [...(out.get(r.student_id) ?? []), { id: r.id, closedAt: r.closed_at, outcome: r.outcome }]);
  return out;
}
