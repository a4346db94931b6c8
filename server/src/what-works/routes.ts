import { Router } from 'express';
import { WhatWorksQuery } from '@primm/shared/contracts/what-works';
import { AggregateCache, readDataVersion } from '../aggregates/result-cache';
import { findLatestYearWithData } from '../aggregates/years-with-data';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';
import { measureCases, summariseWhatWorks, type MeasuredCases } from './compute';

/**
 * "Cosa funziona" (issue 22): mediators and referents for their schools, the analyst and the
 * admin for the region. Counts and estimates only, never a person, under the aggregates' small
 * cell rules for everyone (docs/privacy.md "Aggregati"); every read is audited like theirs.
 * Answers are cached per data version, as the aggregates are: the first read after an import
 * reads the series of every school with a case once.
 */
export function whatWorksRoutes(db: Db, config: { minCell: number }): Router {
  const router = Router();
  const cache = new AggregateCache(8 * 1024 * 1024);
  // The measured cases of a year and scope serve every grouping: one read of the series per data version.
  let measured = { version: -1, byKey: new Map<string, Promise<MeasuredCases>>() };
  const measuredFor = (version: number, key: string, compute: () => Promise<MeasuredCases>) => {
    if (version !== measured.version) measured = { version, byKey: new Map() };
    let m = measured.byKey.get(key);
    if (!m) {
      m = compute();
      measured.byKey.set(key, m);
      m.catch(() => measured.byKey.delete(key));
    }
    return m;
  };

  router.get('/what-works', requireRole('mediatore', 'referente', 'analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const query = WhatWorksQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = query.year
      ? await db
          .selectFrom('school_year')
          .select(['id', 'label', 'starts_on', 'ends_on'])
          .where('label', '=', query.year)
          .executeTakeFirst()
      : await latestYear(db);
    if (!year)
      throw new HttpError(404, 'not_found', query.year ? `Nessun dato per l'anno ${query.year}` : 'Nessun dato');
    const only = await visibleSchoolIds(db, user);
    const scopeKey = JSON.stringify([year.id, only]);
    const json = await cache.get(JSON.stringify([year.id, query.by, only]), version, async () =>
      summariseWhatWorks(
        await measuredFor(version, scopeKey, () =>
          measureCases(db, { id: year.id, label: year.label, startsOn: year.starts_on, endsOn: year.ends_on }, only),
        ),
        query.by,
        config.minCell,
      ),
    );
    await audit(db, { user, req }, { action: 'what_works.read', details: { year: year.label, by: query.by } });
    res.type('json').send(json);
  });

  return router;
}

async function latestYear(db: Db) {
  const latest = await findLatestYearWithData(db);
  if (!latest) return undefined;
  return db
    .selectFrom('school_year')
    .select(['id', 'label', 'starts_on', 'ends_on'])
    .where('id', '=', latest.id)
    .executeTakeFirst();
}
