import type { Kysely } from 'kysely';

/**
 * A stored result no longer keeps its tier's reasons and explanation: both follow from the stored
 * indicators' levels and the settings version the row names (`computeTier`), and are derived when
 * read, like the indicators' sentences (`explainStored`). 150 of the row's ≈ 1 500 bytes that a
 * full recompute of the region wrote 200 000 times (docs/performance.md).
 *
 * SQLite rewrites the table to drop a column: a few seconds, once, for a region's results.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_result').dropColumn('reasons').execute();
  await db.schema.alterTable('risk_result').dropColumn('tier_explanation').execute();
}

/** Back as they were, filled on the next recompute (input hashes and school stamps cleared to force it). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_result').addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('risk_result').addColumn('tier_explanation', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.updateTable('risk_result').set({ input_hash: '' }).execute();
  await db.deleteFrom('risk_school_state').execute();
}
