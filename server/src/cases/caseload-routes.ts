import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { CaseArchiveQuery, type CaseArchive, type CaseEffect, type Caseload } from '@primm/shared/contracts/cases';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { assertCanReadSchool, visibleSchoolIds } from '../http/scope';
import { newSchoolData } from '../http/student-access';
import { loadStudentSeries } from '../school-data/student-series';
import { computeCaseEffect } from './case-effect';
import { caseloadOf, flaggedWithoutCase } from './caseload';
import { listCases, listScopeSchools } from './repository';
import { CASE_ROLES, findCaseStudent } from './service';

const EffectQuery = z.object({ weeks: z.coerce.number().int().min(1).max(12).default(4) });

/** The archive answers at most this many cases: a school's closed cases of several years fit, a region's do not. */
export const ARCHIVE_LIMIT = 300;

export function caseloadRoutes(db: Db, now: () => Date): Router {
  const router = Router();
  const today = () => now().toISOString().slice(0, 10);

  // A mediator's own cases; a referent's school; the admin everything. Overdue follow-ups first.
  router.get('/caseload', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { cases, followUps } = await caseloadOf(db, user, today());
    const body: Caseload = {
      today: today(),
      cases,
      followUps,
      flaggedWithoutCase: await flaggedWithoutCase(db, user.role === 'admin' ? null : user.schoolIds),
    };
    await audit(
      db,
      { user, req },
      {
        action: 'caseload.read',
        studentIds: [
          ...new Set([...cases.map((c) => c.student.id), ...body.flaggedWithoutCase.map((f) => f.studentId)]),
        ],
      },
    );
    res.json(body);
  });

  // Closed cases of the user's schools (every owner: a school's past work is shared), newest first.
  router.get('/case-archive', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const query = CaseArchiveQuery.parse(req.query);
    if (query.school !== undefined) await assertCanReadSchool(db, user, query.school);
    const visible = await visibleSchoolIds(db, user);
    const schoolIds = query.school !== undefined ? [query.school] : (visible ?? undefined);
    const rows = await listCases(
      db,
      {
        ...(schoolIds ? { schoolIds } : {}),
        closed: { outcome: query.outcome, from: query.from, to: query.to },
        limit: ARCHIVE_LIMIT + 1,
      },
      today(),
    );
    const items = rows.slice(0, ARCHIVE_LIMIT);
    const body: CaseArchive = {
      items,
      truncated: rows.length > ARCHIVE_LIMIT,
      schools: await listScopeSchools(db, visible),
    };
    await audit(
      db,
      { user, req },
      { action: 'case.archive.read', studentIds: [...new Set(items.map((c) => c.student.id))], details: query },
    );
    res.json(body);
  });

  router.get('/cases/:id/effect', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = z.object({ id: Id }).parse(req.params);
    const { weeks } = EffectQuery.parse(req.query);
    const c = await findCaseStudent(db, user, id);
    // Attendance and grades behind the effect are the new school's once the student has left.
    if (c.window) throw newSchoolData(c.window);
    const first = await db
      .selectFrom('case_action')
      .select(({ fn }) => fn.min<string>('date').as('first'))
      .where('case_id', '=', id)
      .executeTakeFirst();
    const input = (await loadStudentSeries(db, c.schoolId, c.studentId))?.input;
    const body: CaseEffect = computeCaseEffect(input?.weeks ?? [], input?.grades ?? [], first?.first ?? null, weeks);
    await audit(db, { user, req }, { action: 'case.effect.read', studentIds: [c.studentId], details: { caseId: id } });
    res.json(body);
  });

  return router;
}
