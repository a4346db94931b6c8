import type { Db } from '../db/open-database';

/**
 * The compulsory-education procedure's own rows (compulsory_notice, october_list_export) and the
 * names its deadlines list shows. What the clock says is computed (compute.ts), never stored: these
 * are the acts the school recorded. Each function takes `db` or a transaction.
 */

/** The notice recorded by the school: the clock's facts on that day, and who sent it when. */
export interface NoticeToRecord {
  studentId: number;
  schoolId: number;
  schoolYearId: number;
  triggeredOn: string;
  countedDays: string[];
  notifiedOn: string;
  notifiedBy: number;
  note: string | null;
  createdAt: string;
}

/**
 * Closes the student's open notice of the year on the day of the return that ended its cycle
 * (compute.ts reads the next cycle from the day after).
 */
export async function closeOpenNotice(
  db: Db,
  studentId: number,
  schoolYearId: number,
  closedOn: string,
): Promise<void> {
  await db
    .updateTable('compulsory_notice')
    .set({ closed_on: closedOn })
    .where('student_id', '=', studentId)
    .where('school_year_id', '=', schoolYearId)
    .where('closed_on', 'is', null)
    .execute();
}

export async function insertNotice(db: Db, notice: NoticeToRecord): Promise<void> {
  await db
    .insertInto('compulsory_notice')
    .values({
      student_id: notice.studentId,
      school_id: notice.schoolId,
      school_year_id: notice.schoolYearId,
      triggered_on: notice.triggeredOn,
      days_counted: JSON.stringify(notice.countedDays),
      notified_on: notice.notifiedOn,
      notified_by: notice.notifiedBy,
      note: notice.note,
      created_at: notice.createdAt,
    })
    .execute();
}

/** The report to the mayor, on the student's open notice of the year. */
export async function recordReport(
  db: Db,
  studentId: number,
  schoolYearId: number,
  report: { reportedOn: string; reportedBy: number },
): Promise<void> {
  await db
    .updateTable('compulsory_notice')
    .set({ reported_on: report.reportedOn, reported_by: report.reportedBy })
    .where('student_id', '=', studentId)
    .where('school_year_id', '=', schoolYearId)
    .where('closed_on', 'is', null)
    .execute();
}

/** Surname and name of the given students, by id (none asked: none read). */
export async function studentNames(
  db: Db,
  studentIds: number[],
): Promise<Map<number, { last_name: string; first_name: string }>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('student')
    .select(['id', 'last_name', 'first_name'])
    .where('id', 'in', studentIds)
    .execute();
  return new Map(rows.map((s) => [s.id, s]));
}

/** Who exported the October list of a school, for which municipality, how many students, when. */
export async function recordOctoberListExport(
  db: Db,
  exported: {
    schoolId: number;
    schoolYearId: number;
    municipalityIstat: string | null;
    students: number;
    exportedAt: string;
    exportedBy: number;
  },
): Promise<void> {
  await db
    .insertInto('october_list_export')
    .values({
      school_id: exported.schoolId,
      school_year_id: exported.schoolYearId,
      municipality_istat: exported.municipalityIstat,
      students: exported.students,
      exported_at: exported.exportedAt,
      exported_by: exported.exportedBy,
    })
    .execute();
}
