import { describe, expect, test } from 'vitest';
import { assessStudent } from './assess-student';
import { disengagement } from './disengagement';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { aStudent, absences, lessonDaysOf } from './test-input';
import type { AttendanceEvent } from './types';

const days = lessonDaysOf({}).map((d) => d.date); // Mon–Fri from 15/09/2025, 6 h a day
const asOf = '2026-01-30'; // a Friday; the last two weeks with lessons: 19/01–30/01 (10 days, 60 h)
const lastDays = (n: number) => days.filter((d) => d <= asOf).slice(-n);
const hoursOn = (dates: string[], hours: number): AttendanceEvent[] =>
  dates.map((date) => ({ date, kind: 'entrata_posticipata', hours, justified: false, deroga: null }));
const run = (events: AttendanceEvent[], settings: RiskSettings = DEFAULT_RISK_SETTINGS) =>
  disengagement(aStudent({ asOf, events }), settings);

describe('disengagement', () => {
  test.each([
    ['no absence', [], 0, 'ok'],
    ['8 whole days of the last 10 (80 %)', absences(lastDays(10).slice(0, 8)), 0.8, 'high'],
    ['7 whole days of the last 10 (70 %)', absences(lastDays(10).slice(0, 7)), 0.7, 'ok'],
    ['5 hours of 6 on each of the last 10 days (83 %)', hoursOn(lastDays(10), 5), 5 / 6, 'high'], // never a whole day, still away
    ['the last 5 lesson days in a row, whole days', absences(lastDays(5)), 0.5, 'high'], // 50 % of the window, but 5 days running
    ['4 days in a row, then back today', absences(lastDays(5).slice(0, 4)), 0.4, 'ok'],
    ['5 days in a row last week, back this week', absences(lastDays(10).slice(0, 5)), 0.5, 'ok'], // not in progress
  ] as const)('when %s, then share %f, %s', (_name, events, share, level) => {
    const r = run([...events]);

    expect(r.value).toBeCloseTo(share, 6);
    expect(r.level).toBe(level);
  });

  test('when a day has an absence and a late entry, in any order, then they add up as one day', () => {
    const inOrder = [...absences(lastDays(5).slice(0, 4)), ...hoursOn(lastDays(1), 2), ...hoursOn(lastDays(1), 4)];

    const shuffled = run([inOrder[4]!, inOrder[1]!, inOrder[5]!, inOrder[0]!, inOrder[3]!, inOrder[2]!]);

    expect(shuffled).toEqual(run(inOrder));
    expect(shuffled.details).toMatchObject({ daysInRow: 5, hoursAbsent: 30 });
  });

  test('when the days away are in deroga (documented illness), then it is not disengagement', () => {
    const r = run(absences(lastDays(10), { justified: true, deroga: 'salute' }));

    expect(r).toMatchObject({ value: 0, level: 'ok' });
  });

  test('when the days away are only justified by the family, then they count', () => {
    expect(run(absences(lastDays(10), { justified: true })).level).toBe('high');
  });

  test('when the window spans the Christmas holidays, then the holiday weeks are skipped', () => {
    const closures: [string, string][] = [['2025-12-22', '2026-01-06']];
    const beforeHolidays = lessonDaysOf({ closures })
      .map((d) => d.date)
      .filter((d) => d <= '2026-01-09');
    // asOf Friday 09/01: the week of 05/01 had 7–9 January only; the window is that and 15–19/12.
    const r = disengagement(
      aStudent({ asOf: '2026-01-09', closures, events: absences(beforeHolidays.slice(-8)) }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.details).toMatchObject({ weeks: 2, hoursHeld: 48, hoursAbsent: 48 });
    expect(r.level).toBe('high');
  });

  test.each([
    [{ minShare: 0.6 }, absences(lastDays(10).slice(0, 7)), 'high'],
    [{ minConsecutiveDays: 3 }, absences(lastDays(3)), 'high'],
    [{ windowWeeks: 1 }, absences(lastDays(4)), 'high'], // 4 of the last week's 5 days
  ] as const)('when the settings are %j, then the thresholds follow them', (change, events, level) => {
    const settings = { ...DEFAULT_RISK_SETTINGS, disengagement: { ...DEFAULT_RISK_SETTINGS.disengagement, ...change } };

    expect(run([...events], settings).level).toBe(level);
  });

  test.each([
    [
      'share',
      absences(lastDays(10).slice(0, 9)),
      'Disimpegno in corso: assente il 90 % delle ore delle ultime 2 settimane di lezione (54 su 60; soglia 80 %).',
    ],
    [
      'run',
      absences(lastDays(6)),
      'Disimpegno in corso: assente per intero 6 giorni di lezione di fila, dal 23/01/2026 (soglia: 5 giorni).',
    ],
    [
      'ok',
      absences(lastDays(10).slice(0, 2)),
      'Nelle ultime 2 settimane di lezione assente il 20 % delle ore: nessun segno di disimpegno in corso.',
    ],
  ] as const)('when %s, then the sentence', (_name, events, sentence) => {
    expect(run([...events]).explanation).toBe(sentence);
  });

  test('when a student has been away every hour of the last four weeks but had a good autumn, then level 3 "disimpegno in corso", whatever the year average', () => {
    const r = assessStudent(aStudent({ asOf, events: absences(days.filter((d) => d >= '2026-01-05' && d <= asOf)) }));

    expect(r.indicators.find((i) => i.key === 'attendance_rate')!.level).not.toBe('high'); // 80 % of the year attended
    expect(r.tier).toBe(3);
    expect(r.tierExplanation).toBe('Livello 3: disimpegno in corso.');
    expect(r.reasons[0]).toMatchObject({ key: 'disengagement', level: 'high' });
  });
});
