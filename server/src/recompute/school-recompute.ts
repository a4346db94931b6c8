import { hash } from 'node:crypto';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import { measureStudent } from '@primm/shared/risk/assess-student';
import type { RiskSettings } from '@primm/shared/risk/settings';
import type { IndicatorKey, MeasuredIndicator } from '@primm/shared/risk/types';
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { serializeIndicators } from '../risk/stored-indicators';
import { buildInputs, type BuiltInput } from '../school-data/build-inputs';
import { ENGINE_VERSION } from './engine-version';
import { saveDigests, type DigestsToSave } from './grade-digest-store';
import { loadRecomputeData, type RecomputeData } from './load-recompute-data';
import {
  deleteRiskResults,
  findStoredHashes,
  insertTierChanges,
  saveSchoolState,
  upsertRiskResults,
  type RiskResultRow,
  type TierChangeRow,
} from './result-store';

export type Counts = Omit<RecomputeSummary, 'ms'>;
export const noCounts = (): Counts => ({ students: 0, written: 0, unchanged: 0, tierChanged: 0 });

/** One school's recompute, computed and not yet written. */
export interface SchoolWork {
  schoolId: number;
  schoolYearId: number;
  counts: Counts;
  /** New or changed results. */
  rows: RiskResultRow[];
  changes: TierChangeRow[];
  /** Result ids of students no longer enrolled in the school. */
  gone: number[];
  /** Students enrolled now: the results the school has once written. */
  results: number;
  /** Grade digests computed from the grades read, stored with the results (null: read from the store). */
  digests: DigestsToSave | null;
  computedAt: string;
}

/**
 * Reads a school's data and stored input hashes and assesses the students whose hash changed;
 * null without a calendar for the year. Writes nothing (see `writeSchoolWork`).
 */
export async function computeSchool(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
  settings: RiskSettings,
): Promise<SchoolWork | null> {
  const loaded = await loadRecomputeData(db, schoolId, year);
  if (!loaded) return null;
  const { data } = loaded;
  const inputs = buildInputs(data);
  const counts = noCounts();
  const existing = await findStoredHashes(
    db,
    schoolId,
    data.schoolYearId,
    data.classes.map((c) => c.id),
  );
  const hashes = new Map(existing.map((r) => [r.student_id, r.input_hash]));
  const previousTier = new Map(existing.map((r) => [r.student_id, r.tier]));
  const hashOf = inputHasher(loaded, schoolId, settings.version);

  const now = new Date().toISOString();
  const work: SchoolWork = {
    schoolId,
    schoolYearId: data.schoolYearId,
    counts,
    rows: [],
    changes: [],
    gone: [],
    results: inputs.length,
    computedAt: now,
    digests: loaded.digests,
  };
  for (const b of inputs) {
    counts.students += 1;
    const hash = hashOf(b);
    if (hashes.get(b.studentId) === hash) {
      counts.unchanged += 1;
      continue;
    }
    // Without words (sentences, reasons, tier explanation): composed when read (explainStored).
    const a = measureStudent(b.input, settings, b.subjects);
    const before = previousTier.get(b.studentId);
    if (before !== undefined && before !== a.tier) {
      work.changes.push({
        student_id: b.studentId,
        school_year_id: data.schoolYearId,
        class_id: b.classId,
        from_tier: before,
        to_tier: a.tier,
        as_of: b.input.asOf,
        computed_at: now,
      });
    }
    work.rows.push({
      student_id: b.studentId,
      class_id: b.classId,
      school_id: schoolId,
      school_year_id: data.schoolYearId,
      as_of: b.input.asOf,
      settings_version: a.settingsVersion,
      tier: a.tier,
      score: a.score,
      indicators: serializeIndicators(a.indicators),
      input_hash: hash,
      computed_at: now,
      // Written out, not spread from an object (the spread cost microseconds a student in V8).
      attendance_rate: indicatorValue(a.indicators, 'attendance_rate'),
      projected_absence: indicatorValue(a.indicators, 'absence_projection'),
      failing_subjects: indicatorValue(a.indicators, 'failing_subjects'),
      age_grade_delay: indicatorValue(a.indicators, 'age_grade_delay'),
    });
  }
  // Students who left the school: their result goes (their reviews stay, in risk_review).
  const enrolled = new Set(inputs.map((b) => b.studentId));
  work.gone = existing.filter((r) => r.school_id === schoolId && !enrolled.has(r.student_id)).map((r) => r.id);
  counts.written = work.rows.length + work.gone.length;
  counts.tierChanged = work.changes.length;
  return work;
}

/** Writes what `computeSchool` computed, and the stamp it was computed with. */
export async function writeSchoolWork(db: Db, work: SchoolWork, stamp: string): Promise<void> {
  await upsertRiskResults(db, work.rows);
  await insertTierChanges(db, work.changes);
  await deleteRiskResults(db, work.gone);
  if (work.digests) await saveDigests(db, work.digests);
  await saveSchoolState(db, {
    schoolId: work.schoolId,
    schoolYearId: work.schoolYearId,
    stamp,
    results: work.results,
    computedAt: work.computedAt,
  });
}

/**
 * sha256 of everything a student's input is built from: the school's calendar and "today", the
 * classes the student was in, the class averages, the student's enrolments, birth and arrival
 * dates, past outcomes, their events as read and their grades' digest. Hashing what was read (not
 * the built input, with its weeks and lesson days) costs a fraction: see docs/performance-history.md.
 */
function inputHasher(loaded: RecomputeData, schoolId: number, settingsVersion: number): (b: BuiltInput) => string {
  const { data } = loaded;
  // One-shot hashes (no Hash object per student); what a whole school or class shares is hashed
  // once and enters each student's hash as its digest, not as its text (the class averages are
  // ~450 bytes, the calendar a few hundred).
  const sha = (text: string) => hash('sha256', text);
  const school = sha(
    JSON.stringify([
      ENGINE_VERSION,
      settingsVersion,
      schoolId,
      data.asOf,
      data.schoolYear,
      data.level,
      data.lessonsStart,
      data.lessonsEnd,
      data.closures,
      data.terms,
    ]),
  );
  const classes = new Map(
    data.classes.map((c) => [c.id, JSON.stringify([c.id, c.gradeLevel, c.annualHours, c.timetable])]),
  );
  const averages = new Map<number, string>();
  return (b) => {
    let classAverages = averages.get(b.classId);
    if (classAverages === undefined)
      averages.set(b.classId, (classAverages = sha(JSON.stringify(b.input.classAverages))));
    const stays = (data.enrolments.get(b.studentId) ?? [])
      .map((e) => `${classes.get(e.classId)}${e.enteredOn}|${e.leftOn}`)
      .join(';');
    return sha(
      `${school}\n${b.classId}\n${classAverages}\n${stays}\n${b.input.birthDate}|${b.input.arrivalDate}\n${JSON.stringify(data.outcomes.get(b.studentId) ?? [])}\n${loaded.rowsText(b.studentId)}`,
    );
  };
}

/** An indicator's value, as the columns the aggregates count by (migration 0007) store it. */
function indicatorValue(indicators: MeasuredIndicator[], key: IndicatorKey): number | null {
  for (const i of indicators) if (i.key === key) return i.value;
  return null;
}

/**
 * `computeSchool` then `writeSchoolWork` on a connection that other threads share the file with:
 * the reading in a read transaction (one snapshot, no lock), the writing in its own write
 * transaction (SQLite's single writer is taken only to write). If an import committed in between
 * (a newer batch), the school is computed again under the write lock: its fresh results must not
 * be overwritten with older ones.
 */
export async function recomputeSchoolConcurrently(
  db: Db,
  schoolId: number,
  job: { year: { id: number; label: string }; settings: RiskSettings; stamp: string },
): Promise<Counts> {
  const read = await db.transaction().execute(async (trx) => ({
    batch: await latestBatch(trx),
    work: await computeSchool(trx, schoolId, job.year, job.settings),
  }));
  let work = read.work;
  await db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      if ((await latestBatch(conn)) !== read.batch) work = await computeSchool(conn, schoolId, job.year, job.settings);
      if (work) await writeSchoolWork(conn, work, job.stamp);
      await sql`commit`.execute(conn);
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
  return work?.counts ?? noCounts();
}

async function latestBatch(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('import_batch')
    .select(({ fn }) => fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? null;
}
