import { resolve } from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import { AggregateQuery } from '@primm/shared/contracts/aggregates';
import { createApp } from '../app';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';
import { importPaths } from '../imports/import-paths';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { aRandomRegion } from './random-region';
import { readDataVersion } from './result-cache';
import { loadStudentFacts, tabulate } from './testing/in-memory-counts';

// Threshold 1: every count is published, so a change of one student shows.
const config = { ...testConfig, minCell: 1 };
const asAnalyst = async (db: Db) => authAs(db, await aUser(db, 'analista'));
const auditActions = async (db: Db) =>
  (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);

describe('cached aggregates', () => {
  // The four readings only read: one region for them all (a region costs seconds on PostgreSQL),
  // made in beforeAll so that it is the file's database, not the first test's (which is given
  // back, and reset, when that test ends: test-db.ts).
  let region: Db;
  beforeAll(async () => {
    region = await createTestDb();
    await aRandomRegion(region, 11);
  });
  const sharedRegion = async () => region;

  test.each([
    'groupBy=province',
    'groupBy=school,citizenshipGroup&measures=tier1,tier2,tier3',
    'groupBy=gradeLevel&province=AN&sex=F',
    '',
  ])(
    'GET /api/aggregates?%s: when counted in SQL, then the body equals the in-memory tabulation of every student (threshold 10)',
    async (query) => {
      const db = await sharedRegion();
      const year = await db
        .selectFrom('school_year')
        .select(['id', 'label'])
        .where('label', '=', '2025/26')
        .executeTakeFirstOrThrow();
      const filters = AggregateQuery.parse(Object.fromEntries(new URLSearchParams(query)));
      const names = new Map(
        (await db.selectFrom('school').select(['code', 'name']).execute()).map((s) => [s.code, s.name]),
      );
      const provinces = new Map(
        (await db.selectFrom('province').select(['code', 'name']).execute()).map((p) => [p.code, p.name]),
      );

      const res = await request(createApp({ db, config: testConfig }))
        .get(`/api/aggregates?${query}`)
        .set(await asAnalyst(db));

      expect(res.status).toBe(200);
      // The cross-query rule compares with the request less each of its filters, counted the same way.
      const coarser = await Promise.all(
        (['province', 'sex'] as const)
          .filter((f) => filters[f] !== undefined)
          .map((f) => loadStudentFacts(db, year, { ...filters, [f]: undefined })),
      );
      expect(res.body).toEqual(
        tabulate(await loadStudentFacts(db, year, filters), {
          year: '2025/26',
          groupBy: filters.groupBy,
          measures: filters.measures,
          threshold: 10,
          coarser,
          labels: (d, v) => (d === 'school' ? (names.get(v) ?? v) : d === 'province' ? (provinces.get(v) ?? v) : v),
        }),
      );
    },
  );

  test('when a school is imported after a first read, then the next read counts its students, and every read is audited', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 3, 40);
    const app = createApp({ db, config });
    const as = await asAnalyst(db);
    const before = await request(app).get('/api/aggregates?groupBy=province').set(as);
    const again = await request(app).get('/api/aggregates?groupBy=province').set(as);
    const version = await readDataVersion(db);

    await importPaths(db, [resolve(repoRoot, 'fixtures/import/generator-format')], {
      pseudonymKey: 'test-key',
      source: 'cli',
    });
    const after = await request(app).get('/api/aggregates?groupBy=province').set(as);

    expect(again.body).toEqual(before.body);
    expect(after.body.total.students).toBe(before.body.total.students + 3); // studenti.csv: 3 students of ANPS03000E (AN)
    const an = (body: typeof before.body) =>
      body.rows.find((r: { group: { province: string } }) => r.group.province === 'AN').values.students;
    expect(an(after.body)).toBe(an(before.body) + 3);
    expect(after.body).toEqual(
      (await request(createApp({ db, config })).get('/api/aggregates?groupBy=province').set(as)).body,
    ); // as uncached
    expect(await readDataVersion(db)).toBeGreaterThan(version);
    expect(await auditActions(db)).toEqual([
      'aggregates.read',
      'aggregates.read',
      'aggregates.read',
      'aggregates.read',
    ]);
  });

  test('when two instances share the database and a teacher flags a student through the other one, then the first one counts the flag', async () => {
    const db = await createTestDb();
    const { schoolIds } = await aRandomRegion(db, 5, 30);
    const [one, two] = [createApp({ db, config }), createApp({ db, config })];
    const as = await asAnalyst(db);
    const read = async () =>
      (await request(one).get('/api/aggregates?measures=flagged').set(as)).body.total.flagged as number;
    const flagged = await read();
    const student = await db
      .selectFrom('student')
      .innerJoin('enrolment', 'enrolment.student_id', 'student.id')
      .innerJoin('class', 'class.id', 'enrolment.class_id')
      .select(['student.id', 'class.id as class_id'])
      .where('class.school_id', '=', schoolIds[0]!)
      .where(
        'class.school_year_id',
        '=',
        (await db.selectFrom('school_year').select('id').where('label', '=', '2025/26').executeTakeFirstOrThrow()).id,
      )
      .where('student.id', 'not in', db.selectFrom('flag').select('student_id'))
      .orderBy('enrolment.entered_on', 'desc')
      .orderBy('enrolment.id', 'desc')
      .executeTakeFirstOrThrow();
    // The latest stay of that student decides where they count; a teacher of that class flags them.
    const teacher = await aUser(db, 'docente', { classIds: [student.class_id] });

    const flag = await request(two)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'assenze', reason: 'molte assenze' });

    expect(flag.status).toBe(201);
    expect(await read()).toBe(flagged + 1);
  });

  test('GET /api/fairness: when students are corrected between two reads, then the second read counts them in their new group', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 9, 60);
    const app = createApp({ db, config });
    const as = await asAnalyst(db);
    const italians = async () =>
      (await request(app).get('/api/fairness').set(as)).body.groups.find(
        (g: { group: string }) => g.group === 'italiano',
      ).students as number;
    const first = await italians();

    const corrected = await db
      .updateTable('student')
      .set({ citizenship: 'Italia' })
      .where('citizenship', '=', 'Albania')
      .executeTakeFirst();

    expect(Number(corrected.numUpdatedRows)).toBeGreaterThan(0);
    expect(await italians()).toBe(first + Number(corrected.numUpdatedRows));
    expect(await auditActions(db)).toEqual(['fairness.read', 'fairness.read']);
  });

  test('GET /api/aggregates/trend: when absences are imported after a first read, then the month shows them', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E', province_code: 'AN' });
    const cls = await aClass(db, school.id, { name: '3A' });
    await db
      .insertInto('school_calendar')
      .values({
        school_id: school.id,
        school_year_id: cls.school_year_id,
        lessons_start: '2025-09-15',
        lessons_end: '2026-06-06',
      })
      .execute();
    const students = [];
    for (let i = 0; i < 12; i++) {
      const s = await aStudent(db);
      await anEnrolment(db, s.id, cls.id);
      students.push(s.id);
    }
    // One late entry on 30/09 carries the data to the end of September (12 lesson days, 72 hours).
    const event = (studentId: number, date: string, hours: number) => ({
      student_id: studentId,
      class_id: cls.id,
      date,
      kind: 'assenza' as const,
      hours,
      justified: 0,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    });
    await db
      .insertInto('attendance_event')
      .values({ ...event(students[0]!, '2025-09-30', 1), kind: 'entrata_posticipata' })
      .execute();
    const app = createApp({ db, config });
    const as = await asAnalyst(db);
    const september = async () => (await request(app).get('/api/aggregates/trend').set(as)).body.months[0];
    const before = await september();

    await db
      .insertInto('attendance_event')
      .values(students.slice(0, 4).flatMap((id) => ['2025-09-22', '2025-09-23'].map((d) => event(id, d, 6))))
      .execute();

    expect(before).toEqual({ month: '2025-09', values: { students: 12, absentOver10: 0, absentOver25: 0 } });
    expect(await september()).toEqual({ month: '2025-09', values: { students: 12, absentOver10: 4, absentOver25: 0 } }); // 12 of 72 hours: 17 %
  });
});
