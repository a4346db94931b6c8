import { createHash } from 'node:crypto';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import { assessStudent } from '@primm/shared/risk/assess-student';
import type { RiskSettings } from '@primm/shared/risk/settings';
import type { Insertable } from 'kysely';
import { findCurrentSchoolYear } from '../db/current-year';
import type { RiskResultTable, RiskTierChangeTable } from '../db/database';
import type { Db } from '../db/open-database';
import { buildSchoolInputs, type BuiltInput } from './build-inputs';
import { findLatestRiskSettings } from './settings-repository';

/**
 * Bump when the engine in shared/src/risk changes what it computes from the same input: the
 * input hash then changes and the next recompute rewrites every result.
 */
const ENGINE_VERSION = 1;
const CHUNK = 200; // rows per insert: 14 columns × 200 stays far below SQLite's variable limit

type Summary = RecomputeSummary;
const empty = (): Omit<Summary, 'ms'> => ({ students: 0, written: 0, unchanged: 0 });

/**
 * Recomputes the stored assessments of one school (current year) in one transaction, or in the
 * caller's transaction when given one (the importer). Results whose input hash is unchanged are
 * neither recomputed nor rewritten; results of students no longer enrolled there are removed.
 */
export async function recomputeSchool(db: Db, schoolId: number, options: { settings?: RiskSettings } = {}): Promise<Summary> {
  const started = performance.now();
  const work = async (trx: Db) => {
    const settings = options.settings ?? (await findLatestRiskSettings(trx)).data;
    return writeSchool(trx, schoolId, settings);
  };
  const counts = db.isTransaction ? await work(db) : await db.transaction().execute(work);
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** Every school with a calendar in the current year, one transaction per school. */
export async function recomputeAll(
  db: Db,
  options: { onProgress?: (p: { school: string; done: number; total: number }) => void } = {},
): Promise<Summary> {
  const started = performance.now();
  const year = await findCurrentSchoolYear(db);
  const total = empty();
  if (year) {
    const settings = (await findLatestRiskSettings(db)).data;
    const schools = await db
      .selectFrom('school')
      .innerJoin('school_calendar', 'school_calendar.school_id', 'school.id')
      .where('school_calendar.school_year_id', '=', year.id)
      .select(['school.id', 'school.code'])
      .orderBy('school.code')
      .execute();
    for (const [i, school] of schools.entries()) {
      const s = await recomputeSchool(db, school.id, { settings });
      total.students += s.students;
      total.written += s.written;
      total.unchanged += s.unchanged;
      options.onProgress?.({ school: school.code, done: i + 1, total: schools.length });
    }
  }
  return { ...total, ms: Math.round(performance.now() - started) };
}

/** sha256 of the canonical input (the class calendar by its key) + settings and engine version. */
export function hashInput(b: BuiltInput, schoolId: number, settingsVersion: number): string {
  const canonical = JSON.stringify({ ...b.input, remainingLessonDays: b.remainingKey });
  return createHash('sha256').update(`${ENGINE_VERSION}|${settingsVersion}|${schoolId}|${b.classId}|`).update(canonical).digest('hex');
}

async function writeSchool(trx: Db, schoolId: number, settings: RiskSettings): Promise<Omit<Summary, 'ms'>> {
  const counts = empty();
  const built = await buildSchoolInputs(trx, schoolId);
  if (!built) return counts;
  const { data, inputs } = built;
  const classIds = data.classes.map((c) => c.id);

  // The stored rows of this school and of its students (a transfer may have left a row elsewhere).
  const existing = await trx
    .selectFrom('risk_result')
    .select(['id', 'student_id', 'school_id', 'input_hash', 'tier'])
    .where('school_year_id', '=', data.schoolYearId)
    .where((eb) =>
      eb.or([
        eb('school_id', '=', schoolId),
        ...(classIds.length > 0 ? [eb('student_id', 'in', eb.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds))] : []),
      ]),
    )
    .execute();
  const hashes = new Map(existing.map((r) => [r.student_id, r.input_hash]));
  const previousTier = new Map(existing.map((r) => [r.student_id, r.tier]));
  const changes: Insertable<RiskTierChangeTable>[] = [];

  const now = new Date().toISOString();
  const rows: Insertable<RiskResultTable>[] = [];
  for (const b of inputs) {
    counts.students += 1;
    const hash = hashInput(b, schoolId, settings.version);
    if (hashes.get(b.studentId) === hash) {
      counts.unchanged += 1;
      continue;
    }
    const a = assessStudent(b.input, settings);
    const before = previousTier.get(b.studentId);
    if (before !== undefined && before !== a.tier) {
      changes.push({ student_id: b.studentId, school_year_id: data.schoolYearId, class_id: b.classId, from_tier: before, to_tier: a.tier, as_of: b.input.asOf, computed_at: now });
    }
    rows.push({
      student_id: b.studentId,
      class_id: b.classId,
      school_id: schoolId,
      school_year_id: data.schoolYearId,
      as_of: b.input.asOf,
      settings_version: a.settingsVersion,
      tier: a.tier,
      score: a.score,
      indicators: JSON.stringify(a.indicators),
      reasons: JSON.stringify(a.reasons),
      tier_explanation: a.tierExplanation,
      input_hash: hash,
      computed_at: now,
      ...indicatorColumns(a.indicators),
    });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('risk_result')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['student_id', 'school_year_id']).doUpdateSet((eb) => ({
          class_id: eb.ref('excluded.class_id'),
          school_id: eb.ref('excluded.school_id'),
          as_of: eb.ref('excluded.as_of'),
          settings_version: eb.ref('excluded.settings_version'),
          tier: eb.ref('excluded.tier'),
          score: eb.ref('excluded.score'),
          indicators: eb.ref('excluded.indicators'),
          reasons: eb.ref('excluded.reasons'),
          tier_explanation: eb.ref('excluded.tier_explanation'),
          input_hash: eb.ref('excluded.input_hash'),
          attendance_rate: eb.ref('excluded.attendance_rate'),
          projected_absence: eb.ref('excluded.projected_absence'),
          failing_subjects: eb.ref('excluded.failing_subjects'),
          age_grade_delay: eb.ref('excluded.age_grade_delay'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
  counts.written += rows.length;
  for (let i = 0; i < changes.length; i += CHUNK) await trx.insertInto('risk_tier_change').values(changes.slice(i, i + CHUNK)).execute();

  // Students who left the school: their result goes (their reviews stay, in risk_review).
  const enrolled = new Set(inputs.map((b) => b.studentId));
  const gone = existing.filter((r) => r.school_id === schoolId && !enrolled.has(r.student_id)).map((r) => r.id);
  for (let i = 0; i < gone.length; i += CHUNK) {
    await trx.deleteFrom('risk_result').where('id', 'in', gone.slice(i, i + CHUNK)).execute();
  }
  counts.written += gone.length;
  return counts;
}

/** The values the aggregates count by (migration 0007), taken from the assessment's indicators. */
function indicatorColumns(indicators: { key: string; value: number | null }[]) {
  const value = (key: string) => indicators.find((i) => i.key === key)?.value ?? null;
  return {
    attendance_rate: value('attendance_rate'),
    projected_absence: value('absence_projection'),
    failing_subjects: value('failing_subjects'),
    age_grade_delay: value('age_grade_delay'),
  };
}
