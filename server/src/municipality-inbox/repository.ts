import type { MayorReport, OctoberList } from '@primm/shared/contracts/compulsory';
import type { InboxItemKind, InboxMeasure } from '@primm/shared/contracts/municipality-inbox';
import type { Db } from '../db/open-database';

/**
 * The rows of the municipality's inbox (migration 0030). Each function takes `db` or a
 * transaction; the caller owns the transaction and the audit line.
 */

/** What an October list item keeps: the rows the school's list for that municipality carried. */
export interface OctoberListPayload {
  schoolYear: string;
  rows: OctoberList['rows'];
}

export interface ItemRow {
  id: number;
  kind: InboxItemKind;
  municipalityIstat: string;
  municipalityName: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  schoolYear: string;
  studentId: number | null;
  payload: MayorReport | OctoberListPayload;
  deliveredAt: string;
  receivedOn: string | null;
  protocolNumber: string | null;
  acknowledgedAt: string | null;
  measureCount: number;
}

/**
 * Delivers the report to the mayor to the inbox of the student's municipality of residence, as
 * printed (MayorReport). A student with no known residence has no inbox to go to: null.
 */
export async function deliverMayorReport(
  db: Db,
  d: { report: MayorReport; studentId: number; schoolId: number; schoolYearId: number; at: string; by: number },
): Promise<number | null> {
  if (!d.report.municipality) return null;
  const item = await db
    .insertInto('municipality_inbox_item')
    .values({
      kind: 'mayor_report',
      municipality_istat: d.report.municipality.istatCode,
      school_id: d.schoolId,
      school_year_id: d.schoolYearId,
      student_id: d.studentId,
      payload: JSON.stringify(d.report),
      delivered_at: d.at,
      delivered_by: d.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('municipality_inbox_student').values({ item_id: item.id, student_id: d.studentId }).execute();
  return item.id;
}

/**
 * Delivers an October list export to each municipality of residence it names, one item each with
 * only that municipality's residents. A municipality whose last list from this school and year
 * holds the same rows gets nothing new: exporting again to print or download is not a new act.
 * Returns the ids of the items delivered.
 */
export async function deliverOctoberLists(
  db: Db,
  d: {
    schoolId: number;
    schoolYear: { id: number; label: string };
    students: (OctoberList['rows'][number] & { studentId: number })[];
    at: string;
    by: number;
  },
): Promise<number[]> {
  const byMunicipality = new Map<string, typeof d.students>();
  for (const s of d.students) {
    if (!s.residenceIstat) continue;
    byMunicipality.set(s.residenceIstat, [...(byMunicipality.get(s.residenceIstat) ?? []), s]);
  }
  const delivered: number[] = [];
  for (const [istat, students] of byMunicipality) {
    const payload = JSON.stringify({
      schoolYear: d.schoolYear.label,
      rows: students.map(({ studentId: _, ...row }) => row),
    } satisfies OctoberListPayload);
    const last = await db
      .selectFrom('municipality_inbox_item')
      .select('payload')
      .where('kind', '=', 'october_list')
      .where('school_id', '=', d.schoolId)
      .where('school_year_id', '=', d.schoolYear.id)
      .where('municipality_istat', '=', istat)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (last?.payload === payload) continue;
    const item = await db
      .insertInto('municipality_inbox_item')
      .values({
        kind: 'october_list',
        municipality_istat: istat,
        school_id: d.schoolId,
        school_year_id: d.schoolYear.id,
        student_id: null,
        payload,
        delivered_at: d.at,
        delivered_by: d.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('municipality_inbox_student')
      .values(students.map((s) => ({ item_id: item.id, student_id: s.studentId })))
      .execute();
    delivered.push(item.id);
  }
  return delivered;
}

/** Items with the given filters, newest first, with what a summary needs. */
export async function findItems(
  db: Db,
  filter: { municipalities?: string[]; schoolId?: number; schoolYearId?: number; studentId?: number; id?: number },
): Promise<ItemRow[]> {
  if (filter.municipalities && filter.municipalities.length === 0) return [];
  let q = db
    .selectFrom('municipality_inbox_item as i')
    .innerJoin('municipality as m', 'm.istat_code', 'i.municipality_istat')
    .innerJoin('school as s', 's.id', 'i.school_id')
    .innerJoin('school_year as y', 'y.id', 'i.school_year_id')
    .select((eb) => [
      'i.id',
      'i.kind',
      'i.municipality_istat',
      'm.name as municipality_name',
      'i.school_id',
      's.code as school_code',
      's.name as school_name',
      'y.label as school_year',
      'i.student_id',
      'i.payload',
      'i.delivered_at',
      'i.received_on',
      'i.protocol_number',
      'i.acknowledged_at',
      eb
        .selectFrom('municipality_inbox_measure as me')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('me.item_id', '=', 'i.id')
        .as('measure_count'),
    ]);
  if (filter.municipalities) q = q.where('i.municipality_istat', 'in', filter.municipalities);
  if (filter.schoolId !== undefined) q = q.where('i.school_id', '=', filter.schoolId);
  if (filter.schoolYearId !== undefined) q = q.where('i.school_year_id', '=', filter.schoolYearId);
  if (filter.studentId !== undefined) q = q.where('i.student_id', '=', filter.studentId);
  if (filter.id !== undefined) q = q.where('i.id', '=', filter.id);
  const rows = await q.orderBy('i.delivered_at', 'desc').orderBy('i.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    municipalityIstat: r.municipality_istat,
    municipalityName: r.municipality_name,
    schoolId: r.school_id,
    schoolCode: r.school_code,
    schoolName: r.school_name,
    schoolYear: r.school_year,
    studentId: r.student_id,
    payload: JSON.parse(r.payload) as MayorReport | OctoberListPayload,
    deliveredAt: r.delivered_at,
    receivedOn: r.received_on,
    protocolNumber: r.protocol_number,
    acknowledgedAt: r.acknowledged_at,
    measureCount: Number(r.measure_count ?? 0),
  }));
}

/** The students an item names (the audit line of each read lists them). */
export async function itemStudentIds(db: Db, itemIds: number[]): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('municipality_inbox_student')
    .select('student_id')
    .distinct()
    .where('item_id', 'in', itemIds)
    .orderBy('student_id')
    .execute();
  return rows.map((r) => r.student_id);
}

/** The municipalities among `codes` that an active `comune` account serves. */
export async function municipalitiesWithAccount(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('user_municipality')
    .innerJoin('app_user', 'app_user.id', 'user_municipality.user_id')
    .select('user_municipality.municipality_istat')
    .distinct()
    .where('app_user.role', '=', 'comune')
    .where('app_user.disabled_at', 'is', null)
    .where('user_municipality.municipality_istat', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.municipality_istat));
}

/** Records receipt once: false when the item was already acknowledged (nothing written). */
export async function acknowledgeItem(
  db: Db,
  id: number,
  ack: { receivedOn: string; protocolNumber: string; at: string; by: number },
): Promise<boolean> {
  const result = await db
    .updateTable('municipality_inbox_item')
    .set({
      received_on: ack.receivedOn,
      protocol_number: ack.protocolNumber,
      acknowledged_at: ack.at,
      acknowledged_by: ack.by,
    })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMeasure(
  db: Db,
  m: { itemId: number; takenOn: string; description: string; at: string; by: number },
): Promise<InboxMeasure> {
  const row = await db
    .insertInto('municipality_inbox_measure')
    .values({
      item_id: m.itemId,
      taken_on: m.takenOn,
      description: m.description,
      recorded_at: m.at,
      recorded_by: m.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeasure(row);
}

export async function measuresOf(db: Db, itemId: number): Promise<InboxMeasure[]> {
  const rows = await db
    .selectFrom('municipality_inbox_measure')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('taken_on')
    .orderBy('id')
    .execute();
  return rows.map(toMeasure);
}

const toMeasure = (r: { id: number; taken_on: string; description: string; recorded_at: string }): InboxMeasure => ({
  id: r.id,
  takenOn: r.taken_on,
  description: r.description,
  recordedAt: r.recorded_at,
});

/** The PEC the admin keeps for each municipality (the route when no office account exists). */
export async function pecOf(db: Db, codes: string[]): Promise<Map<string, string | null>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('municipality_contact')
    .select(['istat_code', 'pec'])
    .where('istat_code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.istat_code, r.pec]));
}
