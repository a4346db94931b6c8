import { describe, expect, test } from 'vitest';
import { lateEntries } from './late-entries';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, lessonDaysOf } from './test-input';
import type { AttendanceEvent } from './types';

const days = lessonDaysOf({}).map((d) => d.date); // default asOf 30/01/2026: 20 weeks with lessons
const late = (date: string, kind: AttendanceEvent['kind'] = 'entrata_posticipata'): AttendanceEvent => ({
  date,
  kind,
  hours: 1,
  justified: true,
  deroga: null,
});
const mondays = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1);

describe('lateEntries', () => {
  test.each([
    [0, 0, 'ok'],
    [9, 0.45, 'ok'],
    [10, 0.5, 'attention'], // two a month
    [19, 0.95, 'attention'],
    [20, 1, 'high'], // one a week
  ] as const)('when %i late entries in 20 weeks, then %f per week, %s', (n, perWeek, level) => {
    const r = lateEntries(
      aStudent({
        events: days
          .slice(0, n * 5)
          .filter((_, i) => i % 5 === 2)
          .map((d) => late(d)),
      }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.value).toBeCloseTo(perWeek, 6);
    expect(r.level).toBe(level);
  });

  test('when they cluster on Mondays, then the sentence names the weekday', () => {
    const events = [...mondays.slice(0, 8).map((d) => late(d)), late(days[3]!, 'uscita_anticipata')];

    const r = lateEntries(aStudent({ events }), DEFAULT_RISK_SETTINGS);

    expect(r.explanation).toBe(
      '8 entrate posticipate e 1 uscita anticipata in 20 settimane di lezione (0,45 a settimana, 9 ore perse), per lo più di lunedì.',
    );
    expect(r.details?.weekday).toBe('lunedì');
  });

  test('when whole-day absences are present, then they are not late entries', () => {
    const events: AttendanceEvent[] = days
      .slice(0, 40)
      .map((date) => ({ date, kind: 'assenza', hours: 6, justified: false, deroga: null }));

    expect(lateEntries(aStudent({ events }), DEFAULT_RISK_SETTINGS)).toMatchObject({ value: 0, level: 'ok' });
  });

  test('when the student arrived last week, then too few weeks to judge', () => {
    const r = lateEntries(
      aStudent({ enrolledOn: '2026-01-26', events: [late('2026-01-27'), late('2026-01-28')] }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r).toMatchObject({ value: null, level: 'ok' });
  });
});
