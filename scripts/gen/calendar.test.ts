import { describe, expect, test } from 'vitest';
import { buildCalendar, easterSunday, lessonsEnd, lessonsStart } from './calendar.ts';
import { dayOf, toIso } from './dates.ts';

describe('easterSunday', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
  ])('%i → %s', (year, iso) => {
    expect(toIso(easterSunday(year))).toBe(iso);
  });
});

describe('lesson period', () => {
  test.each([
    [2025, '2025-09-15', '2026-06-06'], // Marche 2025/26, delibera regionale
    [2026, '2026-09-14', '2027-06-12'], // 15/9/2026 is a Tuesday → Monday 14; June 2027 starts on a Tuesday
    [2027, '2027-09-13', '2028-06-10'],
  ])('%i: from %s to %s', (year, start, end) => {
    expect(toIso(lessonsStart(year))).toBe(start);
    expect(toIso(lessonsEnd(year))).toBe(end);
  });
});

describe('buildCalendar 2025/26', () => {
  const ancona = buildCalendar('2025/26', 'A271', 'quadrimestri');
  const lesson = new Set(ancona.lessonDays);

  test.each([
    ['2025-12-08', false], // Immacolata
    ['2025-12-25', false], // Christmas break
    ['2026-01-07', true], // back after Epiphany
    ['2026-04-02', false], // Easter break: Thursday before Easter 5/4/2026
    ['2026-04-07', false], // … to the Tuesday after
    ['2026-04-08', true],
    ['2026-05-04', false], // San Ciriaco, patron of Ancona
    ['2026-06-02', false], // Festa della Repubblica
    ['2025-11-03', true],
    ['2025-09-21', false], // a Sunday
  ])('%s is a lesson day: %s', (iso, expected) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(lesson.has(dayOf(y, m, d))).toBe(expected);
  });

  test('when the municipality has no known patron, then 4 May is a lesson day', () => {
    const elsewhere = buildCalendar('2025/26', 'F401', 'trimestre-pentamestre');

    expect(elsewhere.lessonDays).toContain(dayOf(2026, 5, 4));
    expect(elsewhere.terms.map((t) => t.name)).toEqual(['Trimestre', 'Pentamestre']);
  });

  test('quadrimestri split at 31 January', () => {
    expect(ancona.terms.map((t) => [t.name, toIso(t.to)])).toEqual([
      ['Primo quadrimestre', '2026-01-31'],
      ['Secondo quadrimestre', '2026-06-06'],
    ]);
  });
});
