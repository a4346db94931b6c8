import { sql, type Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Stored risk assessments and the human reviews of them (DESIGN.md "Risk indicators").
 *
 * risk_result: one row per student and school year, rewritten by the recompute only when its
 * input hash changes (sha256 of the canonical engine input + settings version), so lists read one
 * row per student and an unchanged recompute writes nothing.
 * risk_review: confirm / dismiss / override of a tier with a mandatory reason; append-only in
 * spirit (the latest supersedes, every one is kept), next to the computed tier, never replacing it.
 *
 * Settings version 1 is not seeded here: the defaults live in code (DEFAULT_RISK_SETTINGS) and a
 * frozen migration must not copy a value that may change; the risk repository inserts it lazily.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('risk_result')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull().check(sql`tier between 1 and 3`))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull()) // JSON: Indicator[]
    .addColumn('reasons', 'text', (c) => c.notNull()) // JSON: TierReason[]
    .addColumn('tier_explanation', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('risk_result_student_year_uq', ['student_id', 'school_year_id'])
    .execute();
  await db.schema.createIndex('risk_result_class_idx').on('risk_result').column('class_id').execute();
  await db.schema.createIndex('risk_result_school_idx').on('risk_result').columns(['school_id', 'school_year_id']).execute();

  await db.schema
    .createTable('risk_review')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('confirm', 'dismiss', 'override')`))
    .addColumn('tier', 'integer', (c) => c.check(sql`tier between 1 and 3`)) // the override's tier
    // The computed tier and settings version the reviewer saw: both values are kept.
    .addColumn('computed_tier', 'integer', (c) => c.notNull())
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('risk_review_override_tier_ck', sql`(action = 'override') = (tier is not null)`)
    .execute();
  await db.schema.createIndex('risk_review_student_idx').on('risk_review').columns(['student_id', 'school_year_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_review').execute();
  await db.schema.dropTable('risk_result').execute();
}
