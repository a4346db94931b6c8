import { Router, type Response } from 'express';
import { AggregateQuery, FairnessQuery, MEASURES, TrendQuery, type AggregateResult, type AggregateTrend, type FairnessReport } from '@primm/shared/contracts/aggregates';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';
import { cellKeySecret } from './cell-key';
import { countGroups } from './count-groups';
import { fairnessGroups } from './fairness';
import { countFairness } from './fairness-counts';
import { computeMonthlyTrend, suppressTrend, type MonthCounts } from './monthly-trend';
import { AggregateCache, CountMemo, readDataVersion } from './result-cache';
import { publishCounts, resolveMeasures, type GroupCount } from './publish-counts';

/**
 * The audited suppression of a two-way table grows faster than its cells (docs/privacy.md
 * "Costi": 240 cells of school × citizenship group take seconds, 1 200 minutes, on one core that
 * serves every request meanwhile): larger crossings are refused, and a filter narrows them.
 */
const MAX_CROSS_CELLS = 250;

/** The filters of a request: each one removed gives a next coarser request (cross-query rule). */
const FILTERS = ['province', 'school', 'level', 'gradeLevel', 'track', 'citizenshipGroup', 'sex'] as const;

/** The request with one filter fewer, for each filter it has. */
function coarserOf<Q extends Partial<Record<(typeof FILTERS)[number], unknown>>>(query: Q): Q[] {
  return FILTERS.filter((f) => query[f] !== undefined).map((f) => ({ ...query, [f]: undefined }));
}

/**
 * Aggregates for the regional school office and the Region (and a referent for their schools):
 * counts of students only, suppressed under the threshold on the server, no person in any field.
 *
 * Answers are cached per request and data version (result-cache.ts): the data changes a few times
 * a day, analysts read the same tables many times. The version is read first, before the year.
 *
 * Protection (docs/privacy.md "Aggregati"): within one answer, suppression checked by an interval
 * audit; across answers, the same table with each filter removed is counted too (and memoised
 * per version), so that a group differing from it by a few students is hidden, and every
 * published count carries the consistent noise of its students' cell keys.
 */
export function aggregateRoutes(db: Db, deps: { minCell: number; pseudonymKey: string; aggregateNoise: number }): Router {
  const router = Router();
  const cache = new AggregateCache();
  const counts = new CountMemo<GroupCount[]>();
  const months = new CountMemo<MonthCounts[]>();
  const secret = cellKeySecret(deps.pseudonymKey);
  const noise = deps.aggregateNoise;

  router.get('/aggregates', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = AggregateQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const only = await visibleSchoolIds(db, user);
    const json = await cache.get(JSON.stringify(['aggregates', year, query, only]), version, async (): Promise<AggregateResult> => {
      // Every measure is counted, whatever was asked: the suppression must not depend on it.
      const count = (q: AggregateQuery) =>
        counts.get(JSON.stringify([year.id, { ...q, measures: undefined, year: undefined }, only]), version, () => countGroups(db, year, q, [...MEASURES], only, secret));
      const [cells, coarser, provinces, schools] = await Promise.all([
        count(query),
        Promise.all(coarserOf(query).map(count)),
        db.selectFrom('province').select(['code', 'name']).execute(),
        db.selectFrom('school').select(['code', 'name']).execute(),
      ]);
      if (cells.length > MAX_CROSS_CELLS && query.groupBy.length === 2) {
        throw new HttpError(400, 'validation_failed', `Tabella troppo grande (${cells.length} gruppi, al massimo ${MAX_CROSS_CELLS} incrociando due dimensioni): filtra per provincia o scuola`);
      }
      const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
      const schoolName = new Map(schools.map((s) => [s.code, s.name]));
      return publishCounts(cells, {
        year: year.label,
        groupBy: query.groupBy,
        measures: resolveMeasures(query.measures),
        threshold: deps.minCell,
        noise,
        coarser,
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
      const count = (q: TrendQuery) => months.get(JSON.stringify([year.id, { ...q, year: undefined }, only]), version, () => computeMonthlyTrend(db, year, q, only, secret));
      const [monthly, coarser] = await Promise.all([count(query), Promise.all(coarserOf(query).map(count))]);
      return { year: year.label, threshold: deps.minCell, noise, months: suppressTrend(monthly, deps.minCell, { coarser, noise }) };
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
      // No filters here: the whole region's year, by citizenship group and by sex.
      const { outcomesAvailable, cells } = await countFairness(db, year, secret);
      return { year: year.label, threshold: deps.minCell, noise, outcomesAvailable, groups: fairnessGroups(cells, deps.minCell, { noise }) };
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
