import { digestGrades, emptyGradeDigest } from '@primm/shared/risk/grade-digest';
import type { GradeDigest } from '@primm/shared/risk/types';
import { describe, expect, test } from 'vitest';
import type { Db } from '../db/open-database';
import { aClass, aGradeRow, aSchool } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { readClassVersions } from '../school-data/grade-versions';
import { EMPTY_DIGEST_TEXT, parseGradeDigest, serializeGradeDigest } from './grade-digest-store';
import { importFixtureSchool } from '../testing/fixture-school';

describe('serializeGradeDigest / parseGradeDigest', () => {
  const decimals = digestGrades(
    [0.1, 0.2, 7.3].map((value, i) => ({
      date: `2025-10-0${i + 1}`,
      subject: 'MATEMATICA',
      value,
      inAverage: true,
      isConduct: false,
      termSeq: 1,
      kind: 'orale' as const,
    })),
    '2026-01-31',
  );
  test.each<{ name: string; digest: GradeDigest }>([
    { name: 'no grades', digest: emptyGradeDigest() },
    { name: 'sums that are not short decimals (0.1 + 0.2 + 7.3)', digest: decimals },
    {
      name: 'a subject with a "|", quotes and accents, conduct, scrutinio',
      digest: {
        subject: ['LINGUA "FRANCESE" | CIVILTÀ'],
        termSeq: [2],
        n: [0],
        sum: [0],
        sx: [0],
        sxx: [0],
        sxy: [0],
        sn: [1],
        ssum: [5.75],
        first: null,
        last: null,
        conduct: { date: '2026-01-30', value: 6, termSeq: 1 },
      },
    },
  ])('$name: read back equal, and the same text again', ({ digest }) => {
    const text = serializeGradeDigest(digest);

    expect(parseGradeDigest(text)).toEqual(digest);
    expect(serializeGradeDigest(parseGradeDigest(text))).toBe(text);
  });

  test('the empty digest has one text, which is not stored', () => {
    expect(EMPTY_DIGEST_TEXT).toBe('[null,null,null,[],[],[],[],[],[],[],[],[]]');
  });
});

describe("grade_class_version (migration 0012): every change to a class's grades counts, whoever makes it", () => {
  const versionsOf = (db: Db, ...classIds: number[]) => readClassVersions(db, classIds);
  const aGrade = (studentId: number, classId: number, date: string) =>
    aGradeRow(studentId, classId, date, { subject: 'STORIA', raw: '7', value: 7 });

  test('insert, update and delete each move the class on; a class never touched is at 0; a grade moved moves both', async () => {
    const db = await createTestDb();
    const { schoolId, classId, rossi } = await importFixtureSchool(db);
    const other = (await aClass(db, schoolId, { name: '4A' })).id;
    const untouched = (await aClass(db, (await aSchool(db)).id, { name: '1A' })).id;
    const start = Number((await versionsOf(db, classId)).split(':')[1]);
    expect(start).toBeGreaterThan(0); // the import's grades

    await db
      .insertInto('grade')
      .values([aGrade(rossi, classId, '2026-01-28'), aGrade(rossi, classId, '2026-01-29')])
      .execute();
    const afterInsert = Number((await versionsOf(db, classId)).split(':')[1]);
    await db
      .updateTable('grade')
      .set({ value: 4 })
      .where('student_id', '=', rossi)
      .where('date', '=', '2026-01-28')
      .execute();
    const afterUpdate = Number((await versionsOf(db, classId)).split(':')[1]);
    await db
      .updateTable('grade')
      .set({ class_id: other })
      .where('student_id', '=', rossi)
      .where('date', '=', '2026-01-29')
      .execute();
    const [afterMove, otherAfterMove] = (await versionsOf(db, classId, other))
      .split(',')
      .map((v) => Number(v.split(':')[1]));
    await db.deleteFrom('grade').where('class_id', '=', other).execute();

    expect(afterInsert).toBeGreaterThan(start);
    expect(afterUpdate).toBeGreaterThan(afterInsert);
    expect(afterMove).toBeGreaterThan(afterUpdate);
    expect(otherAfterMove).toBeGreaterThan(0);
    expect(Number((await versionsOf(db, other)).split(':')[1])).toBeGreaterThan(otherAfterMove!);
    expect(await versionsOf(db, untouched)).toBe(`${untouched}:0`);
  });

  test('an update that changes no grade row does not move the class', async () => {
    const db = await createTestDb();
    const { classId } = await importFixtureSchool(db);
    const before = await versionsOf(db, classId);

    await db.updateTable('grade').set({ value: 4 }).where('date', '=', '1999-01-01').execute();

    expect(await versionsOf(db, classId)).toBe(before);
  });
});
