import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import type { CaseEffect, Caseload } from '@primm/shared/contracts/cases';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { newSchoolData } from '../http/student-access';
import { buildSchoolInputs } from '../risk/build-inputs';
import { computeCaseEffect } from './case-effect';
import { currentClasses, listCases } from './repository';
import { CASE_ROLES, findCaseStudent } from './service';

const EffectQuery = z.object({ weeks: z.coerce.number().int().min(1).max(12).default(4) });

export function caseloadRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  // A mediator's own cases; a referent's school; the admin everything. Overdue follow-ups first.
  router.get('/caseload', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const today = now().toISOString().slice(0, 10);
    // A case of a student who left the school stays readable from the student page, but it is no
    // longer the school's work (it cannot write to it): it leaves the caseload.
    const scope = user.role === 'admin' ? {} : { stillResponsible: true, ...(user.role === 'mediatore' ? { ownerId: user.id } : { schoolIds: user.schoolIds }) };
    const cases = (await listCases(db, { ...scope, openOnly: true }, today)).sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextFollowUp ?? '9999').localeCompare(b.nextFollowUp ?? '9999') || a.openedAt.localeCompare(b.openedAt),
    );
    const body: Caseload = { cases, flaggedWithoutCase: await flaggedWithoutCase(db, user.role === 'admin' ? null : user.schoolIds) };
    await audit(db, { user, req }, { action: 'caseload.read', studentIds: [...new Set([...cases.map((c) => c.student.id), ...body.flaggedWithoutCase.map((f) => f.studentId)])] });
    res.json(body);
  });

  router.get('/cases/:id/effect', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = z.object({ id: Id }).parse(req.params);
    const { weeks } = EffectQuery.parse(req.query);
    const c = await findCaseStudent(db, user, id);
    // Attendance and grades behind the effect are the new school's once the student has left.
    if (c.window) throw newSchoolData(c.window);
    const first = await db.selectFrom('case_action').select(({ fn }) => fn.min<string>('date').as('first')).where('case_id', '=', id).executeTakeFirst();
    const built = await buildSchoolInputs(db, c.schoolId, { studentId: c.studentId });
    const input = built?.inputs.find((b) => b.studentId === c.studentId)?.input;
    const body: CaseEffect = computeCaseEffect(input?.weeks ?? [], input?.grades ?? [], first?.first ?? null, weeks);
    await audit(db, { user, req }, { action: 'case.effect.read', studentIds: [c.studentId], details: { caseId: id } });
    res.json(body);
  });

  return router;
}

/** Students with an open flag and no case opened from any of their flags, in the given schools. */
async function flaggedWithoutCase(db: Db, schoolIds: number[] | null): Promise<Caseload['flaggedWithoutCase']> {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const flags = await db
    .selectFrom('flag')
    .innerJoin('student', 'student.id', 'flag.student_id')
    .innerJoin('app_user', 'app_user.id', 'flag.created_by')
    .select(['flag.id', 'flag.student_id', 'flag.reason_code', 'flag.reason', 'flag.created_at', 'student.last_name', 'student.first_name', 'app_user.display_name'])
    .where('flag.resolved_at', 'is', null)
    .where('flag.student_id', 'not in', db.selectFrom('support_case').select('student_id').where('status', '!=', 'closed'))
    .orderBy('flag.created_at', 'desc')
    .execute();
  const classes = await currentClasses(db, [...new Set(flags.map((f) => f.student_id))]);
  const schools = new Map((await db.selectFrom('school').select(['id', 'code']).execute()).map((s) => [s.id, s.code]));
  const seen = new Set<number>();
  const out: Caseload['flaggedWithoutCase'] = [];
  for (const f of flags) {
    const cls = classes.get(f.student_id);
    if (!cls || seen.has(f.student_id) || (schoolIds !== null && !schoolIds.includes(cls.schoolId))) continue;
    seen.add(f.student_id); // the latest flag stands for the student
    out.push({
      studentId: f.student_id, lastName: f.last_name, firstName: f.first_name, className: cls.name, schoolCode: schools.get(cls.schoolId) ?? '',
      flagId: f.id, reasonCode: f.reason_code, reason: f.reason, flaggedAt: f.created_at, flaggedBy: f.display_name,
    });
  }
  return out;
}
