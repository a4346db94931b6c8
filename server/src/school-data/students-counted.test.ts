import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { countStudentsOfYear } from './students-counted';

/**
 * Ancona's school: 12 students still there, 1 who withdrew in December, 1 who changed class
 * (two stays, one student), 1 who moved to Pesaro in January. Pesaro's school: 10 students and
 * the one who came from Ancona. A stay of the year before, in Ancona, counts in no total.
 */
async function aRegionWithMoves(): Promise<{ db: Db; ancona: number; pesaro: number; yearId: number }> {
  const db = await createTestDb();
  const ancona = await aSchool(db, { code: 'ANPS03000E', province_code: 'AN' });
  const pesaro = await aSchool(db, { code: 'PSPS01000A', province_code: 'PU' });
  const [a3, a4, p2] = [
    await aClass(db, ancona.id, { name: '3A' }),
    await aClass(db, ancona.id, { name: '4A' }),
    await aClass(db, pesaro.id, { name: '2B' }),
  ];
  const enrol = async (classId: number, n: number) => {
    for (let i = 0; i < n; i++) await anEnrolment(db, (await aStudent(db)).id, classId);
  };
  await enrol(a3.id, 12);
  await enrol(p2.id, 10);
  const withdrew = await aStudent(db);
  await anEnrolment(db, withdrew.id, a3.id, { left_on: '2025-12-01' });
  const changedClass = await aStudent(db);
  await anEnrolment(db, changedClass.id, a3.id, { left_on: '2025-11-03' });
  await anEnrolment(db, changedClass.id, a4.id, { entered_on: '2025-11-03' });
  const moved = await aStudent(db);
  await anEnrolment(db, moved.id, a3.id, { left_on: '2026-01-12' });
  await anEnrolment(db, moved.id, p2.id, { entered_on: '2026-01-12' });
  const lastYear = await aClass(db, ancona.id, { name: '2A', year: '2024/25' });
  await anEnrolment(db, (await aStudent(db)).id, lastYear.id, { entered_on: '2024-09-16' });
  return { db, ancona: ancona.id, pesaro: pesaro.id, yearId: a3.school_year_id };
}

test('countStudentsOfYear: when students withdrew, changed class or moved school, then each is counted once, in the school of their latest stay', async () => {
  const { db, ancona, pesaro, yearId } = await aRegionWithMoves();

  const counts = await countStudentsOfYear(db, yearId);

  // Ancona: 12 + the one who withdrew + the one who changed class; Pesaro: 10 + the one who moved there
  expect(Object.fromEntries(counts)).toEqual({ [ancona]: 14, [pesaro]: 11 });
  expect(await countStudentsOfYear(db, yearId, pesaro)).toEqual(new Map([[pesaro, 11]]));
});

test('students counted: when the overview, the school page and the analysis count the same year, then their totals agree (issue 20: 3 255 against 3 301)', async () => {
  const { db } = await aRegionWithMoves();
  const app = createApp({ db, config: testConfig }); // testConfig: no noise, so the aggregates are exact
  const as = await authAs(db, await aUser(db, 'analista'));

  const [provinces, school, aggregates] = await Promise.all([
    request(app).get('/api/provinces').set(as),
    request(app)
      .get('/api/schools/ANPS03000E')
      .set(await authAs(db, await aUser(db, 'admin'))),
    request(app).get('/api/aggregates?groupBy=province&measures=students').set(as),
  ]);

  const overview = Object.fromEntries(
    provinces.body.items
      .filter((p: { students: number }) => p.students > 0)
      .map((p: { code: string; students: number }) => [p.code, p.students]),
  );
  expect(overview).toEqual({ AN: 14, PU: 11 });
  expect(school.body.students).toBe(14);
  const analysis = Object.fromEntries(
    aggregates.body.rows.map((r: { group: { province: string }; values: { students: number } }) => [
      r.group.province,
      r.values.students,
    ]),
  );
  expect(analysis).toEqual(overview);
  expect(aggregates.body.total.students).toBe(25);
});
