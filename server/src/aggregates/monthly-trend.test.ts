import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { AggregateTrend } from '@primm/shared/contracts/aggregates';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { monthsBetween, suppressTrend } from './monthly-trend';

const absent = (db: Db, studentId: number, classId: number, date: string, hours = 6, kind: 'assenza' | 'entrata_posticipata' = 'assenza') =>
  db.insertInto('attendance_event').values({ student_id: studentId, class_id: classId, date, kind, hours, justified: 0, deroga: null, deroga_decided_on: null, import_batch_id: null }).execute();

/**
 * Lessons from Mon 15/09/2025, 6 hours Monday to Friday: September holds 12 days (72 h), October
 * 23 days (138 h).
 * - ANPS03000E (Ancona): 12 students; 3 absent 1–10 October (8 days, 48/138 h = 35 %); one hour
 *   late on 28/11, so Ancona's data reaches November.
 * - PSPS01000A (Pesaro): 15 students; 12 absent 6–8 October (18/138 h = 13 %); one more enters on
 *   20/10 and is absent 20–22 October (18 h of the 60 held since: 30 %, not 13 %). Its data ends
 *   on 31/10.
 */
async function aCraftedRegion() {
  const db = await createTestDb();
  const schools = [
    await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' }),
    await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI', province_code: 'PU' }),
  ];
  const an = await aClass(db, schools[0]!.id, { name: '3A' });
  const pu = await aClass(db, schools[1]!.id, { name: '3A' });
  for (const s of schools) {
    await db.insertInto('school_calendar').values({ school_id: s.id, school_year_id: an.school_year_id, lessons_start: '2025-09-15', lessons_end: '2026-06-06' }).execute();
  }
  const enrol = async (classId: number, entered_on = '2025-09-15') => {
    const s = await aStudent(db);
    await anEnrolment(db, s.id, classId, { entered_on });
    return s.id;
  };

  const ancona = [];
  for (let i = 0; i < 12; i++) ancona.push(await enrol(an.id));
  for (const id of ancona.slice(0, 3)) {
    for (const day of ['01', '02', '03', '06', '07', '08', '09', '10']) await absent(db, id, an.id, `2025-10-${day}`);
  }
  await absent(db, ancona[3]!, an.id, '2025-11-28', 1, 'entrata_posticipata');

  const pesaro = [];
  for (let i = 0; i < 15; i++) pesaro.push(await enrol(pu.id));
  for (const id of pesaro.slice(0, 12)) for (const day of ['06', '07', '08']) await absent(db, id, pu.id, `2025-10-${day}`);
  const late = await enrol(pu.id, '2025-10-20');
  for (const day of ['20', '21', '22']) await absent(db, late, pu.id, `2025-10-${day}`);
  await absent(db, pesaro[12]!, pu.id, '2025-10-31', 1, 'entrata_posticipata');

  return { db, anconaId: schools[0]!.id, pesaroId: schools[1]!.id };
}

const getTrend = async (db: Db, role: 'analista' | 'referente' | 'admin' | 'docente', query = '', scope = {}) =>
  request(createApp({ db, config: testConfig })).get(`/api/aggregates/trend${query}`).set(await authAs(db, await aUser(db, role, scope)));

describe('GET /api/aggregates/trend', () => {
  test('when the analyst asks for the region, then one row per month to the data\'s last, the 4 over 25 % hidden, the 16 over 10 % shown', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista');

    expect(res.status).toBe(200);
    expect(AggregateTrend.parse(res.body)).toEqual({
      year: '2025/26',
      threshold: 10,
      months: [
        { month: '2025-09', values: { students: 27, absentOver10: 0, absentOver25: 0 } },
        // 3 + 13 over 10 %, 3 + 1 over 25 %: the 4 are small; 16 − 4 = 12 is a band of 12, so 16 stays.
        { month: '2025-10', values: { students: 28, absentOver10: 16, absentOver25: '<10' } },
        // Pesaro's data stops in October: November counts Ancona's 12 only.
        { month: '2025-11', values: { students: 12, absentOver10: 0, absentOver25: 0 } },
      ],
    });
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'aggregates.trend.read' }]);
  });

  test('when filtered to Ancona, then October has 12 students and its 3 absent a third of the month read <10', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista', '?province=AN');

    expect(res.body.months[1]).toEqual({ month: '2025-10', values: { students: 12, absentOver10: '<10', absentOver25: '<10' } });
  });

  test('when a referent of Pesaro asks, then only Pesaro is counted, and 13 over 10 % is n.d. because 16 − 13 would show 3', async () => {
    const { db, pesaroId } = await aCraftedRegion();

    const res = await getTrend(db, 'referente', '', { schoolIds: [pesaroId] });

    expect(res.body.months).toEqual([
      { month: '2025-09', values: { students: 15, absentOver10: 0, absentOver25: 0 } },
      { month: '2025-10', values: { students: 16, absentOver10: 'n.d.', absentOver25: '<10' } },
    ]);
  });

  test('when a teacher asks, then 403 and nothing audited as read', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'docente');

    expect(res.status).toBe(403);
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'aggregates.trend.read').execute()).toEqual([]);
  });

  test('when the answer comes back, then no key or value carries a person', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'admin');

    expect(JSON.stringify(res.body)).not.toMatch(/"(studentId|lastName|firstName|birthDate|pseudonym|id|name)"|Cognome|pseudonym-/);
  });

  test('when an unknown filter value is given, then 400', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista', '?province=XX');

    expect(res.status).toBe(400);
  });
});

test.each([
  // students, over10, over25 → shown
  [[30, 0, 0], [30, 0, 0]],
  [[12, 3, 3], [12, '<10', '<10']],
  [[8, 0, 0], ['<10', '<10', '<10']], // too few students: even their zeros are hidden
  [[28, 16, 4], [28, 16, '<10']], // 16 − 4 = 12 is not small: 16 is safe
  [[16, 13, 1], [16, 'n.d.', '<10']], // 16 − 13 = 3 would be a small band
  [[40, 25, 12], [40, 25, 12]], // bands 15, 13, 12: nothing small
  [[30, 25, 20], [30, 'n.d.', 20]], // 30 − 25 = 5 attended well: a small band
  // Bands of 5 and 8: hiding 25 covers both (30 − 17 = 13 is their sum, neither alone).
  [[30, 25, 17], [30, 'n.d.', 17]],
])('suppressTrend: %j → %j', (counts, expected) => {
  const [students, absentOver10, absentOver25] = counts as [number, number, number];

  const [month] = suppressTrend([{ month: '2025-10', students, absentOver10, absentOver25 }], 10);

  expect(Object.values(month!.values)).toEqual(expected);
});

test.each([
  ['2025-09', '2025-09', ['2025-09']],
  ['2025-09', '2026-01', ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01']],
  ['2025-09', '2025-08', []],
])('monthsBetween: %s → %s', (from, to, expected) => {
  expect(monthsBetween(from, to)).toEqual(expected);
});
