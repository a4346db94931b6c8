import { describe, expect, test } from 'vitest';
import { aCaseSummary } from '../../../testing/fixtures';
import { addDays, mondayOf } from '@primm/shared/dates';
import { dueThisWeek, monthStart, monthWeeks, weekDays } from './follow-up-calendar-data';

test.each([
  ['2026-03-09', '2026-03-09'], // a Monday is its own
  ['2026-03-15', '2026-03-09'], // Sunday belongs to the week that began on Monday
  ['2026-03-01', '2026-02-23'], // across a month
  ['2027-01-01', '2026-12-28'], // and a year
])('mondayOf(%s) → %s', (day, monday) => {
  expect(mondayOf(day)).toBe(monday);
});

test.each([
  ['2026-03-10', 0, '2026-03-01'],
  ['2026-03-31', 1, '2026-04-01'],
  ['2026-01-15', -1, '2025-12-01'],
  ['2026-12-31', 1, '2027-01-01'],
])('monthStart(%s, %i) → %s', (day, months, first) => {
  expect(monthStart(day, months)).toBe(first);
});

describe('monthWeeks', () => {
  test("when March 2026 (starts on a Sunday, 31 days), then six weeks Monday to Sunday, the other months' days marked", () => {
    const weeks = monthWeeks('2026-03-18');

    expect(weeks).toHaveLength(6);
    expect(weeks[0]!.map((d) => d.iso)).toEqual(weekDays('2026-02-23'));
    expect(weeks[0]!.filter((d) => d.inMonth).map((d) => d.iso)).toEqual(['2026-03-01']);
    expect(weeks[5]![1]).toEqual({ iso: '2026-03-31', inMonth: true });
    expect(weeks[5]![2]).toEqual({ iso: '2026-04-01', inMonth: false });
  });

  test('when February 2027 (starts on a Monday, 28 days), then exactly four weeks', () => {
    expect(monthWeeks('2027-02-10').map((w) => w[0]!.iso)).toEqual([
      '2027-02-01',
      '2027-02-08',
      '2027-02-15',
      '2027-02-22',
    ]);
  });
});

describe('dueThisWeek', () => {
  const student = aCaseSummary().student;
  const followUp = (caseId: number, date: string, actionId = caseId * 10) => ({
    caseId,
    actionId,
    date,
    actionType: 'tutoring' as const,
    student,
  });
  const today = '2026-03-11'; // a Wednesday: the week runs 09/03 – 15/03

  test("when follow-ups fall before, inside and after the week, then the week's ones and the overdue case, overdue first", () => {
    const cases = [
      aCaseSummary({ id: 1, nextFollowUp: '2026-02-27', overdue: true }), // due before this week, nothing after: overdue
      aCaseSummary({ id: 2, nextFollowUp: '2026-03-13', overdue: false }),
      aCaseSummary({ id: 3, nextFollowUp: '2026-03-20', overdue: false }), // next week
      aCaseSummary({ id: 4, nextFollowUp: '2026-03-09', overdue: true }), // this Monday, passed: overdue and this week
    ];
    const followUps = [
      followUp(1, '2026-02-27'),
      followUp(2, '2026-03-10'),
      followUp(2, '2026-03-13'),
      followUp(3, '2026-03-20'),
      followUp(4, '2026-03-09'),
    ];

    expect(dueThisWeek(cases, followUps, today).map((d) => [d.caseId, d.date, d.overdue])).toEqual([
      [1, '2026-02-27', true],
      [4, '2026-03-09', true],
      [2, '2026-03-10', false], // passed this week, but a later follow-up is planned: not overdue
      [2, '2026-03-13', false],
    ]);
  });

  test.each([
    ['2026-03-09', true], // Monday: first day of the week
    ['2026-03-15', true], // Sunday: last day
    ['2026-03-16', false],
    ['2026-03-08', false],
  ])('when the only follow-up is on %s, then listed: %s', (date, listed) => {
    const cases = [aCaseSummary({ id: 5, nextFollowUp: date, overdue: false })];

    expect(dueThisWeek(cases, [followUp(5, date)], today)).toHaveLength(listed ? 1 : 0);
  });

  test('addDays: across the end of February in a leap year', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
