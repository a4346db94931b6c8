import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { generateRegion } from '../../../scripts/gen/generate-region';
import type { Db } from '../db/open-database';
import { importPaths } from '../imports/import-paths';
import { createTestDb } from './test-db';

/**
 * Test helper: a generated region (6 schools, 160 students) imported into a fresh test database,
 * then made stale (every stored tier 3, every input hash and school stamp gone), so that a
 * regional recompute has every school to redo and a tier change to log for most students.
 */
export async function aStaleRegion(seed: number): Promise<{ db: Db; students: number; schools: number }> {
  const region = join(mkdtempSync(join(tmpdir(), 'primm-stale-region-')), 'region');
  await generateRegion({ students: 160, schools: 6, seed, asOf: '2026-01-31', outDir: region });
  const db = await createTestDb();
  await importPaths(db, [region], { pseudonymKey: 'test-key', source: 'cli' });
  const students = Number(
    (
      await db
        .selectFrom('risk_result')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const schools = (await db.selectFrom('school_calendar').select('school_id').distinct().execute()).length;
  await db.updateTable('risk_result').set({ tier: 3, input_hash: 'stale' }).execute();
  await db.deleteFrom('risk_school_state').execute();
  return { db, students, schools };
}

/**
 * A plugin that counts the recompute's reads of a school's grades, as grades or as their stored
 * digests (one statement per school read either way). `grades` and `digests` count each kind.
 */
export function countingGradeReads(): { plugin: KyselyPlugin; reads: { n: number; grades: number; digests: number } } {
  const reads = { n: 0, grades: 0, digests: 0 };
  return {
    reads,
    plugin: {
      transformQuery: ({ node }) => {
        const text = JSON.stringify(node);
        if (/from grade where class_id in/.test(text)) reads.grades++;
        else if (node.kind === 'SelectQueryNode' && text.includes('"name":"grade_digest"')) reads.digests++;
        reads.n = reads.grades + reads.digests;
        return node;
      },
      transformResult: async ({ result }) => result,
    },
  };
}

/** True when no student has two tier changes logged (each change logged once). */
export async function tierChangesLoggedOnce(db: Db): Promise<boolean> {
  const changes = await db.selectFrom('risk_tier_change').select('student_id').execute();
  return new Set(changes.map((c) => c.student_id)).size === changes.length;
}
