import { expect, test } from 'vitest';
import { FIXTURE_CALENDAR } from '../testing/fixture-calendar';
import { hoursBetween, lessonDays, termSeqOf, weeksOf } from './lesson-calendar';

// The fixture school's calendar (testing/fixture-calendar.ts), Monday–Friday 6 h.
const fixture = { ...FIXTURE_CALENDAR, timetable: [6, 6, 6, 6, 6, 0] };
const days = lessonDays(fixture);

test.each([
  // 20 weeks Mon–Fri = 100 days, minus 08/12 and the 11 weekdays of 23/12–06/01 = 88 days
  ['2025-09-15', '2026-01-30', 528],
  // 02/02–05/06 = 18 weeks = 90 days, minus 02/04, 03/04, 06/04, 07/04, 01/05, 02/06 = 84 days
  ['2026-01-31', '2026-06-06', 504],
  // Christmas: only 22/12, 07/01, 08/01, 09/01
  ['2025-12-22', '2026-01-09', 24],
  ['2025-09-13', '2025-09-14', 0], // the weekend before lessons start
])('hoursBetween: when the fixture calendar runs from %s to %s, then %i hours are held', (from, to, hours) => {
  expect(hoursBetween(days, from, to)).toBe(hours);
});

test.each([
  [[6, 6, 6, 6, 6, 0], 172, 1032], // the whole year: 88 + 84 days
  [[5, 5, 5, 5, 5, 5], 205, 1025], // Saturdays too: 38, minus the closed 01/11, 27/12, 03/01, 04/04, 25/04 = +33
  [[0, 0, 0, 0, 0, 0], 0, 0],
])('lessonDays: when the timetable is %j, then %i lesson days and %i hours', (timetable, count, hours) => {
  const ds = lessonDays({ ...fixture, timetable });

  expect(ds).toHaveLength(count);
  expect(ds.reduce((a, d) => a + d.hours, 0)).toBe(hours);
});

test('weeksOf: when a student enters on a Wednesday, then the first week counts from that day and holiday weeks stay with 0 hours', () => {
  const held = days.filter((d) => d.date >= '2025-12-17' && d.date <= '2026-01-09');

  const weeks = weeksOf(
    held,
    [
      { date: '2026-01-08', hours: 6 },
      { date: '2025-12-16', hours: 6 },
    ],
    '2025-12-17',
    '2026-01-09',
  );

  expect(weeks).toEqual([
    { weekStart: '2025-12-15', hoursHeld: 18, hoursAbsent: 0 }, // Wed–Fri; the absence of 16/12 is before entry
    { weekStart: '2025-12-22', hoursHeld: 6, hoursAbsent: 0 }, // only Monday 22/12
    { weekStart: '2025-12-29', hoursHeld: 0, hoursAbsent: 0 }, // closed
    { weekStart: '2026-01-05', hoursHeld: 18, hoursAbsent: 6 }, // 07–09/01
  ]);
});

test.each([
  ['2025-09-10', 1], // before the first term: the first
  ['2026-01-31', 1],
  ['2026-02-01', 2],
  ['2026-07-01', 2], // after the last: the last
])('termSeqOf: when the day is %s, then term %i', (day, seq) => {
  expect(
    termSeqOf(
      [
        { seq: 1, startsOn: '2025-09-15' },
        { seq: 2, startsOn: '2026-02-01' },
      ],
      day,
    ),
  ).toBe(seq);
});
