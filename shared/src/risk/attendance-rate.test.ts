import { describe, expect, test } from 'vitest';
import { attendanceRate } from './attendance-rate';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, absences, lessonDaysOf } from './test-input';

const days = lessonDaysOf({}).map((d) => d.date); // Mon–Fri from 15/09/2025, 6 h a day
// Default asOf 30/01/2026: 100 lesson days, 600 hours held.

describe('attendanceRate', () => {
  test.each([
    [0, 1, 'ok', 'soddisfacente'],
    [5, 0.95, 'ok', 'soddisfacente'], // exactly 95 %
    [6, 0.94, 'ok', 'a_rischio'],
    [10, 0.9, 'ok', 'a_rischio'], // 90 % is not yet chronic
    [11, 0.89, 'attention', 'cronica'],
    [20, 0.8, 'attention', 'cronica'],
    [21, 0.79, 'attention', 'cronica'], // Balfanz's < 80 % was high until issue 18
    [25, 0.75, 'attention', 'cronica'], // exactly ¾ attended: still a valid pace
    [26, 0.74, 'high', 'cronica_grave'], // below ¾: the year is lost at this pace (DPR 122/2009 art. 14)
  ] as const)('when absent %i days of 100, then rate %f, %s (%s)', (n, rate, level, band) => {
    const r = attendanceRate(aStudent({ events: absences(days.slice(0, n)) }), DEFAULT_RISK_SETTINGS);

    expect(r.value).toBeCloseTo(rate, 6);
    expect(r.level).toBe(level);
    expect(r.details?.band).toBe(band);
  });

  test('when lessons have not started for the student, then no value and ok', () => {
    const r = attendanceRate(aStudent({ asOf: '2025-09-14' }), DEFAULT_RISK_SETTINGS);

    expect(r).toMatchObject({ value: null, level: 'ok' });
  });

  test('when absences are justified or in deroga, then they still count (chronic absence counts every absence)', () => {
    const r = attendanceRate(
      aStudent({ events: absences(days.slice(0, 30), { justified: true, deroga: 'salute' }) }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r).toMatchObject({ value: 0.7, level: 'high' });
    expect(r.explanation).toBe(
      'Presente il 70 % delle ore finora (assente 180 su 600): assenza cronica grave (presenza sotto la soglia: 75 %).',
    );
  });

  test('when the student arrived in March, then only hours from entry count and earlier events are ignored', () => {
    const r = attendanceRate(
      aStudent({
        asOf: '2026-03-31',
        enrolledOn: '2026-03-02',
        events: absences(['2026-01-12', '2026-03-10', '2026-03-11']),
      }),
      DEFAULT_RISK_SETTINGS,
    );

    // March 2026 has 22 weekdays → 132 hours; 12 hours absent.
    expect(r.details).toMatchObject({ hoursHeld: 132, hoursAbsent: 12 });
    expect(r.level).toBe('ok');
  });

  test('when the class has holidays, then closed days are not held hours', () => {
    const withHolidays = aStudent({ closures: [['2025-12-22', '2026-01-06']] });
    const r = attendanceRate({ ...withHolidays, attendanceEvents: absences(days.slice(0, 10)) }, DEFAULT_RISK_SETTINGS);

    // 100 weekdays minus 12 weekdays of Christmas break (22/12–06/01) = 88 days, 528 hours.
    expect(r.details).toMatchObject({ hoursHeld: 528, hoursAbsent: 60 });
    expect(r.level).toBe('attention');
  });

  test.each([
    [5, 'ok', 'frequenza regolare.'],
    // 90–95 %, level ok: the words must not alarm ("vicino all'assenza cronica" sat beside "nella norma").
    [7, 'ok', "sotto il 95 %, ma sopra la soglia dell'assenza cronica (90 %)."],
    [12, 'attention', 'assenza cronica (presenza sotto la soglia: 90 %).'],
  ] as const)('when absent %i days of 100, then %s and the sentence ends "%s"', (n, level, tail) => {
    const r = attendanceRate(aStudent({ events: absences(days.slice(0, n)) }), DEFAULT_RISK_SETTINGS);

    expect(r.level).toBe(level);
    expect(r.explanation.endsWith(tail)).toBe(true);
  });
});
