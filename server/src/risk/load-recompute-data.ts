import type { Db } from '../db/open-database';
import { groupBy, groupSchoolData, type GroupedSchoolData } from './build-inputs';
import { loadSchoolHead, loadSchoolPeople, loadSchoolRiskData } from './load-school-data';
import { readSchoolStreams, StreamFormatError } from './school-streams';

export interface RecomputeData {
  data: GroupedSchoolData;
  /** A student's events and grades as read, for the input hash (nothing for a student without any). */
  rowsText: (studentId: number) => string;
}

/**
 * What the recompute of one school reads, in the fewest and cheapest queries: the events and
 * grades as two texts (`readSchoolStreams`), the rest as rows. Null without a calendar for the
 * year. A school whose texts cannot be read exactly is read row by row (`loadSchoolRiskData`).
 */
export async function loadRecomputeData(db: Db, schoolId: number, year: { id: number; label: string }): Promise<RecomputeData | null> {
  const head = await loadSchoolHead(db, schoolId, year);
  if (!head) return null;
  const classIds = head.classes.map((c) => c.id);
  if (classIds.length === 0) {
    const empty = { ...head, asOf: head.lessonsStart, students: [], enrolments: new Map(), outcomes: new Map(), rows: new Map() };
    return { data: empty, rowsText: () => '' };
  }
  let streams;
  try {
    streams = await readSchoolStreams(db, classIds, head.terms);
  } catch (err) {
    if (!(err instanceof StreamFormatError)) throw err;
    return loadRowByRow(db, schoolId, year);
  }
  // As `findDataAsOf`: the latest day of any event or grade, within the lesson period.
  const latest = streams.latestDate ?? head.lessonsStart;
  const asOf = latest > head.lessonsEnd ? head.lessonsEnd : latest < head.lessonsStart ? head.lessonsStart : latest;
  if (latest > asOf) {
    for (const rows of streams.byStudent.values()) {
      rows.grades = rows.grades.filter((g) => g.date <= asOf);
      rows.events = rows.events.filter((e) => e.date <= asOf);
    }
  }
  const people = await loadSchoolPeople(db, classIds, year.label);
  const { gradeText, eventText, byStudent } = streams;
  return {
    data: {
      ...head,
      asOf,
      students: people.students,
      enrolments: groupBy(people.enrolments, (e) => e.studentId),
      outcomes: groupBy(people.outcomes, (o) => o.studentId),
      rows: byStudent,
    },
    rowsText: (studentId) => {
      const rows = byStudent.get(studentId);
      return rows ? `${slices(gradeText, rows.gradeRuns)}\n\n${slices(eventText, rows.eventRuns)}` : '';
    },
  };
}

async function loadRowByRow(db: Db, schoolId: number, year: { id: number; label: string }): Promise<RecomputeData | null> {
  const loaded = await loadSchoolRiskData(db, schoolId, year);
  if (!loaded) return null;
  const data = groupSchoolData(loaded);
  return { data, rowsText: (studentId) => JSON.stringify(data.rows.get(studentId) ?? null) };
}

/** The student's lines, one per line whatever their place in the text. */
function slices(text: string, runs: number[]): string {
  let out = '';
  for (let i = 0; i < runs.length; i += 2) out += `${i > 0 ? '\n' : ''}${text.slice(runs[i], runs[i + 1])}`;
  return out;
}
