/**
 * The aggregates counted in memory, one object per student: how the routes counted before the
 * counting moved to SQL (count-groups.ts, fairness-counts.ts, student-fact-sql.ts). No route reads
 * this; it is the plain reference their property tests compare with, so its rules are kept the
 * same as the SQL's.
 */
import {
  MEASURES,
  type AggregateQuery,
  type AggregateResult,
  type CitizenshipGroup,
  type Dimension,
  type Measure,
} from '@primm/shared/contracts/aggregates';
import type { Db } from '../../db/open-database';
import { studentKey, type CellKeySecret } from '../cell-key';
import { citizenshipGroupOf, naiSinceOf } from '../citizenship-group';
import { publishCounts, type GroupCount } from '../publish-counts';

/** One student of the year as the aggregates see them: dimensions and facts, never a name. */
export interface StudentFacts {
  /** Internal only, to join further facts; tabulate never puts it in a response. */
  studentId: number;
  province: string;
  school: string;
  schoolName: string;
  level: string;
  gradeLevel: string;
  track: string;
  citizenshipGroup: CitizenshipGroup;
  sex: string;
  tier: number | null;
  attendanceRate: number | null;
  projectedAbsence: number | null;
  failingSubjects: number | null;
  ageGradeDelay: number | null;
  flagged: boolean;
  exitReason: string | null;
  openCase: boolean;
  caseOutcomes: string[];
  actionTypes: string[];
  reorientedArrived: boolean | null;
}

/**
 * The students enrolled at any time in the year, each once, in the class of their latest stay,
 * with their stored risk result (effective tier: the latest override wins) and case history.
 */
export async function loadStudentFacts(
  db: Db,
  year: { id: number; label: string },
  filters: AggregateQuery,
): Promise<StudentFacts[]> {
  let q = db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as sc', 'sc.id', 'c.school_id')
    .innerJoin('student as st', 'st.id', 'e.student_id')
    .leftJoin('risk_result as r', (j) =>
      j.onRef('r.student_id', '=', 'e.student_id').on('r.school_year_id', '=', year.id),
    )
    .where('c.school_year_id', '=', year.id)
    .select([
      'e.student_id',
      'e.entered_on',
      'e.id as enrolment_id',
      'e.exit_reason',
      'e.left_on',
      'sc.province_code',
      'sc.code as school_code',
      'sc.name as school_name',
      'sc.level',
      'c.grade_level',
      'c.track',
      'st.sex',
      'st.citizenship',
      'st.born_in_italy',
      'st.arrival_date',
      'r.tier',
      'r.attendance_rate',
      'r.projected_absence',
      'r.failing_subjects',
      'r.age_grade_delay',
    ]);
  if (filters.province) q = q.where('sc.province_code', '=', filters.province);
  if (filters.school) q = q.where('sc.code', '=', filters.school);
  if (filters.level) q = q.where('sc.level', '=', filters.level);
  if (filters.gradeLevel) q = q.where('c.grade_level', '=', filters.gradeLevel);
  if (filters.track) q = q.where('c.track', '=', filters.track);
  if (filters.sex) q = q.where('st.sex', '=', filters.sex);
  const rows = await q.execute();

  // The latest stay of each student in the year decides their class and school.
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = latest.get(r.student_id);
    if (
      !seen ||
      r.entered_on > seen.entered_on ||
      (r.entered_on === seen.entered_on && r.enrolment_id > seen.enrolment_id)
    )
      latest.set(r.student_id, r);
  }
  const ids = [...latest.keys()];
  const [overrides, flags, cases, actions] = await Promise.all([
    latestOverrides(db, year.id),
    idsWith(db, 'flag', ids),
    casesOf(db, ids),
    actionsOf(db, ids),
  ]);
  const naiSince = naiSinceOf(year.label);

  const out: StudentFacts[] = [];
  for (const [id, r] of latest) {
    const group = citizenshipGroupOf(r.citizenship, r.born_in_italy === 1, r.arrival_date, naiSince);
    if (filters.citizenshipGroup && group !== filters.citizenshipGroup) continue;
    const myActions = actions.get(id) ?? [];
    const reorientations = myActions.filter((a) => a.destination !== null);
    out.push({
      studentId: id,
      province: r.province_code,
      school: r.school_code,
      schoolName: r.school_name,
      level: r.level,
      gradeLevel: String(r.grade_level),
      track: r.track ?? 'nessuno',
      citizenshipGroup: group,
      sex: r.sex,
      tier: r.tier === null ? null : (overrides.get(id) ?? r.tier),
      attendanceRate: r.attendance_rate,
      projectedAbsence: r.projected_absence,
      failingSubjects: r.failing_subjects,
      ageGradeDelay: r.age_grade_delay,
      flagged: flags.has(id),
      exitReason: r.left_on !== null ? r.exit_reason : null,
      openCase: (cases.get(id) ?? []).some((c) => c.status !== 'closed'),
      caseOutcomes: (cases.get(id) ?? []).map((c) => c.outcome).filter((o): o is string => o !== null),
      actionTypes: [...new Set(myActions.map((a) => a.type))],
      reorientedArrived: reorientations.length === 0 ? null : reorientations.some((a) => a.arrived === 1),
    });
  }
  return out;
}

async function latestOverrides(db: Db, yearId: number): Promise<Map<number, number>> {
  const reviews = await db
    .selectFrom('risk_review')
    .select(['student_id', 'action', 'tier', 'id'])
    .where('school_year_id', '=', yearId)
    .orderBy('id')
    .execute();
  const latest = new Map<number, { action: string; tier: number | null }>();
  for (const r of reviews) latest.set(r.student_id, r);
  const out = new Map<number, number>();
  for (const [id, r] of latest) if (r.action === 'override' && r.tier !== null) out.set(id, r.tier);
  return out;
}

async function idsWith(db: Db, table: 'flag', ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('student_id').distinct().execute();
  return new Set(rows.map((r) => r.student_id));
}

async function casesOf(db: Db, ids: number[]) {
  const out = new Map<number, { status: string; outcome: string | null }[]>();
  if (ids.length === 0) return out;
  for (const c of await db.selectFrom('support_case').select(['student_id', 'status', 'outcome']).execute()) {
    const list = out.get(c.student_id);
    if (list) list.push(c);
    else out.set(c.student_id, [c]);
  }
  return out;
}

async function actionsOf(db: Db, ids: number[]) {
  const out = new Map<number, { type: string; destination: string | null; arrived: number | null }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('case_action as a')
    .innerJoin('support_case as c', 'c.id', 'a.case_id')
    .select(['c.student_id', 'a.type', 'a.destination', 'a.arrived'])
    .execute();
  for (const a of rows) {
    const list = out.get(a.student_id);
    if (list) list.push(a);
    else out.set(a.student_id, [a]);
  }
  return out;
}

/** Which students each measure counts (DESIGN.md "Aggregates", chronic-absence bands as commonly used). */
const COUNTS: Record<Measure, (s: StudentFacts) => boolean> = {
  students: () => true,
  tier1: (s) => s.tier === 1,
  tier2: (s) => s.tier === 2,
  tier3: (s) => s.tier === 3,
  attended95: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.95,
  attended90to95: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.9 && s.attendanceRate < 0.95,
  attended80to90: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.8 && s.attendanceRate < 0.9,
  attendedBelow80: (s) => s.attendanceRate !== null && s.attendanceRate < 0.8,
  overLimit: (s) => s.projectedAbsence !== null && s.projectedAbsence > 0.25, // DPR 122/2009 art. 14: ¾ of the hours
  failing2plus: (s) => (s.failingSubjects ?? 0) >= 2,
  ageGradeDelay: (s) => (s.ageGradeDelay ?? 0) >= 1,
  flagged: (s) => s.flagged,
  withdrawn: (s) => s.exitReason === 'ritirato',
  // A move to another school or to IeFP is a transfer, never a dropout.
  transferred: (s) => s.exitReason === 'trasferito' || s.exitReason === 'passaggio_iefp',
  droppedOut: (s) => s.exitReason === 'abbandono',
  openCases: (s) => s.openCase,
  closedCases: (s) => s.caseOutcomes.length > 0,
  action_family_meeting: (s) => s.actionTypes.includes('family_meeting'),
  action_cultural_mediation: (s) => s.actionTypes.includes('cultural_mediation'),
  action_tutoring: (s) => s.actionTypes.includes('tutoring'),
  action_italian_l2: (s) => s.actionTypes.includes('italian_l2'),
  action_other: (s) => s.actionTypes.includes('other'),
  reorient_school: (s) => s.actionTypes.includes('reorient_school'),
  reorient_iefp: (s) => s.actionTypes.includes('reorient_iefp'),
  reorient_work: (s) => s.actionTypes.includes('reorient_work'),
  reorient_cpia: (s) => s.actionTypes.includes('reorient_cpia'),
  pua_referral: (s) => s.actionTypes.includes('pua_referral'),
  reoriented_arrived: (s) => s.reorientedArrived === true,
  reoriented_not_arrived: (s) => s.reorientedArrived === false,
  outcome_back_on_track: (s) => s.caseOutcomes.includes('back_on_track'),
  outcome_reoriented: (s) => s.caseOutcomes.includes('reoriented'),
  outcome_left_education: (s) => s.caseOutcomes.includes('left_education'),
  outcome_moved_away: (s) => s.caseOutcomes.includes('moved_away'),
  outcome_other: (s) => s.caseOutcomes.includes('other'),
};

const dimValue = (s: StudentFacts, d: Dimension): string => String(s[d]);

/** Counts per cell in memory, from one fact per student: the reference `countGroups` (SQL) must match. */
export function countFacts(
  facts: StudentFacts[],
  groupBy: Dimension[],
  measures: Measure[],
  secret?: CellKeySecret,
): GroupCount[] {
  const groups = new Map<string, { key: string[]; facts: StudentFacts[] }>();
  for (const s of facts) {
    const key = groupBy.map((d) => dimValue(s, d));
    const id = key.join('|');
    const group = groups.get(id);
    if (group) group.facts.push(s);
    else groups.set(id, { key, facts: [s] });
  }
  return [...groups.values()].map((g) => ({
    key: g.key,
    values: Object.fromEntries(measures.map((m) => [m, g.facts.filter(COUNTS[m]).length])),
    ...(secret
      ? {
          keys: Object.fromEntries(
            measures.map((m) => [
              m,
              g.facts.filter(COUNTS[m]).reduce((n, f) => n + studentKey(secret, f.studentId), 0),
            ]),
          ),
        }
      : {}),
  }));
}

/**
 * The whole table from students in memory: what the tests compare the routes' SQL counts with.
 * Every measure is counted (the suppression runs on all of them); `coarser` are the students of
 * the request with each of its filters removed in turn, as the route counts them.
 */
export function tabulate(
  facts: StudentFacts[],
  options: {
    year: string;
    groupBy: Dimension[];
    measures?: Measure[];
    threshold: number;
    labels: (d: Dimension, v: string) => string;
    coarser?: StudentFacts[][];
    secret?: CellKeySecret;
    noise?: number;
  },
): AggregateResult {
  const count = (f: StudentFacts[]) => countFacts(f, options.groupBy, [...MEASURES], options.secret);
  return publishCounts(count(facts), { ...options, coarser: options.coarser?.map(count) });
}
