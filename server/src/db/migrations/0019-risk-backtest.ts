import { sql, type Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Issue 18, levels with a measured meaning.
 *
 * risk_backtest: a replay of the engine on a past school year (server/src/backtest): its progress
 * while it runs (`done` of `total` schools), its report, and the few numbers per past student
 * needed to re-cut the levels later (`items`: outcome, level, probability; no id, no value). The
 * latest one with `saved_at` is the region's legend (`GET /api/risk/legend`); `saved_version` is
 * the settings version that stores its model.
 *
 * risk_snapshot: what purge keeps of a past year so the backtest still runs on it (docs/privacy.md):
 * per student and period end (each term's last day), the indicators' values and levels, the level, the final outcome's
 * class and the three fairness groups; keyed by `subject`, a random id drawn at purge for the
 * student and year, linked to nothing else (no name, codice fiscale, pseudonym or school).
 *
 * school_risk_capacity: "we can follow N students", per school.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('risk_backtest')
    .addColumn('id', id.type, id.build)
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('month_day', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addColumn('report', 'text') // JSON: BacktestReport
    .addColumn('items', 'text') // JSON: CohortItem[]
    .addColumn('saved_at', 'text')
    .addColumn('saved_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('saved_version', 'integer')
    .execute();
  await db.schema.createIndex('risk_backtest_saved_idx').on('risk_backtest').column('saved_at').execute();

  await db.schema
    .createTable('risk_snapshot')
    .addColumn('id', id.type, id.build)
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull()) // the term's seq: 1 = the first period
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull().check(sql`tier between 1 and 3`))
    .addColumn('indicators', 'text', (c) => c.notNull()) // JSON: [key, value, level, details?][]
    .addColumn('final', 'text', (c) => c.check(sql`final in ('bad', 'suspended', 'good', 'transferred')`))
    .addColumn('citizenship_group', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('newly_arrived', 'integer', (c) => c.notNull())
    .addUniqueConstraint('risk_snapshot_subject_period_uq', ['subject', 'period_end'])
    .execute();
  await db.schema.createIndex('risk_snapshot_year_idx').on('risk_snapshot').columns(['school_year', 'period_end']).execute();

  await db.schema
    .createTable('school_risk_capacity')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().references('school.id').onDelete('cascade'))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_risk_capacity').execute();
  await db.schema.dropTable('risk_snapshot').execute();
  await db.schema.dropTable('risk_backtest').execute();
}
