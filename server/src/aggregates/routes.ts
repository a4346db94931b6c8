import { Router } from 'express';
import { AggregateQuery, FairnessQuery, TrendQuery, type AggregateResult, type AggregateTrend, type FairnessReport } from '@primm/shared/contracts/aggregates';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';
import { fairnessGroups } from './fairness';
import { computeMonthlyTrend, suppressTrend } from './monthly-trend';
import { loadStudentFacts } from './student-facts';
import { tabulate } from './tabulate';

/**
 * Aggregates for the regional school office and the Region (and a referent for their schools):
 * counts of students only, suppressed under the threshold on the server, no person in any field.
 */
export function aggregateRoutes(db: Db, deps: { minCell: number }): Router {
  const router = Router();

  router.get('/aggregates', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = AggregateQuery.parse(req.query);
    const year = query.year
      ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', query.year).executeTakeFirst()
      : await findCurrentSchoolYear(db);
    if (!year) throw new HttpError(404, 'not_found', query.year ? `Nessun dato per l'anno ${query.year}` : 'Nessun dato');

    let facts = await loadStudentFacts(db, year, query);
    const only = await visibleSchoolIds(db, user);
    if (only !== null) {
      const codes = new Set((await db.selectFrom('school').select('code').where('id', 'in', only.length ? only : [-1]).execute()).map((s) => s.code));
      facts = facts.filter((f) => codes.has(f.school));
    }
    const [provinces, schools] = await Promise.all([
      db.selectFrom('province').select(['code', 'name']).execute(),
      db.selectFrom('school').select(['code', 'name']).execute(),
    ]);
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    const schoolName = new Map(schools.map((s) => [s.code, s.name]));
    const body: AggregateResult = tabulate(facts, {
      year: year.label,
      groupBy: query.groupBy,
      measures: query.measures,
      threshold: deps.minCell,
      labels: (d, v) => (d === 'province' ? provinceName.get(v) ?? v : d === 'school' ? schoolName.get(v) ?? v : v),
    });
    await audit(db, { user, req }, { action: 'aggregates.read', details: { groupBy: query.groupBy, year: year.label } });
    res.json(body);
  });

  // Same roles and school scope as /aggregates: a referent sees the months of their schools only.
  router.get('/aggregates/trend', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = TrendQuery.parse(req.query);
    const year = query.year
      ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', query.year).executeTakeFirst()
      : await findCurrentSchoolYear(db);
    if (!year) throw new HttpError(404, 'not_found', query.year ? `Nessun dato per l'anno ${query.year}` : 'Nessun dato');

    const counts = await computeMonthlyTrend(db, year, query, await visibleSchoolIds(db, user));
    const body: AggregateTrend = { year: year.label, threshold: deps.minCell, months: suppressTrend(counts, deps.minCell) };
    await audit(db, { user, req }, { action: 'aggregates.trend.read', details: { year: year.label } });
    res.json(body);
  });

  router.get('/fairness', requireRole('analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const query = FairnessQuery.parse(req.query);
    const year = query.year
      ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', query.year).executeTakeFirst()
      : await findCurrentSchoolYear(db);
    if (!year) throw new HttpError(404, 'not_found', 'Nessun dato');
    const facts = await loadStudentFacts(db, year, { groupBy: [] });
    const finals = await db.selectFrom('outcome').innerJoin('student', 'student.id', 'outcome.student_id')
      .select(['outcome.student_id', 'outcome.result']).where('school_year', '=', year.label).where('period', '=', 'finale').execute();
    // Only a scrutinio's verdict (promoted or not) says how the year really went.
    const outcomesAvailable = finals.some((f) => ['ammesso', 'non_ammesso', 'sospensione_giudizio'].includes(f.result));
    const resultOf = new Map(finals.map((f) => [f.student_id, f.result]));
    const body: FairnessReport = {
      year: year.label,
      threshold: deps.minCell,
      outcomesAvailable,
      groups: fairnessGroups(facts.map((f) => ({ ...f, finalResult: outcomesAvailable ? (resultOf.get(f.studentId) ?? null) : null })), deps.minCell),
    };
    await audit(db, { user, req }, { action: 'fairness.read', details: { year: year.label } });
    res.json(body);
  });

  return router;
}
