import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** True when the database is PostgreSQL (the scale-out target); SQLite otherwise. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key, spelled the way each dialect wants it. */
export function idColumn(db: Kysely<any>): {
  type: 'integer';
  build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  return isPostgres(db)
    ? { type: 'integer', build: (c) => c.primaryKey().generatedByDefaultAsIdentity() }
    : { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
}
