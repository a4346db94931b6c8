import { Router } from 'express';
import { WorklistQuery, type Worklist } from '@primm/shared/contracts/worklist';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { assertCanReadSchool, visibleSchoolIds } from '../http/scope';
import { closedCasesOf } from './caseload';
import { listScopeSchools } from './repository';
import { CASE_ROLES } from './service';
import { listWorklist } from './worklist';

/** A mediator's schools hold a few thousand students; the region's level 3 would not fit a page. */
export const WORKLIST_LIMIT = 500;

export function worklistRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  // Level 3 and newly arrived students nobody has flagged or taken up, across the user's schools.
  router.get('/worklist', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const query = WorklistQuery.parse(req.query);
    if (query.school !== undefined) await assertCanReadSchool(db, user, query.school);
    const visible = await visibleSchoolIds(db, user);
    const year = await findCurrentSchoolYear(db);
    const found = year
      ? await listWorklist(db, {
          schoolIds: query.school !== undefined ? [query.school] : visible,
          schoolYearId: year.id,
          today: now().toISOString().slice(0, 10),
          reason: query.reason,
          limit: WORKLIST_LIMIT,
        })
      : [];
    const items = found.slice(0, WORKLIST_LIMIT);
    const closed = await closedCasesOf(
      db,
      items.map((i) => i.studentId),
    );
    for (const item of items) item.closedCases = closed.get(item.studentId)?.length ?? 0;
    const body: Worklist = {
      schoolYear: year?.label ?? null,
      items,
      truncated: found.length > WORKLIST_LIMIT,
      schools: await listScopeSchools(db, visible),
    };
    await audit(
      db,
      { user, req },
      { action: 'worklist.read', studentIds: items.map((i) => i.studentId), details: query },
    );
    res.json(body);
  });

  return router;
}
