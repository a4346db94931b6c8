import { Router, type Response } from 'express';
import { AggregateQuery, FairnessQuery, TrendQuery, type AggregateResult, type AggregateTrend, type FairnessReport } from '@primm/shared/contracts/aggregates';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';
import { countGroups } from './count-groups';
import { fairnessGroups } from './fairness';
import { countFairness } from './fairness-counts';
import { computeMonthlyTrend, suppressTrend } from './monthly-trend';
import { AggregateCache, readDataVersion } from './result-cache';
import { publishCounts, resolveMeasures } from './publish-counts';

/**
 * Aggregates for the regional school office and the Region (and a referent for their schools):
 * counts of students only, suppressed under the threshold on the server, no person in any field.
 *
 * Answers are cached per request and data version (result-cache.ts): the data changes a few times
 * a day, analysts read the same tables many times. The version is read first, before the year.
 */
export function aggregateRoutes(db: Db, deps: { minCell: number }): Router {
  const router = Router();
  const cache = new AggregateCache();

  router.get('/aggregates', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = AggregateQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const only = await visibleSchoolIds(db, user);
    const json = await cache.get(JSON.stringify(['aggregates', year, query, only]), version, async (): Promise<AggregateResult> => {
      const measures = resolveMeasures(query.measures);
      const [cells, provinces, schools] = await Promise.all([
        countGroups(db, year, query, measures, only),
        db.selectFrom('province').select(['code', 'name']).execute(),
        db.selectFrom('school').select(['code', 'name']).execute(),
      ]);
      const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
      const schoolName = new Map(schools.map((s) => [s.code, s.name]));
      return publishCounts(cells, {
        year: year.label,
        groupBy: query.groupBy,
        measures,
        threshold: deps.minCell,
        labels: (d, v) => (d === 'province' ? provinceName.get(v) ?? v : d === 'school' ? schoolName.get(v) ?? v : v),
      });
    });
    await audit(db, { user, req }, { action: 'aggregates.read', details: { groupBy: query.groupBy, year: year.label } });
    sendJson(res, json);
  });

  // Same roles and school scope as /aggregates: a referent sees the months of their schools only.
  router.get('/aggregates/trend', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = TrendQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const only = await visibleSchoolIds(db, user);
    const json = await cache.get(JSON.stringify(['trend', year, query, only]), version, async (): Promise<AggregateTrend> => {
      const counts = await computeMonthlyTrend(db, year, query, only);
      return { year: year.label, threshold: deps.minCell, months: suppressTrend(counts, deps.minCell) };
    });
    await audit(db, { user, req }, { action: 'aggregates.trend.read', details: { year: year.label } });
    sendJson(res, json);
  });

  router.get('/fairness', requireRole('analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const query = FairnessQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year, 'Nessun dato');
    const json = await cache.get(JSON.stringify(['fairness', year]), version, async (): Promise<FairnessReport> => {
      const { outcomesAvailable, cells } = await countFairness(db, year);
      return { year: year.label, threshold: deps.minCell, outcomesAvailable, groups: fairnessGroups(cells, deps.minCell) };
    });
    await audit(db, { user, req }, { action: 'fairness.read', details: { year: year.label } });
    sendJson(res, json);
  });

  return router;
}

/** The asked school year, or the current one; 404 when there is none. */
async function findYear(db: Db, label: string | undefined, missing?: string): Promise<{ id: number; label: string }> {
  const year = label
    ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', label).executeTakeFirst()
    : await findCurrentSchoolYear(db);
  if (!year) throw new HttpError(404, 'not_found', missing ?? (label ? `Nessun dato per l'anno ${label}` : 'Nessun dato'));
  return year;
}

/** The body as `res.json` would send it (same type and charset), serialised once in the cache. */
function sendJson(res: Response, json: string): void {
  res.type('json').send(json);
}
