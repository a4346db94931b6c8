import { Router, type Response } from 'express';
import {
  AggregateQuery,
  CompareQuery,
  FairnessQuery,
  TrendQuery,
  type AggregateYears,
} from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';
import type { AggregateService } from './aggregate-service';
import { markStale, readDataVersion } from './result-cache';
import { findLatestYearWithData, listYearsWithData } from './years-with-data';

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
 *
 * The counting and the suppression (compute-aggregates.ts) take up to seconds of CPU: on a
 * database file or PostgreSQL they run in a thread of their own (aggregate-runner.ts), so every
 * other request is answered meanwhile; the caches, the snapshots and the warming after a data
 * change are the service's (aggregate-service.ts). `compare=previous` adds the previous year at
 * the same date, from its frozen snapshot (aggregate-snapshots.ts), to a table and to the fairness report.
 */
export function aggregateRoutes(db: Db, service: AggregateService): Router {
  const router = Router();

  router.get('/aggregates', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = AggregateQuery.parse(req.query);
    const { compare } = CompareQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const only = await visibleSchoolIds(db, user);
    const json = await service.table(version, year, query, only, compare === 'previous', markStale(res));
    await audit(
      db,
      { user, req },
      {
        action: 'aggregates.read',
        details: { groupBy: query.groupBy, year: year.label, ...(compare ? { compare } : {}) },
      },
    );
    sendJson(res, json);
  });

  // The years the filters offer. Year labels only, no count and no student: not audited, unlike the tables.
  router.get('/aggregates/years', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const only = await visibleSchoolIds(db, userOf(req));
    const [years, current] = await Promise.all([listYearsWithData(db, only), findLatestYearWithData(db)]);
    const body: AggregateYears = { years, current: current?.label ?? null };
    res.json(body);
  });

  // Same roles and school scope as /aggregates: a referent sees the months of their schools only.
  router.get('/aggregates/trend', requireRole('analista', 'admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const query = TrendQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const only = await visibleSchoolIds(db, user);
    const json = await service.trend(version, year, query, only, markStale(res));
    await audit(db, { user, req }, { action: 'aggregates.trend.read', details: { year: year.label } });
    sendJson(res, json);
  });

  // The region's totals over the years, from the frozen snapshots (region only: no referent).
  router.get('/aggregates/history', requireRole('analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const version = await readDataVersion(db);
    const json = await service.history(version, markStale(res));
    await audit(db, { user, req }, { action: 'aggregates.history.read' });
    sendJson(res, json);
  });

  router.get('/fairness', requireRole('analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const query = FairnessQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year, 'Nessun dato');
    const json = await service.fairness(version, year, query.compare === 'previous', markStale(res));
    await audit(
      db,
      { user, req },
      { action: 'fairness.read', details: { year: year.label, ...(query.compare ? { compare: query.compare } : {}) } },
    );
    sendJson(res, json);
  });

  return router;
}

/** The asked school year, or the latest with data; 404 when there is none. */
async function findYear(db: Db, label: string | undefined, missing?: string): Promise<{ id: number; label: string }> {
  const year = label
    ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', label).executeTakeFirst()
    : await findLatestYearWithData(db);
  if (!year)
    throw new HttpError(404, 'not_found', missing ?? (label ? `Nessun dato per l'anno ${label}` : 'Nessun dato'));
  return year;
}

/** The body as `res.json` would send it (same type and charset), serialised once in the cache. */
function sendJson(res: Response, json: string): void {
  res.type('json').send(json);
}
