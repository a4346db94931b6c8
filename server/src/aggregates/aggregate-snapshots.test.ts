import { describe, expect, test } from 'vitest';
import type { AggregateResult } from '@primm/shared/contracts/aggregates';
import { publishSnapshot, regionPeriodEnds, sameDateYearBefore, snapshotKey } from './aggregate-snapshots';
import { publishCounts, type GroupCount } from './publish-counts';
import { mulberry32 } from './random-region';
import { createTestDb } from '../testing/test-db';
import { aClass, aSchool } from '../testing/factories';

type Student = { group: string; entered: number; flagged: boolean; tier2: boolean };

/** The table of the students entered by cut `t` (0, 1: period ends; 2: the year as now). */
function countAt(students: Student[], t: number): GroupCount[] {
  const byGroup = new Map<string, GroupCount>();
  for (const s of students.filter((x) => x.entered <= t)) {
    const cell = byGroup.get(s.group) ?? { key: [s.group], values: { students: 0, flagged: 0, tier2: 0 } };
    cell.values.students! += 1;
    if (s.flagged) cell.values.flagged! += 1;
    if (s.tier2) cell.values.tier2! += 1;
    byGroup.set(s.group, cell);
  }
  return [...byGroup.values()];
}

const options = {
  year: '2024/25',
  groupBy: ['province' as const],
  threshold: 10,
  noise: 0,
  labels: (_: string, v: string) => v,
};

/** Every published number with its raw count, by "group|measure" ("total|…" for the total). */
function publishedCells(body: AggregateResult, raw: GroupCount[]): Map<string, number> {
  const out = new Map<string, number>();
  const rawOf = (group: string | null, m: string) =>
    group === null
      ? raw.reduce((n, c) => n + (c.values[m] ?? 0), 0)
      : (raw.find((c) => c.key[0] === group)?.values[m] ?? 0);
  for (const [m, v] of Object.entries(body.total)) if (typeof v === 'number') out.set(`total|${m}`, rawOf(null, m));
  for (const row of body.rows)
    for (const [m, v] of Object.entries(row.values))
      if (typeof v === 'number') out.set(`${row.group.province}|${m}`, rawOf(row.group.province!, m));
  return out;
}

describe('publishSnapshot', () => {
  // Property (issue 22.3): a year's snapshots and the year as counted now nest (a student counts
  // once enrolled); whichever two of them a reader sets side by side, no cell published in both
  // differs by 1–9 students: the few enrolled in between are never isolated by subtraction.
  test('when any two of a year’s snapshots and its live table are differenced, then no published cell gives a group of 1–9 students (80 random regions)', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const random = mulberry32(seed);
      const students: Student[] = [];
      for (const group of ['AN', 'MC', 'PU'].slice(0, 2 + Math.floor(random() * 2))) {
        const n = 5 + Math.floor(random() * 40);
        for (let i = 0; i < n; i++) {
          // Most enrolled from September, a few between the period ends and after the last.
          const r = random();
          students.push({
            group,
            entered: r < 0.75 ? 0 : r < 0.9 ? 1 : 2,
            flagged: random() < 0.3,
            tier2: random() < 0.4,
          });
        }
      }
      const chain = [countAt(students, 0), countAt(students, 1)];
      const now = countAt(students, 2);
      const published = [
        publishedCells(publishSnapshot(chain, 0, { now, coarserThen: [] }, options), chain[0]!),
        publishedCells(publishSnapshot(chain, 1, { now, coarserThen: [] }, options), chain[1]!),
        publishedCells(publishCounts(now, options), now),
      ];

      for (const [i, a] of published.entries())
        for (const b of published.slice(i + 1))
          for (const [cell, raw] of a) {
            const other = b.get(cell);
            if (other === undefined) continue;
            const d = Math.abs(other - raw);
            expect({ seed, cell, d }).toEqual({ seed, cell, d: d === 0 || d >= 10 ? d : 'a group of 1–9' });
          }
    }
  });
});

describe('snapshot dates', () => {
  test.each([
    ['2026-03-01', '2025-03-01'],
    ['2028-02-29', '2027-02-28'], // no 29 February the year before
    ['2025-09-15', '2024-09-15'],
  ])('sameDateYearBefore: %s → %s', (date, expected) => {
    expect(sameDateYearBefore(date)).toBe(expected);
  });

  test('snapshotKey: when measures, year or the order of filters differ, then the key is the same table’s', () => {
    expect(snapshotKey({ groupBy: ['school'], province: 'AN', measures: ['students'], year: '2024/25' })).toBe(
      snapshotKey({ province: 'AN', groupBy: ['school'] }),
    );
    expect(snapshotKey({ groupBy: ['school'] })).not.toBe(snapshotKey({ groupBy: ['school'], province: 'AN' }));
  });

  test('regionPeriodEnds: when schools have quadrimestri and trimestri, then each period ends when every school has closed it, the last with the lessons', async () => {
    const db = await createTestDb();
    const [quad, tri] = [await aSchool(db), await aSchool(db)];
    const yearId = (await aClass(db, quad.id)).school_year_id;
    await db
      .insertInto('school_calendar')
      .values([
        { school_id: quad.id, school_year_id: yearId, lessons_start: '2025-09-15', lessons_end: '2026-06-06' },
        { school_id: tri.id, school_year_id: yearId, lessons_start: '2025-09-15', lessons_end: '2026-06-10' },
      ])
      .execute();
    const term = (school_id: number, seq: number, ends_on: string) => ({
      school_id,
      school_year_id: yearId,
      seq,
      name: `${seq}`,
      starts_on: '2025-09-15',
      ends_on,
    });
    await db
      .insertInto('term')
      .values([
        term(quad.id, 1, '2026-01-31'),
        term(quad.id, 2, '2026-06-30'),
        term(tri.id, 1, '2025-12-22'),
        term(tri.id, 2, '2026-03-20'),
        term(tri.id, 3, '2026-06-10'),
      ])
      .execute();

    // term 2 ends 30 June in the calendar of the first school, whose lessons end on 6 June
    expect(await regionPeriodEnds(db, yearId)).toEqual(['2026-01-31', '2026-06-06', '2026-06-10']);
  });
});
