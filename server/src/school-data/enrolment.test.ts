import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { findCurrentSchoolYear } from '../db/current-year';
import { importPaths } from '../imports/import-paths';
import { createTestDb } from '../testing/test-db';
import { buildStudentInputs } from './build-inputs';
import { classOnDate, enrolledDays, hasLeftBy, isEnrolledBetween, isEnrolledOn } from './enrolment';
import { loadSchoolRiskData } from './load-school-data';

// A class change on Monday 2 February 2026: 3A's Data uscita is 3B's Data ingresso.
const CHANGE = '2026-02-02';
const inA = { classId: 1, enteredOn: '2025-09-15', leftOn: CHANGE };
const inB = { classId: 2, enteredOn: CHANGE, leftOn: null };

describe('the enrolment rule at the class-change day', () => {
  test.each([
    ['2025-09-14', undefined], // before the first day in the school
    ['2025-09-15', 1], // Data ingresso is the first day in
    ['2026-01-30', 1], // the last lesson day in 3A
    [CHANGE, 2], // Data uscita of 3A = the first day out: the day is 3B's
    ['2026-02-03', 2],
  ])('classOnDate: when the date is %s, then class %s', (date, classId) => {
    expect(classOnDate([inA, inB], date)).toBe(classId);
  });

  test.each([
    [inA, '2026-02-01', true, false],
    [inA, CHANGE, false, true],
    [inB, CHANGE, true, false],
    [{ enteredOn: '2025-09-15', leftOn: null }, '2026-06-06', true, false],
  ])('isEnrolledOn and hasLeftBy: when %j on %s, then %s and %s', (stay, date, enrolled, left) => {
    expect(isEnrolledOn(stay, date)).toBe(enrolled);
    expect(hasLeftBy(stay, date)).toBe(left);
  });

  test.each([
    [inA, '2026-02-01', '2026-02-28', true], // Sunday 1 February is still 3A's
    [inA, CHANGE, '2026-02-28', false],
    [inB, '2026-01-01', '2026-02-01', false],
    [inB, '2026-01-01', CHANGE, true],
  ])('isEnrolledBetween: when %j over [%s, %s], then %s', (stay, from, to, expected) => {
    expect(isEnrolledBetween(stay, from, to)).toBe(expected);
  });

  test('enrolledDays: when the stay ends, then its last day is the day before Data uscita; open, then Infinity', () => {
    expect(enrolledDays(inA)).toEqual([20346, 20485]); // 2025-09-15 … 2026-02-01
    expect(enrolledDays(inB)).toEqual([20486, Infinity]);
  });
});

describe('the import and the engine at the class-change day', () => {
  test('when a student changes class, then the day of the change is the new class’s for the import (class, hours allowed) and for the engine (hours held)', async () => {
    const db = await createTestDb();
    const dir = mkdtempSync(join(tmpdir(), 'primm-class-change-'));
    cpSync(resolve(repoRoot, 'fixtures/import/generator-format'), dir, { recursive: true });
    const school = join(dir, 'ANPS03000E');
    // 3B has 5 hours a day, Saturday too; Rossi moves from 3A (6 hours a day) on Monday 2 February.
    appendFileSync(join(school, 'classi.csv'), '2025/26;3B;3;liceo;5-5-5-5-5-5;30;990\n');
    const studenti = 'RSSGLI09C54A271T;Rossi;Giulia;F;14/03/2009;ANCONA;Italia;S;;;042002';
    const original = `${studenti};3A;15/09/2025;;\n`;
    writeFileSync(
      join(school, 'studenti.csv'),
      readFileSync(join(school, 'studenti.csv'), 'utf8').replace(
        original,
        `${studenti};3A;15/09/2025;02/02/2026;cambio classe\n${studenti};3B;02/02/2026;;\n`,
      ),
    );
    appendFileSync(
      join(school, 'assenze.csv'),
      [
        'RSSGLI09C54A271T;30/01/2026;assenza;6;S;', // Friday in 3A: 6 hours
        'RSSGLI09C54A271T;02/02/2026;assenza;6;S;', // the change day: 3B's 5 hours, so 6 is too many
        'RSSGLI09C54A271T;03/02/2026;assenza;5;S;',
        '',
      ].join('\n'),
    );

    const summary = await importPaths(db, [dir], { pseudonymKey: 'test-key', source: 'cli', recompute: false });

    expect(summary.errors).toEqual([
      expect.objectContaining({
        file: 'ANPS03000E/assenze.csv',
        column: 'Ore',
        message: 'ore di assenza (6) oltre le ore di lezione del giorno (5)',
      }),
    ]);
    const classes = new Map((await db.selectFrom('class').select(['id', 'name']).execute()).map((c) => [c.id, c.name]));
    const rossi = await db
      .selectFrom('student')
      .select('id')
      .where('last_name', '=', 'Rossi')
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('attendance_event')
      .select(['date', 'class_id'])
      .where('student_id', '=', rossi.id)
      .where('date', '>=', '2026-01-30')
      .orderBy('date')
      .execute();
    expect(events.map((e) => [e.date, classes.get(e.class_id)])).toEqual([
      ['2026-01-30', '3A'],
      ['2026-02-03', '3B'],
    ]);

    const schoolRow = await db.selectFrom('school').select('id').executeTakeFirstOrThrow();
    const data = await loadSchoolRiskData(db, schoolRow.id, (await findCurrentSchoolYear(db))!, {
      studentId: rossi.id,
    });
    const held = buildStudentInputs(data!)[0]!.input.heldLessonDays.filter(
      (d) => d.date >= '2026-01-30' && d.date <= '2026-02-03',
    );
    expect(held).toEqual([
      { date: '2026-01-30', hours: 6 },
      { date: CHANGE, hours: 5 },
      { date: '2026-02-03', hours: 5 },
    ]);
  });
});
