import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import {
  RiskListQuery,
  RiskReviewInput,
  type ClassRiskList,
  type RiskReviewResult,
  type RiskRow,
  type SchoolRiskList,
} from '@primm/shared/contracts/risk';
import { SchoolCodeParam } from '@primm/shared/contracts/schools';
import type { AuthUser } from '../auth/current-user';
import { findCurrentSchoolYear } from '../db/current-year';
import { findSchoolCapacity, mostAtRisk } from '../backtest/capacity';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { assertCanReadClass, denied, findReadableSchool } from '../http/scope';
import { assertCanReadStudent, assertCanWriteStudent, newSchoolData } from '../http/student-access';
import { listClassRisk, listSchoolRisk } from './risk-lists';
import { effectiveTier, findStoredRisk, insertReview, type StoredRisk } from './repository';
import { sortRiskRows } from './sort-risk-rows';
import { classTierChanges } from './tier-changes';
import { assembleStudentRisk } from './student-risk';

const IdParam = z.object({ id: Id });

export function riskRoutes(db: Db): Router {
  const router = Router();

  router.get('/classes/:id/risk', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const query = RiskListQuery.parse(req.query);
    await assertCanReadClass(db, user, id);
    let items = sortRiskRows(await listClassRisk(db, id), query);
    let capacity: number | null | undefined;
    if (query.top === 'capacity') ({ items, capacity } = await keepClassMostAtRisk(db, id, items));
    const body: ClassRiskList = { items, ...(capacity !== undefined ? { capacity } : {}) };
    await audit(
      db,
      { user, req },
      { action: 'class.risk.read', classId: id, studentIds: body.items.map((r) => r.studentId) },
    );
    res.json(body);
  });

  router.get('/classes/:id/risk/changes', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const { days } = z.object({ days: z.coerce.number().int().min(1).max(60).default(7) }).parse(req.query);
    await assertCanReadClass(db, user, id);
    const body = await classTierChanges(db, id, days);
    await audit(
      db,
      { user, req },
      { action: 'class.risk.changes.read', classId: id, studentIds: body.items.map((i) => i.studentId) },
    );
    res.json(body);
  });

  router.get('/schools/:code/risk', requireRole('admin', 'referente', 'mediatore'), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    const query = RiskListQuery.parse(req.query);
    const school = await findReadableSchool(db, user, code);
    const year = await findCurrentSchoolYear(db);
    let rows = year ? await listSchoolRisk(db, school.id, year.id) : [];
    let capacity: number | null | undefined;
    if (query.top === 'capacity') {
      capacity = await findSchoolCapacity(db, school.id);
      if (capacity !== null) {
        const kept = mostAtRisk(rows, capacity);
        rows = rows.filter((r) => kept.has(r.studentId));
      }
    }
    const body: SchoolRiskList = {
      items: sortRiskRows(rows, query),
      ...(capacity !== undefined ? { capacity } : {}),
    };
    await audit(
      db,
      { user, req },
      { action: 'school.risk.read', studentIds: body.items.map((r) => r.studentId), details: { school: code } },
    );
    res.json(body);
  });

  router.get('/students/:id/risk', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const access = await assertCanReadStudent(db, user, id);
    // Computed on the data of the school and class that hold the student now.
    if (access.kind === 'former') throw newSchoolData(access.window);
    const { stored, year } = await findCurrentRisk(db, id);
    const body = await assembleStudentRisk(db, stored, year.label);
    await audit(db, { user, req }, { action: 'student.risk.read', studentIds: [id], classId: stored.classId });
    res.json(body);
  });

  // A human decides (DESIGN.md): the review is kept next to the computed tier, never over it.
  router.post('/students/:id/risk/review', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const input = RiskReviewInput.parse(req.body);
    await assertCanWriteStudent(db, user, id);
    const { stored, year } = await findCurrentRisk(db, id);
    assertCanReview(user, stored);
    await db.transaction().execute(async (trx) => {
      await insertReview(trx, {
        studentId: id,
        schoolYearId: year.id,
        action: input.action,
        tier: input.tier ?? null,
        computedTier: stored.computedTier,
        settingsVersion: stored.settingsVersion,
        reason: input.reason,
        userId: user.id,
      });
      await audit(
        trx,
        { user, req },
        {
          action: `risk.review.${input.action}`,
          studentIds: [id],
          classId: stored.classId,
          details: { computedTier: stored.computedTier, tier: input.tier ?? null },
        },
      );
    });
    const after = await findStoredRisk(db, id, year.id);
    if (!after?.review) throw new Error('review not found after insert');
    const body: RiskReviewResult = {
      studentId: id,
      computedTier: after.computedTier,
      tier: effectiveTier(after.computedTier, after.review),
      review: after.review,
    };
    res.status(201).json(body);
  });

  return router;
}

/** The class's students among its school's N most at risk (capacity.ts); every row when no capacity is set. */
async function keepClassMostAtRisk(
  db: Db,
  classId: number,
  items: RiskRow[],
): Promise<{ items: RiskRow[]; capacity: number | null }> {
  const cls = await db
    .selectFrom('class')
    .select(['school_id', 'school_year_id'])
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
  const capacity = await findSchoolCapacity(db, cls.school_id);
  if (capacity === null) return { items, capacity };
  const kept = mostAtRisk(await listSchoolRisk(db, cls.school_id, cls.school_year_id), capacity);
  return { items: items.filter((r) => kept.has(r.studentId)), capacity };
}

async function findCurrentRisk(db: Db, studentId: number) {
  const year = await findCurrentSchoolYear(db);
  const stored = year ? await findStoredRisk(db, studentId, year.id) : undefined;
  if (!year || !stored) throw notFound("Nessuna valutazione del rischio per questo studente nell'anno in corso");
  return { stored, year };
}

/** Reviewing is narrower than reading: the teachers of the student's current class, the school's referents and mediators. */
function assertCanReview(user: AuthUser, stored: StoredRisk): void {
  if (user.role === 'admin') return;
  const allowed =
    user.role === 'docente' ? user.classIds.includes(stored.classId) : user.schoolIds.includes(stored.schoolId);
  if (!allowed) throw denied('Puoi valutare solo studenti delle tue classi o scuole');
}
