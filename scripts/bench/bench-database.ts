/**
 * The database a bench worker times against, migrated to the latest schema: the SQLite file it was
 * given, or, for a PostgreSQL URL, a fresh schema of its own (`bench_<prefix>_<random>`) so that
 * runs never see each other's rows. The caller drops the schema when done (`dropBenchSchema`).
 */
import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { openPostgres } from '../../server/src/db/open-postgres';

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

export interface BenchDatabase {
  db: Db;
  /** The PostgreSQL schema made for this run; undefined on SQLite. */
  schema: string | undefined;
}

export async function openBenchDatabase(pathOrUrl: string, prefix: string): Promise<BenchDatabase> {
  if (!isPostgresUrl(pathOrUrl)) {
    const db = openSqlite(pathOrUrl);
    await migrateToLatest(db);
    return { db, schema: undefined };
  }
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(pathOrUrl, { max: 1 });
  await admin.schema.createSchema(schema).execute();
  await admin.destroy();
  const db = openPostgres(pathOrUrl, { schema });
  await migrateToLatest(db, { schema });
  return { db, schema };
}

/** Drops the run's PostgreSQL schema, if it made one. */
export async function dropBenchSchema({ db, schema }: BenchDatabase): Promise<void> {
  if (schema) await db.schema.dropSchema(schema).cascade().execute();
}
