import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * The plan's other agencies get their own accounts (issue 21): `pua`, an operator of a Punto
 * Unico di Accesso, and `comune`, an office of a municipality. Both are scoped by municipality
 * (ISTAT code) rather than by school: a PUA serves the residents of the municipalities assigned to
 * it, a municipality receives the reports about its own residents.
 *
 * `app_user.role` carries a CHECK of the roles since 0001. PostgreSQL replaces the constraint; an
 * SQLite CHECK cannot be altered, so the table is rebuilt as SQLite documents it ("Making other
 * kinds of table schema changes"): foreign keys off, a new table from the stored definition with
 * only the CHECK changed, rows copied, the old table dropped and the new one renamed, every row
 * checked against its references before commit. Kysely runs SQLite migrations outside a
 * transaction, which is what lets `foreign_keys` be switched off here.
 */
const OLD_ROLES = `role in ('admin', 'referente', 'docente', 'mediatore', 'analista')`;
const NEW_ROLES = `role in ('admin', 'referente', 'docente', 'mediatore', 'analista', 'pua', 'comune')`;

export async function up(db: Kysely<any>): Promise<void> {
  await replaceRoleCheck(db, OLD_ROLES, NEW_ROLES);
  await db.schema
    .createTable('user_municipality')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('municipality_istat', 'text', (c) => c.notNull().references('municipality.istat_code'))
    .addPrimaryKeyConstraint('user_municipality_pk', ['user_id', 'municipality_istat'])
    .execute();
  await db.schema
    .createIndex('user_municipality_istat_idx')
    .on('user_municipality')
    .column('municipality_istat')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_municipality').execute();
  await db.deleteFrom('app_user').where('role', 'in', ['pua', 'comune']).execute();
  await replaceRoleCheck(db, NEW_ROLES, OLD_ROLES);
}

async function replaceRoleCheck(db: Kysely<any>, from: string, to: string): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table app_user drop constraint app_user_role_check`).execute(db);
    await sql.raw(`alter table app_user add constraint app_user_role_check check (${to})`).execute(db);
    return;
  }
  const stored = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'app_user'`.execute(db);
  const definition = stored.rows[0]?.sql ?? '';
  if (!definition.includes(from)) throw new Error(`app_user: vincolo dei ruoli inatteso: ${definition}`);
  const extras = await sql<{ sql: string }>`select sql from sqlite_schema where tbl_name = 'app_user' and type in ('index', 'trigger') and sql is not null`.execute(db);
  const created = definition.replace(from, to).replace(/^CREATE TABLE\s+("?)app_user\1/i, 'CREATE TABLE app_user_rebuilt');
  const foreignKeys = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys ?? 0;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(created).execute(trx);
      await sql`insert into app_user_rebuilt select * from app_user`.execute(trx);
      await sql`drop table app_user`.execute(trx);
      await sql`alter table app_user_rebuilt rename to app_user`.execute(trx);
      for (const { sql: statement } of extras.rows) await sql.raw(statement).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`app_user: riferimenti non validi dopo la ricostruzione`);
    });
  } finally {
    await sql.raw(`pragma foreign_keys = ${foreignKeys ? 'on' : 'off'}`).execute(db);
  }
}
