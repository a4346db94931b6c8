import { describe, expect, test } from 'vitest';
import { absenceProjection } from './absence-projection';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, absences, lessonDaysOf } from './test-input';

const days = lessonDaysOf({}).map((d) => d.date);
// Calendar: 190 lesson days × 6 h = 1 140 h, limit 285 h. asOf 30/01/2026: 600 h held, 540 h to come.

describe('absenceProjection', () => {
  test.each([
    [0, 0, 'ok'],
    [19, 0.19, 'ok'], // 114 h of 600 → 19 % projected
    [20, 0.2, 'ok'], // exactly 20 % is not above it
    [21, 0.21, 'attention'],
    [25, 0.25, 'attention'], // exactly the limit, projected
    [26, 0.26, 'high'],
  ] as const)('when absent %i days of 100, then projected share %f, %s', (n, share, level) => {
    const r = absenceProjection(aStudent({ events: absences(days.slice(0, n)) }), DEFAULT_RISK_SETTINGS);

    expect(r.value).toBeCloseTo(share, 6);
    expect(r.level).toBe(level);
  });

  test('when the pace crosses the limit, then the sentence gives rate, hours, limit and the date', () => {
    // 30 days = 180 h of 600 (30 %): +1,8 h per remaining day, 285 − 180 = 105 h → the 59th day after asOf.
    const r = absenceProjection(aStudent({ events: absences(days.slice(0, 30)) }), DEFAULT_RISK_SETTINGS);

    expect(r.level).toBe('high');
    expect(r.details?.crossingDate).toBe(days[100 + 58]);
    // The 30 days were at the start of the year: at the pace of the last 4 weeks (none) the year ends within the limit.
    expect(r.explanation).toBe(
      `Assente il 30 % delle ore finora (180 su 600): a questo ritmo supererà il limite di 285 ore verso il 23/04/2026. Al ritmo delle ultime 4 settimane (assente il 0 % delle ore) arriverebbe a circa 180 ore (16 % del monte ore).`,
    );
  });

  test('when the student is already over the limit, then high without a crossing date', () => {
    const r = absenceProjection(aStudent({ events: absences(days.slice(0, 48)) }), DEFAULT_RISK_SETTINGS);

    expect(r.level).toBe('high');
    expect(r.details).toMatchObject({ alreadyOver: true, crossingDate: null, countedHours: 288 });
    expect(r.explanation).toMatch(/^Già 288 ore di assenza, oltre il limite di 285/);
  });

  test('when all absences are in deroga, then nothing is counted and the deroga hours are named apart', () => {
    const r = absenceProjection(
      aStudent({ events: absences(days.slice(0, 48), { justified: true, deroga: 'salute' }) }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r).toMatchObject({ value: 0, level: 'ok' });
    expect(r.details).toMatchObject({ countedHours: 0, derogaHours: 288 });
    expect(r.explanation).toContain('Altre 288 ore sono in deroga (il consiglio di classe può non conteggiarle).');
  });

  test('when absences are only justified by the family, then they still count toward the limit', () => {
    const r = absenceProjection(
      aStudent({ events: absences(days.slice(0, 30), { justified: true }) }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.level).toBe('high');
  });

  test('when fewer than 60 hours have been held, then the projection is shown but not scored', () => {
    // asOf Friday 26/09: 10 days, 60 h… one day less: 54 h, 2 days absent = 22 % projected.
    const r = absenceProjection(
      aStudent({ asOf: '2025-09-25', events: absences(days.slice(0, 2)) }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.level).toBe('ok');
    expect(r.details?.reliable).toBe(false);
    expect(r.explanation).toContain('Troppo presto per una proiezione affidabile');
  });

  test('when the student arrived in March, then the personalised hours from entry are the base', () => {
    const march = lessonDaysOf({})
      .filter((d) => d.date >= '2026-03-02')
      .map((d) => d.date);
    const input = aStudent({ asOf: '2026-03-31', enrolledOn: '2026-03-02', events: absences(march.slice(0, 6)) });

    const r = absenceProjection(input, DEFAULT_RISK_SETTINGS);

    // Entry 02/03 to 05/06: 70 days, 420 h personalised, limit 105 h; 36 h absent of 132 (27 %).
    expect(input.annualHours).toBe(420);
    expect(r.details).toMatchObject({ limitHours: 105, countedHours: 36, hoursHeld: 132 });
    expect(r.level).toBe('high');
  });

  test('when the class has holidays, then the crossing date skips the closed days', () => {
    const closures: [string, string][] = [['2026-04-02', '2026-04-07']]; // Easter
    const open = aStudent({ events: absences(days.slice(0, 30)) });
    const closed = aStudent({ closures, events: absences(days.slice(0, 30)), annualHours: 1140 });

    const a = absenceProjection(open, DEFAULT_RISK_SETTINGS).details?.crossingDate;
    const b = absenceProjection(closed, DEFAULT_RISK_SETTINGS).details?.crossingDate;

    // 4 weekdays closed before the crossing: the date moves 4 lesson days later.
    expect(a).toBe('2026-04-23');
    expect(b).toBe('2026-04-29');
  });

  test("when a transfer arrives mid-year with the previous school's absences imported, then they count", () => {
    const input = aStudent({ events: absences(days.slice(0, 30)) }); // events from both schools, same year

    expect(absenceProjection(input, DEFAULT_RISK_SETTINGS).level).toBe('high');
  });

  test('when the student was away every hour of the last four weeks, then the second figure at that pace crosses the limit and the level is at least attention', () => {
    // Present until 31/12, absent every lesson day of January to asOf 30/01 (22 days, 132 h of 600: 22 %).
    const january = days.filter((d) => d >= '2026-01-01' && d <= '2026-01-30');
    const r = absenceProjection(aStudent({ events: absences(january) }), DEFAULT_RISK_SETTINGS);

    expect(r.value).toBeCloseTo(0.22, 6); // at the year's pace: 22 % projected, attention (within the limit)
    expect(r.details).toMatchObject({ recentWeeks: 4, recentRate: 1, recentCrossingDate: '2026-03-09' }); // 153 h to the limit: 26 lesson days
    expect(r.level).toBe('attention');
    expect(r.explanation).toContain(
      'Al ritmo delle ultime 4 settimane (assente il 100 % delle ore) supererebbe il limite verso il 09/03/2026.',
    );
  });

  test.each([
    [0, 'ok'], // no absence at all: the year's pace and the recent one agree, no second figure
  ] as const)('when absent %i days, then %s and no second figure', (n, level) => {
    const r = absenceProjection(aStudent({ events: absences(days.slice(0, n)) }), DEFAULT_RISK_SETTINGS);

    expect(r.level).toBe(level);
    expect(r.explanation).not.toContain('Al ritmo delle ultime');
  });

  test('when the year pace is fine but the last weeks cross the limit, then attention (not high: disengagement is the indicator for that)', () => {
    // 12 days absent in the last 4 weeks (20 lesson days): 72 h of 600 so far (12 %), 60 % recently.
    const recent = days.filter((d) => d >= '2026-01-05' && d <= '2026-01-30').slice(-12);
    const r = absenceProjection(aStudent({ events: absences(recent) }), DEFAULT_RISK_SETTINGS);

    expect(r.value).toBeLessThan(0.2);
    expect(r.level).toBe('attention');
  });
});
