import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { AggregateResult, Dimension } from '@primm/shared/contracts/aggregates';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { ensureSchoolYear } from '../imports/load-school';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig, propertyRuns } from '../testing/test-db';

/**
 * A crafted region: ANPS03000E (Ancona) with 20 Italian and 5 foreign-born students, tiers
 * 15 / 7 / 3; PSPS01000A (Pesaro) with 30 Italian students, tiers 20 / 10 / 0.
 */
async function aCraftedRegion(): Promise<{ db: Db; ancona: number; pesaro: number }> {
  const db = await createTestDb();
  const a = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' });
  const p = await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI', province_code: 'PU' });
  const classA = await aClass(db, a.id, { name: '3A' });
  const classP = await aClass(db, p.id, { name: '2B' });
  const add = async (
    cls: { id: number; school_id: number; school_year_id: number },
    n: number,
    tiers: number[],
    citizenship = 'Italia',
  ) => {
    for (let i = 0; i < n; i++) {
      const s = await aStudent(db, { citizenship });
      if (citizenship !== 'Italia')
        await db
          .updateTable('student')
          .set({ born_in_italy: 0, arrival_date: '2015-01-10' })
          .where('id', '=', s.id)
          .execute();
      await anEnrolment(db, s.id, cls.id);
      await db
        .insertInto('risk_result')
        .values({
          student_id: s.id,
          class_id: cls.id,
          school_id: cls.school_id,
          school_year_id: cls.school_year_id,
          as_of: '2026-03-01',
          settings_version: 1,
          tier: tiers[i]!,
          score: tiers[i]!,
          input_hash: `h${s.id}`,
          computed_at: '2026-03-01',
          indicators: JSON.stringify([{ key: 'attendance_rate', value: tiers[i] === 1 ? 0.97 : 0.85 }]),
          attendance_rate: tiers[i] === 1 ? 0.97 : 0.85,
          projected_absence: null,
          failing_subjects: null,
          age_grade_delay: null,
        })
        .execute();
    }
  };
  await add(classA, 20, [...Array(15).fill(1), ...Array(5).fill(2)]);
  await add(classA, 5, [2, 2, 3, 3, 3], 'Albania');
  await add(classP, 30, [...Array(20).fill(1), ...Array(10).fill(2)]);
  return { db, ancona: a.id, pesaro: p.id };
}

const get = async (db: Db, role: 'analista' | 'referente' | 'admin', query: string, scope = {}) =>
  request(createApp({ db, config: testConfig }))
    .get(`/api/aggregates?${query}`)
    .set(await authAs(db, await aUser(db, role, scope)));

describe('GET /api/aggregates', () => {
  test('when grouped by province, then counts of 10 or more are shown, small ones are <10, and one more is hidden to protect them', async () => {
    const { db } = await aCraftedRegion();

    const res = await get(db, 'analista', 'groupBy=province&measures=tier1,tier2,tier3');

    expect(res.status).toBe(200);
    const body = AggregateResult.parse(res.body);
    const an = body.rows.find((r) => r.group.province === 'AN')!;
    const pu = body.rows.find((r) => r.group.province === 'PU')!;
    expect(an.labels.province).toBe('Ancona');
    // AN's 7 and 3 are small, and stay 1–9 each: 25 − 15 = 10 is all they tell together.
    expect(an.values).toEqual({ students: 25, tier1: 15, tier2: '<10', tier3: '<10' });
    expect(pu.values).toEqual({ students: 30, tier1: 20, tier2: 10, tier3: 0 });
    // The total of tier 2 (17) less PU's 10 would give AN's 7: hidden (n.d.).
    expect(body.total).toEqual({ students: 55, tier1: 35, tier2: 'n.d.', tier3: '<10' });
  });

  test('when crossed with the citizenship group, then the 5 foreign-born students are never shown, nor computable from the margins', async () => {
    const { db } = await aCraftedRegion();

    const res = await get(db, 'analista', 'groupBy=province,citizenshipGroup&measures=students');

    const body = AggregateResult.parse(res.body);
    const cell = (p: string, c: string) =>
      body.rows.find((r) => r.group.province === p && r.group.citizenshipGroup === c)?.values.students;
    const margin = (d: 'province' | 'citizenshipGroup', v: string) =>
      body.margins[d]!.find((r) => r.group[d] === v)!.values.students;
    expect(margin('citizenshipGroup', 'straniero_nato_all_estero')).toBe('<10');
    expect(cell('AN', 'straniero_nato_all_estero')).toBeUndefined(); // a margin under 10: its cells are not listed
    expect(cell('AN', 'italiano')).toBe('n.d.'); // AN's margin (25) − 20 would reveal the 5
    expect(margin('citizenshipGroup', 'italiano')).toBe('n.d.'); // the total (55) − 50 too
    // The margins are those of the one-way tables: the same request by province shows them.
    expect([margin('province', 'AN'), margin('province', 'PU'), body.total.students]).toEqual([25, 30, 55]);
  });

  test('when a referent asks, then only their school is counted', async () => {
    const { db, pesaro } = await aCraftedRegion();

    const res = await get(db, 'referente', 'groupBy=school&measures=students', { schoolIds: [pesaro] });

    expect(res.body.rows).toEqual([
      { group: { school: 'PSPS01000A' }, labels: { school: 'MARCONI' }, values: { students: 30 } },
    ]);
  });

  test.each(['docente', 'mediatore'] as const)('when a %s asks, then 403', async (role) => {
    const { db } = await aCraftedRegion();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/aggregates')
      .set(await authAs(db, await aUser(db, role)));

    expect(res.status).toBe(403);
  });

  test('when more than two groupings are asked, then 400', async () => {
    const { db } = await aCraftedRegion();

    const res = await get(db, 'analista', 'groupBy=province,sex,track');

    expect(res.status).toBe(400);
  });

  test('when two dimensions would cross into more than 250 groups, then 400 with a hint to filter, and nothing audited as read', async () => {
    const db = await createTestDb();
    for (let i = 0; i < 130; i++) {
      const school = await aSchool(db, { code: `ANPS${String(i).padStart(4, '0')}E`, province_code: 'AN' });
      const cls = await aClass(db, school.id, { name: '3A' });
      for (const sex of ['M', 'F'] as const) {
        const s = await aStudent(db);
        await db.updateTable('student').set({ sex }).where('id', '=', s.id).execute();
        await anEnrolment(db, s.id, cls.id);
      }
    }

    const res = await get(db, 'analista', 'groupBy=school,sex&measures=students');

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('filtra per provincia o scuola'),
    });
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'aggregates.read').execute()).toEqual(
      [],
    );
  });

  test('property: whatever groupings and filters, no count between 1 and 9 and no personal field comes back (250 runs, a quarter on PostgreSQL)', async () => {
    const { db } = await aCraftedRegion();
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, await aUser(db, 'analista'));
    const dims = Dimension.options;
    const query = fc.record({
      groupBy: fc.uniqueArray(fc.constantFrom(...dims), { maxLength: 2 }),
      province: fc.option(fc.constantFrom('AN', 'PU', 'MC'), { nil: undefined }),
      citizenshipGroup: fc.option(fc.constantFrom('italiano', 'straniero_nato_all_estero', 'neo_arrivato'), {
        nil: undefined,
      }),
      sex: fc.option(fc.constantFrom('M', 'F'), { nil: undefined }),
      gradeLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });

    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams();
        if (q.groupBy.length) params.set('groupBy', q.groupBy.join(','));
        for (const k of ['province', 'citizenshipGroup', 'sex', 'gradeLevel'] as const)
          if (q[k] !== undefined) params.set(k, String(q[k]));
        const res = await request(app).get(`/api/aggregates?${params}`).set(as);
        expect(res.status).toBe(200);
        const text = JSON.stringify(res.body);
        expect(text).not.toMatch(/"(studentId|lastName|firstName|birthDate|pseudonym|id)"/);
        const numbers = [
          res.body.total,
          ...res.body.rows.map((r: { values: object }) => r.values),
          ...Object.values(res.body.margins)
            .flat()
            .map((r) => (r as { values: object }).values),
        ]
          .flatMap((v) => Object.values(v as Record<string, unknown>))
          .filter((v): v is number => typeof v === 'number');
        expect(numbers.filter((n) => n > 0 && n < 10)).toEqual([]);
      }),
      { numRuns: propertyRuns(250) },
    );
  }, 120_000);
});

describe('GET /api/fairness', () => {
  test('when the analyst asks, then groups by citizenship group and sex, small ones suppressed, and no share that the total would give back', async () => {
    const { db } = await aCraftedRegion();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/fairness')
      .set(await authAs(db, await aUser(db, 'analista')));

    expect(res.status).toBe(200);
    expect(res.body.outcomesAvailable).toBe(false);
    expect(res.body.groups).toContainEqual(
      expect.objectContaining({
        dimension: 'citizenshipGroup',
        group: 'straniero_nato_all_estero',
        students: '<10',
        shareTier2plus: null,
      }),
    );
    // 55 students in all (published by /api/aggregates): 50 Italians would give the 5 back.
    expect(res.body.groups).toContainEqual(
      expect.objectContaining({
        dimension: 'citizenshipGroup',
        group: 'italiano',
        students: 'n.d.',
        shareTier2plus: null,
      }),
    );
  });

  test('when a referent asks, then 403', async () => {
    const { db, pesaro } = await aCraftedRegion();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/fairness')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [pesaro] })));

    expect(res.status).toBe(403);
  });
});

describe('GET /api/aggregates/years', () => {
  const years = async (db: Db, role: 'analista' | 'referente' | 'docente', scope = {}) =>
    request(createApp({ db, config: testConfig }))
      .get('/api/aggregates/years')
      .set(await authAs(db, await aUser(db, role, scope)));

  test('when one year has enrolments and a later one only its row, then only the years with data are offered, the latest is the default, and nothing is audited', async () => {
    const { db } = await aCraftedRegion(); // 2025/26
    const old = await aClass(db, (await aSchool(db, { province_code: 'MC' })).id, { year: '2023/24' });
    await anEnrolment(db, (await aStudent(db)).id, old.id);
    await ensureSchoolYear(db, '2026/27', '2026-09-01', '2027-08-31'); // a year row, no class and no enrolment

    const res = await years(db, 'analista');

    expect(res.status).toBe(200);
    // and the year answered by default is the latest with data, not the empty 2026/27
    expect(res.body).toEqual({ years: ['2025/26', '2023/24'], current: '2025/26' });
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([]);
  });

  test('when a referent asks, then only the years of their own schools are offered', async () => {
    const { db, pesaro } = await aCraftedRegion();
    const other = await aClass(db, (await aSchool(db, { province_code: 'FM' })).id, { year: '2024/25' });
    await anEnrolment(db, (await aStudent(db)).id, other.id);

    const res = await years(db, 'referente', { schoolIds: [pesaro] });

    expect(res.body).toEqual({ years: ['2025/26'], current: '2025/26' });
  });

  test('when a teacher asks, then 403', async () => {
    const { db } = await aCraftedRegion();

    const res = await years(db, 'docente');

    expect(res.status).toBe(403);
  });
});
