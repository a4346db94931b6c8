import { Router, type Response } from 'express';
import { z } from 'zod';
import { OpenDataRelease, type OpenDataReleaseList } from '@primm/shared/contracts/open-data';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { metadataOf, releaseCsv, toPublicRelease, toSummary } from './metadata';
import { findRelease, listReleaseHeads, type StoredRelease } from './repository';

const ReleaseId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

/**
 * The open data API (issue 22 item 4), without a session: only what the admin published, read
 * back as stored (a release is immutable, migration 0027). Nothing is computed here, so a request
 * costs one indexed read; the serialised bodies of a release are kept after the first request
 * (it never changes), so the answers cost nearly nothing and need no rate limit of their own.
 *
 * Any site may read them (`Access-Control-Allow-Origin: *`, never with credentials: the browser
 * then sends no cookie), and caches may keep a release, which holds no personal data.
 */
export function openDataPublicRoutes(db: Db): Router {
  const router = Router();
  const bodies = new Map<string, string>();
  const MAX_BODIES = 256;

  router.get('/open-data/releases', async (_req, res) => {
    const body: OpenDataReleaseList = { releases: (await listReleaseHeads(db)).map(toSummary) };
    openTo(res, 60);
    res.json(body);
  });

  router.get('/open-data/schema', (_req, res) => {
    const key = 'schema';
    if (!bodies.has(key)) {
      const schema = z.toJSONSchema(OpenDataRelease, { target: 'draft-2020-12' });
      bodies.set(key, JSON.stringify({ ...schema, $id: '/api/open-data/schema', title: 'OpenDataRelease' }));
    }
    openTo(res, 3600);
    res.type('application/schema+json').send(bodies.get(key));
  });

  const release =
    (kind: 'json' | 'csv' | 'metadata', render: (r: StoredRelease) => string) =>
    async (req: { params: Record<string, string | undefined> }, res: Response) => {
      const id = ReleaseId.safeParse(req.params.id);
      // An id that is not a release, malformed or not, answers like an unpublished one.
      if (!id.success) throw notFound();
      const key = `${kind}:${id.data}`;
      let text = bodies.get(key);
      if (text === undefined) {
        const stored = await findRelease(db, id.data);
        if (!stored) throw notFound();
        text = render(stored);
        if (bodies.size >= MAX_BODIES) bodies.delete(bodies.keys().next().value!);
        bodies.set(key, text);
      }
      openTo(res, 86_400);
      if (kind === 'csv') {
        res.type('text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="primm-indicatori-${id.data}.csv"`);
      } else res.type('json');
      res.send(text);
    };

  router.get(
    '/open-data/releases/:id',
    release('json', (r) => JSON.stringify(toPublicRelease(r))),
  );
  router.get('/open-data/releases/:id/csv', release('csv', releaseCsv));
  router.get(
    '/open-data/releases/:id/metadata',
    release('metadata', (r) => JSON.stringify(metadataOf(r))),
  );
  return router;
}

function notFound(): HttpError {
  return new HttpError(404, 'not_found', 'Pubblicazione non trovata');
}

/** Public data: readable from any site and cacheable (it replaces the API's `no-store`). */
function openTo(res: Response, maxAgeSeconds: number): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
}
