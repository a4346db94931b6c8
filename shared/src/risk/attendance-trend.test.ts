import { describe, expect, test } from 'vitest';
import { attendanceTrend } from './attendance-trend';
import { DEFAULT_RISK_SETTINGS } from './settings';
import type { WeekAttendance } from './types';

const weeksOf = (absent: number[], held = 30): WeekAttendance[] =>
  absent.map((a, i) => ({
    weekStart: new Date(Date.UTC(2025, 8, 15 + 7 * i)).toISOString().slice(0, 10),
    hoursHeld: held,
    hoursAbsent: a,
  }));
const run = (weeks: WeekAttendance[]) => attendanceTrend({ asOf: '2026-06-30', weeks }, DEFAULT_RISK_SETTINGS);

describe('attendanceTrend', () => {
  test.each([
    // 8 weeks of 30 h: first 4 weeks, last 4 weeks absent hours
    [[0, 0, 0, 0, 0, 0, 0, 0], 0, 'ok'],
    [[0, 0, 0, 0, 3, 3, 3, 3], 5, 'attention'], // recent 10 %, year 5 % → +5 points
    [[0, 0, 0, 0, 2, 2, 2, 2], 3.33, 'ok'], // +3,3 points, recent 6,7 % < 10 %
    [[0, 0, 0, 0, 6, 6, 6, 6], 10, 'attention'], // recent 20 %, year 10 %: one illness in 4 weeks is 20 %, not high
    [[0, 0, 0, 0, 15, 15, 15, 15], 25, 'high'], // recent 50 %, year 25 %
    [[6, 6, 6, 6, 0, 0, 0, 0], -10, 'ok'], // improving
    [[12, 12, 12, 12, 12, 12, 12, 12], 0, 'ok'], // chronic but stable: the rate indicators see it
  ] as const)('when weekly absences are %j, then delta %f points, %s', (absent, delta, level) => {
    const r = run(weeksOf([...absent]));

    expect(r.value).toBeCloseTo(delta, 2);
    expect(r.level).toBe(level);
  });

  test('when fewer than 6 weeks had lessons, then no value', () => {
    expect(run(weeksOf([0, 0, 6, 6, 6]))).toMatchObject({ value: null, level: 'ok' });
  });

  test('when the last weeks were holidays, then the window takes the last 4 weeks with lessons', () => {
    const weeks = [
      ...weeksOf([0, 0, 0, 0, 6, 6, 6, 6]),
      ...weeksOf([0, 0]).map((w, i) => ({ ...w, weekStart: `2026-01-0${i + 1}`, hoursHeld: 0 })),
    ]; // 20 % recent, 10 % year

    const r = run(weeks);

    expect(r.value).toBeCloseTo(10, 6);
    expect(r.explanation).toBe(
      "Nelle ultime 4 settimane di lezione assente il 20 % delle ore, contro il 10 % dell'anno finora: in aumento di 10 punti.",
    );
  });

  test('when weeks after asOf are given, then they are ignored', () => {
    const r = attendanceTrend(
      { asOf: '2025-11-02', weeks: weeksOf([0, 0, 0, 0, 0, 0, 0, 30, 30]) },
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.level).toBe('ok');
  });
});
