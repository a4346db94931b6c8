import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { difference } from './testing/reader';

/**
 * Issue 17, finding 6, as reported: at ANPS03000E, `sex=F&gradeLevel=4` counts 28 girls, 14 at
 * tier 2; adding `citizenshipGroup=italiano` counts 27 and 13, so the one other girl (born in
 * Albania) is at tier 2. Here: 4A (grade 4) has 27 Italian girls (14 tier 1, 13 tier 2), the
 * Albanian girl (tier 2) and 22 boys; 2A (grade 2) has 30 girls and 20 boys. Lessons from
 * 15/09/2025; in October the Albanian girl misses a third of the hours, 12 Italian girls of 4A
 * miss more than 10 %.
 */
async function theSchoolOfTheIssue(): Promise<Db> {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' });
  const fourth = await aClass(db, school.id, { name: '4A' });
  const second = await aClass(db, school.id, { name: '2A' });
  await db.updateTable('class').set({ grade_level: 4 }).where('id', '=', fourth.id).execute();
  await db.updateTable('class').set({ grade_level: 2 }).where('id', '=', second.id).execute();
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: fourth.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();

  const enrol = async (cls: typeof fourth, tier: number, over: { sex?: 'M' | 'F'; abroad?: boolean } = {}) => {
    const s = await aStudent(db, { citizenship: over.abroad ? 'Albania' : 'Italia' });
    await db
      .updateTable('student')
      .set({ sex: over.sex ?? 'F', ...(over.abroad ? { born_in_italy: 0, arrival_date: '2015-01-10' } : {}) })
      .where('id', '=', s.id)
      .execute();
    await anEnrolment(db, s.id, cls.id, { entered_on: '2025-09-15' });
    await db
      .insertInto('risk_result')
      .values({
        student_id: s.id,
        class_id: cls.id,
        school_id: school.id,
        school_year_id: cls.school_year_id,
        as_of: '2026-03-01',
        settings_version: 1,
        tier,
        score: tier,
        input_hash: `h${s.id}`,
        computed_at: '2026-03-01',
        indicators: '[]',
        attendance_rate: 0.9,
        projected_absence: null,
        failing_subjects: null,
        age_grade_delay: null,
      })
      .execute();
    return s.id;
  };
  const absent = (studentId: number, days: string[]) =>
    db
      .insertInto('attendance_event')
      .values(
        days.map((date) => ({
          student_id: studentId,
          class_id: fourth.id,
          date,
          kind: 'assenza' as const,
          hours: 6,
          justified: 0,
          deroga: null,
          deroga_decided_on: null,
          import_batch_id: null,
        })),
      )
      .execute();

  const italianGirls = [];
  for (let i = 0; i < 27; i++) italianGirls.push(await enrol(fourth, i < 14 ? 1 : 2));
  const her = await enrol(fourth, 2, { abroad: true });
  for (let i = 0; i < 22; i++) await enrol(fourth, i < 12 ? 1 : 2, { sex: 'M' });
  for (let i = 0; i < 30; i++) await enrol(second, 1);
  for (let i = 0; i < 20; i++) await enrol(second, 1, { sex: 'M' });
  // October holds 23 lesson days: 8 days absent is 35 %, 3 days is 13 %.
  await absent(her, [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
    '2025-10-09',
    '2025-10-10',
  ]);
  for (const id of italianGirls.slice(0, 12)) await absent(id, ['2025-10-13', '2025-10-14', '2025-10-15']);
  await db
    .insertInto('attendance_event')
    .values({
      student_id: italianGirls[20]!,
      class_id: fourth.id,
      date: '2025-10-31',
      kind: 'entrata_posticipata',
      hours: 1,
      justified: 0,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    })
    .execute();
  return db;
}

const PAIR = 'school=ANPS03000E&sex=F&gradeLevel=4';
const asAnalyst = async (db: Db, noise: number) => {
  const app = createApp({ db, config: { ...testConfig, aggregateNoise: noise } });
  const cookie = await authAs(db, await aUser(db, 'analista'));
  return (path: string) => request(app).get(path).set(cookie);
};

describe('differencing two requests (issue 17, finding 6)', () => {
  test("GET /api/aggregates: when the pair of the issue is asked with the production noise, then the difference no longer tells the other girl's tier", async () => {
    const get = await asAnalyst(await theSchoolOfTheIssue(), 2);

    const first = (await get(`/api/aggregates?${PAIR}&measures=tier1,tier2,tier3`)).body;
    const second = (await get(`/api/aggregates?${PAIR}&citizenshipGroup=italiano&measures=tier1,tier2,tier3`)).body;

    // The reader knows the rules, and the noise each answer declares (before: none, exact counts).
    const [girls, italians, noise] = [first.total, second.total, second.noise ?? 0];
    expect(noise).toBe(2);
    // Before: 28/14 and 27/13, so exactly 1 girl, at tier 2. Now tier 1 and tier 2 may each hold
    // her or not (no girl is at tier 3: the first answer alone says so, of every girl).
    expect(girls.tier3).toBe(0);
    for (const tier of ['tier1', 'tier2']) {
      const [min, max] = difference(girls[tier], italians[tier], 10, noise);
      expect([min, max], tier).toEqual([
        expect.toSatisfy((v: number) => v <= 0),
        expect.toSatisfy((v: number) => v >= 1),
      ]);
    }
    const [min, max] = difference(girls.students, italians.students, 10, noise);
    expect(max - min).toBeGreaterThanOrEqual(4);
  });

  test('GET /api/aggregates: when the pair is asked even without noise, then the narrower request hides what the wider one would give away', async () => {
    const get = await asAnalyst(await theSchoolOfTheIssue(), 0);

    const girls = (await get(`/api/aggregates?${PAIR}&measures=tier1,tier2,tier3`)).body.total;
    const italians = (await get(`/api/aggregates?${PAIR}&citizenshipGroup=italiano&measures=tier1,tier2,tier3`)).body
      .total;

    expect(girls).toEqual({ students: 28, tier1: 14, tier2: 14, tier3: 0 });
    expect(italians).toEqual({ students: 'n.d.', tier1: 'n.d.', tier2: 'n.d.', tier3: 0 });
  });

  test('GET /api/aggregates: when the pair is asked as rows of a table by grade, then the row of grade 4 is protected the same way', async () => {
    const get = await asAnalyst(await theSchoolOfTheIssue(), 0);

    const row = async (query: string) =>
      (await get(`/api/aggregates?${query}&groupBy=gradeLevel&measures=tier2`)).body.rows.find(
        (r: { group: { gradeLevel: string } }) => r.group.gradeLevel === '4',
      ).values;
    const [girls, italians] = [
      await row('school=ANPS03000E&sex=F'),
      await row('school=ANPS03000E&sex=F&citizenshipGroup=italiano'),
    ];

    expect(girls).toEqual({ students: 28, tier2: 14 });
    expect(italians).toEqual({ students: 'n.d.', tier2: 'n.d.' });
  });

  test('GET /api/aggregates/trend: when the pair is asked with the production noise, then no month tells whether the other girl missed more than 10 % or 25 %', async () => {
    const get = await asAnalyst(await theSchoolOfTheIssue(), 2);

    const first = (await get(`/api/aggregates/trend?${PAIR}`)).body;
    const second = (await get(`/api/aggregates/trend?${PAIR}&citizenshipGroup=italiano`)).body;

    const [girls, italians, noise] = [first.months, second.months, second.noise ?? 0];
    expect(noise).toBe(2);
    expect(girls.map((m: { month: string }) => m.month)).toEqual(['2025-09', '2025-10']);
    expect(girls[1].values.absentOver25).toBe('<10'); // her month: she is the one over 25 %
    for (const [i, month] of girls.entries()) {
      for (const band of ['absentOver10', 'absentOver25']) {
        if (month.values[band] === 0) continue; // nobody of the wider group: the first answer alone says so
        const [min, max] = difference(month.values[band], italians[i].values[band], 10, noise);
        expect(min <= 0 && max >= 1, `${month.month} ${band}: ${min}..${max}`).toBe(true);
      }
    }
  });

  test('GET /api/aggregates/trend: when the pair is asked without noise, then the narrower request hides its months', async () => {
    const get = await asAnalyst(await theSchoolOfTheIssue(), 0);

    const girls = (await get(`/api/aggregates/trend?${PAIR}`)).body.months;
    const italians = (await get(`/api/aggregates/trend?${PAIR}&citizenshipGroup=italiano`)).body.months;

    expect(girls[1]).toEqual({ month: '2025-10', values: { students: 28, absentOver10: 13, absentOver25: '<10' } });
    expect(italians[1]).toEqual({
      month: '2025-10',
      values: { students: 'n.d.', absentOver10: 'n.d.', absentOver25: '<10' },
    });
  });
});

describe('fairness shares (issue 17, finding 6)', () => {
  test('GET /api/fairness: when a group of 50 has 3 students flagged, then no share gives a count of 1 to 9 back', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E', province_code: 'AN' });
    const cls = await aClass(db, school.id, { name: '3A' });
    const teacher = await aUser(db, 'docente', { classIds: [cls.id] });
    for (let i = 0; i < 90; i++) {
      const s = await aStudent(db, { citizenship: i < 50 ? 'Italia' : 'Albania' });
      if (i >= 50) await db.updateTable('student').set({ born_in_italy: 1 }).where('id', '=', s.id).execute();
      await anEnrolment(db, s.id, cls.id);
      if (i < 3 || i >= 75)
        await db
          .insertInto('flag')
          .values({
            student_id: s.id,
            reason_code: 'assenze',
            reason: 'molte assenze',
            created_by: teacher.id,
            created_at: '2026-01-10T10:00:00.000Z',
            resolved_at: null,
            resolved_by: null,
          })
          .execute();
    }

    for (const noise of [0, 2]) {
      const body = (
        await request(createApp({ db, config: { ...testConfig, aggregateNoise: noise } }))
          .get('/api/fairness')
          .set(await authAs(db, await aUser(db, 'analista')))
      ).body;

      for (const g of body.groups) {
        if (g.shareFlagged === null || typeof g.students !== 'number') continue;
        const flagged = Math.round(g.shareFlagged * g.students);
        expect(flagged === 0 || flagged >= 10, `${g.group}: ${flagged} flagged`).toBe(true);
      }
      // Before: shareFlagged 0.06 of 50 Italians, the 3 flagged.
      expect(body.groups.find((g: { group: string }) => g.group === 'italiano').shareFlagged).toBeNull();
    }
  });
});
