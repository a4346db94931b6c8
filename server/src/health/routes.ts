import { Router } from 'express';
import { sql } from 'kysely';
import type { Health } from '@primm/shared/contracts/health';
import type { Config } from '../config';
import type { Db } from '../db/open-database';

export function healthRoutes(db: Db, config: Pick<Config, 'version' | 'demo'>): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    await sql`select 1`.execute(db); // a broken database answers 500, so a probe notices
    const body: Health = { status: 'ok', version: config.version, database: 'ok', demo: config.demo };
    res.json(body);
  });
  return router;
}
