import { loadConfig, type Config } from '../../server/src/config';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';

/** The database of a CLI command (`--db` or PRIMM_DB), migrated, closed after `work`. */
export async function withDatabase<T>(
  dbFlag: string | undefined,
  work: (db: Db, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ ...process.env, ...(dbFlag ? { PRIMM_DB: dbFlag } : {}) });
  const db = openSqlite(config.dbPath);
  try {
    await migrateToLatest(db);
    return await work(db, config);
  } finally {
    await db.destroy();
  }
}
