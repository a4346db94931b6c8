import { measureStudent } from '@primm/shared/risk/assess-student';
import type { RiskSettings } from '@primm/shared/risk/settings';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import type { Db } from '../db/open-database';
import { buildStudentInputs } from '../school-data/build-inputs';
import { loadSchoolRiskData, type SchoolRiskData } from '../school-data/load-school-data';
import { cutDateOf } from './cut-date';
import { finalClassOf, readFinalResults, type FinalClass } from './final-outcomes';
import { readStudentGroups, type StudentGroups } from './student-groups';

/** One student of a past cohort: the engine's measures as known on the cut date, and how the year ended. */
export interface ReplayedStudent {
  studentId: number;
  schoolId: number;
  cutDate: string;
  indicators: MeasuredIndicator[];
  final: FinalClass | 'transferred' | null;
  groups: StudentGroups;
}

export interface ReplayOptions {
  /** `MM-DD`; each school's end of the first period when absent (cut-date.ts). */
  monthDay?: string;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

type Year = { id: number; label: string };

/** The schools with a calendar in the year: the ones a replay can read. */
export async function schoolsOfYear(db: Db, schoolYearId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('school_calendar')
    .select('school_id')
    .where('school_year_id', '=', schoolYearId)
    .orderBy('school_id')
    .execute();
  return rows.map((r) => r.school_id);
}

/**
 * Replays the engine on a past school year from its registers, school by school, each as known
 * on its cut date. Yields between schools, so a long replay leaves the server answering.
 */
export async function replayYear(
  db: Db,
  year: Year,
  settings: RiskSettings,
  options: ReplayOptions = {},
): Promise<ReplayedStudent[]> {
  const schools = await schoolsOfYear(db, year.id);
  const out: ReplayedStudent[] = [];
  await options.onProgress?.(0, schools.length);
  for (const [i, schoolId] of schools.entries()) {
    const periods = await periodsOf(db, schoolId, year);
    if (periods) {
      const cut = cutDateOf(year.label, options.monthDay, {
        firstTermEnd: periods.terms[0]?.endsOn ?? null,
        ...periods.lessons,
      });
      out.push(...(await replaySchoolAt(db, schoolId, year, settings, cut)));
    }
    await options.onProgress?.(i + 1, schools.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/** A school's lesson period and terms (seq, last day) in the year; null without a calendar. */
export async function periodsOf(db: Db, schoolId: number, year: Year) {
  const calendar = await db
    .selectFrom('school_calendar')
    .select(['lessons_start', 'lessons_end'])
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', year.id)
    .executeTakeFirst();
  if (!calendar) return null;
  const terms = await db
    .selectFrom('term')
    .select(['seq', 'ends_on'])
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', year.id)
    .orderBy('seq')
    .execute();
  return {
    lessons: { lessonsStart: calendar.lessons_start, lessonsEnd: calendar.lessons_end },
    terms: terms.map((t) => ({ seq: t.seq, endsOn: t.ends_on })),
  };
}

/**
 * The students enrolled in the school on the cut date, assessed on what was known then: events
 * and grades up to that day, enrolments as they stood (an enrolment that ended later reads as
 * open, one that began later does not exist yet: a past year's enrolments all end on 31 August).
 * Outcomes of the years before are the history, as the engine reads them in the current year.
 */
export async function replaySchoolAt(
  db: Db,
  schoolId: number,
  year: Year,
  settings: RiskSettings,
  cutDate: string,
): Promise<ReplayedStudent[]> {
  const data = await loadSchoolRiskData(db, schoolId, year, { asOf: cutDate });
  if (!data) return [];
  const inputs = buildStudentInputs(asKnownOn(data, cutDate));
  const ids = inputs.map((b) => b.studentId);
  const [finals, groups] = await Promise.all([
    readFinalResults(db, year.label, ids),
    readStudentGroups(db, ids, cutDate),
  ]);
  return inputs.map((b) => ({
    studentId: b.studentId,
    schoolId,
    cutDate,
    indicators: measureStudent(b.input, settings, b.subjects).indicators,
    final: finalClassOf(finals.get(b.studentId) ?? []),
    groups: groups.get(b.studentId)!,
  }));
}

/** The enrolments as they stood on the cut date (`left_on` is the first day out). */
export function asKnownOn(data: SchoolRiskData, cutDate: string): SchoolRiskData {
  const enrolments = data.enrolments
    .filter((e) => e.enteredOn <= cutDate)
    .map((e) => (e.leftOn !== null && e.leftOn > cutDate ? { ...e, leftOn: null } : e));
  return { ...data, enrolments };
}
