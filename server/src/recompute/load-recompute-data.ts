import { digestGrades } from '@primm/shared/risk/grade-digest';
import type { Db } from '../db/open-database';
import { groupBy, groupSchoolData, type GroupedSchoolData } from '../school-data/build-inputs';
import { dataAsOf, loadSchoolHead, loadSchoolPeople, loadSchoolRiskData } from '../school-data/load-school-data';
import { readClassVersions } from '../school-data/grade-versions';
import {
  digestFingerprint,
  EMPTY_DIGEST_TEXT,
  parseGradeDigest,
  readCurrentDigests,
  serializeGradeDigest,
  type DigestsToSave,
} from './grade-digest-store';
import { readSchoolStreams, StreamFormatError, studentRows } from './school-streams';

export interface RecomputeData {
  data: GroupedSchoolData;
  /** A student's grade digest and events as read, for the input hash. */
  rowsText: (studentId: number) => string;
  /** The digests computed from the grades read, to store with the results; null when they were read from the store. */
  digests: DigestsToSave | null;
}

/**
 * What the recompute of one school reads, in the fewest and cheapest queries: the events as a
 * text (`readSchoolStreams`), the rest as rows; the grades as their stored digests when those are
 * current (migration 0012), otherwise as a text from which the digests are computed (and returned,
 * to be stored). Null without a calendar for the year. A school whose texts cannot be read exactly
 * is read row by row (`loadSchoolRiskData`).
 */
export async function loadRecomputeData(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
): Promise<RecomputeData | null> {
  const head = await loadSchoolHead(db, schoolId, year);
  if (!head) return null;
  const classIds = head.classes.map((c) => c.id);
  if (classIds.length === 0) {
    const empty = {
      ...head,
      asOf: head.lessonsStart,
      students: [],
      enrolments: new Map(),
      outcomes: new Map(),
      rows: new Map(),
    };
    return { data: empty, rowsText: () => '', digests: null };
  }
  // The versions before the grades: a change committed in between leaves the digests computed
  // here marked with the older versions, so they are computed again next time (never the reverse).
  const school = {
    schoolId,
    schoolYearId: year.id,
    fingerprint: digestFingerprint(head),
    classVersions: await readClassVersions(db, classIds),
  };
  const stored = await readCurrentDigests(db, school);
  let streams;
  try {
    streams = await readSchoolStreams(db, classIds, head.terms, { grades: stored === null });
  } catch (err) {
    if (!(err instanceof StreamFormatError)) throw err;
    return loadRowByRow(db, schoolId, year);
  }
  const { eventText, byStudent } = streams;
  // As `findDataAsOf`: the latest day of any event or grade, within the lesson period.
  const latestGrade = stored ? stored.latestGrade : streams.latestGrade;
  const asOf = dataAsOf([streams.latestDate, latestGrade], head);
  // Rows after it (beyond the end of lessons) are left out, as the row-by-row reader's SQL does.
  if (streams.latestDate !== null && streams.latestDate > asOf) {
    for (const rows of byStudent.values()) {
      rows.grades = rows.grades.filter((g) => g.date <= asOf);
      rows.events = rows.events.filter((e) => e.date <= asOf);
    }
  }

  // Every grade up to asOf is every grade up to the end of lessons (asOf is the latest date,
  // capped there), so a digest depends on the grades, terms and end of lessons only.
  const texts = new Map<number, string>();
  let digests: DigestsToSave | null = null;
  if (stored) {
    for (const [studentId, text] of stored.digests) {
      texts.set(studentId, text);
      studentRows(byStudent, studentId).digest = parseGradeDigest(text);
    }
  } else {
    digests = { ...school, latestGrade, rows: [] };
    for (const [studentId, rows] of byStudent) {
      const digest = (rows.digest = digestGrades(rows.grades, asOf));
      const text = serializeGradeDigest(digest);
      if (text === EMPTY_DIGEST_TEXT) continue;
      texts.set(studentId, text);
      digests.rows.push({ studentId, digest: text });
    }
  }

  const people = await loadSchoolPeople(db, classIds, year.label);
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
      return `${texts.get(studentId) ?? EMPTY_DIGEST_TEXT}\n\n${rows ? slices(eventText, rows.eventRuns) : ''}`;
    },
    digests,
  };
}

async function loadRowByRow(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
): Promise<RecomputeData | null> {
  const loaded = await loadSchoolRiskData(db, schoolId, year);
  if (!loaded) return null;
  const data = groupSchoolData(loaded);
  return { data, rowsText: (studentId) => JSON.stringify(data.rows.get(studentId) ?? null), digests: null };
}

/** The student's lines, one per line whatever their place in the text. */
function slices(text: string, runs: number[]): string {
  let out = '';
  for (let i = 0; i < runs.length; i += 2) out += `${i > 0 ? '\n' : ''}${text.slice(runs[i], runs[i + 1])}`;
  return out;
}
