import { Router } from 'express';
import { WhatWorksQuery } from '@primm/shared/contracts/what-works';
import type { AggregateService } from '../aggregates/aggregate-service';
import { markStale, readDataVersion } from '../aggregates/result-cache';
import { findLatestYearWithData } from '../aggregates/years-with-data';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { visibleSchoolIds } from '../http/scope';

/**
 * "Cosa funziona" (issue 22): mediators and referents for their schools, the analyst and the
 * admin for the region. Counts and estimates only, never a person, under the aggregates' small
 * cell rules for everyone (docs/privacy.md "Aggregati"); every read is audited like theirs.
 * Computed by the aggregates' service (compute.ts on the aggregates' thread, aggregate-service.ts):
 * cached per data version, warmed after each change for the region, and never on the event loop,
 * which the first read after an import held 7–10 s on the demo.
 */
export function whatWorksRoutes(db: Db, service: AggregateService): Router {
  const router = Router();

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
    const json = await service.whatWorks(
      version,
      { id: year.id, label: year.label, startsOn: year.starts_on, endsOn: year.ends_on },
      only,
      query.by,
      markStale(res),
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
