import { Router } from 'express';
import { sql } from 'kysely';
import {
  OpenDataPreviewQuery,
  PublishOpenDataInput,
  type OpenDataPreview,
  type OpenDataReleaseSummary,
} from '@primm/shared/contracts/open-data';
import type { AggregateSettings } from '../aggregates/compute-aggregates';
import { readDataVersion } from '../aggregates/result-cache';
import { findLatestYearWithData, listYearsWithData } from '../aggregates/years-with-data';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { countRelease, releaseComputerFor } from './build-release';
import { toSummary } from './metadata';
import { protectAgainstReleases } from './release-differencing';
import { insertRelease, listReleasesOfYear } from './repository';

/**
 * The admin decides when the region publishes (issue 22 item 4): a preview shows exactly what
 * publishing now would publish, suppression and withheld columns included; publishing stores it
 * as it is, immutable. Publishing names the previewed data version, so that what is published is
 * what was seen.
 */
export function openDataAdminRoutes(
  db: Db,
  deps: AggregateSettings & { dbPath?: string; databaseUrl?: string | null },
  now: () => Date,
): Router {
  const router = Router();
  const computer = releaseComputerFor(db, deps);

  router.get('/open-data/preview', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const query = OpenDataPreviewQuery.parse(req.query);
    const version = await readDataVersion(db);
    const year = await findYear(db, query.year);
    const [years, candidate, published] = await Promise.all([
      listYearsWithData(db, null),
      countRelease(computer, { year, version }),
      listReleasesOfYear(db, year.label),
    ]);
    const { data, conflicts } = protectAgainstReleases(candidate, published);
    await audit(db, { user, req }, { action: 'open_data.preview', details: { year: year.label } });
    const body: OpenDataPreview = {
      dataVersion: version,
      years,
      data,
      comparedWith: published.map(toSummary),
      conflicts,
    };
    res.json(body);
  });

  router.post('/open-data/releases', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const input = PublishOpenDataInput.parse(req.body);
    const year = await findYear(db, input.year);
    const stale = () =>
      new HttpError(
        409,
        'conflict',
        "I dati sono cambiati dopo l'anteprima: aggiornate l'anteprima e controllatela prima di pubblicare",
      );
    if ((await readDataVersion(db)) !== input.dataVersion) throw stale();
    const candidate = await countRelease(computer, { year, version: input.dataVersion });

    const release = await db.transaction().execute(async (trx) => {
      // One publication at a time: two at once would each be audited without the other
      // (SQLite's writer runs one transaction at a time already).
      if (isPostgres(trx)) await sql`lock table open_data_release in exclusive mode`.execute(trx);
      if ((await readDataVersion(trx)) !== input.dataVersion) throw stale();
      const published = await listReleasesOfYear(trx, year.label);
      const { data } = protectAgainstReleases(candidate, published);
      const stored = await insertRelease(trx, {
        data,
        publishedAt: now().toISOString(),
        publishedBy: user.id,
        dataVersion: input.dataVersion,
      });
      await audit(
        trx,
        { user, req },
        {
          action: 'open_data.publish',
          details: {
            releaseId: stored.id,
            year: year.label,
            dataVersion: input.dataVersion,
            withheld: data.withheld.flatMap((w) => w.measures),
          },
        },
      );
      return stored;
    });
    const body: OpenDataReleaseSummary = toSummary(release);
    res.status(201).json(body);
  });

  return router;
}

async function findYear(db: Db, label: string | undefined): Promise<{ id: number; label: string }> {
  const year = label
    ? await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', label).executeTakeFirst()
    : await findLatestYearWithData(db);
  if (!year) throw new HttpError(404, 'not_found', label ? `Nessun dato per l'anno ${label}` : 'Nessun dato');
  return year;
}
