import { expect, test } from 'vitest';
import { defaultSubject, shapeGradesChart } from './grades-chart-data';

const grades = [
  {
    subject: 'Matematica',
    points: [
      { date: '2025-11-20', value: 4.75, raw: '5-', kind: 'scritto' },
      { date: '2025-10-14', value: 5.5, raw: '5½', kind: 'scritto' },
      { date: '2025-12-01', value: null, raw: 'NC', kind: 'orale' },
    ],
  },
  { subject: 'Inglese', points: [{ date: '2025-10-10', value: 7, raw: '7', kind: 'orale' }] },
  {
    subject: 'Religione cattolica',
    points: [
      { date: '2025-10-02', value: null, raw: 'buono', kind: 'orale' },
      { date: '2025-11-06', value: null, raw: 'distinto', kind: 'orale' },
      { date: '2026-01-15', value: null, raw: 'ottimo', kind: 'orale' },
    ],
  },
];

test.each([
  ['Matematica', ['2025-10-14', '2025-11-20'], [5.5, 4.75]], // date order; NC left out of the line
  ['Inglese', ['2025-10-10'], [7]],
  ['Storia', [], []], // not a subject of the student
])('shapeGradesChart: when %s is selected, then the line has dates %j and values %j', (subject, dates, values) => {
  const shaped = shapeGradesChart(grades, subject);

  expect(shaped.data.map((p) => p.date)).toEqual(dates);
  expect(shaped.data.map((p) => p.value)).toEqual(values);
  expect(shaped.subjects).toEqual([
    { subject: 'Matematica', count: 2, average: 5.13, belowPass: 2, unvalued: 1 }, // (5.5 + 4.75) / 2 = 5.125
    { subject: 'Inglese', count: 1, average: 7, belowPass: 0, unvalued: 0 },
    { subject: 'Religione cattolica', count: 0, average: null, belowPass: 0, unvalued: 3 }, // three judgements, no average
  ]);
});

const subject = (name: string, values: (number | null)[]) => ({
  subject: name,
  points: values.map((value, i) => ({
    date: `2025-10-${String(10 + i).padStart(2, '0')}`,
    value,
    raw: String(value ?? 'buono'),
    kind: 'orale',
  })),
});

test.each([
  // the case: conduct has one point and comes first in alphabetical order
  [[subject('COMPORTAMENTO', [8]), subject('GRECO', [6, 5.5, 7]), subject('LATINO', [5, 5.25])], 'LATINO'],
  // the weakest with a line; a one-grade 4 draws no line
  [[subject('ARTE', [4]), subject('FISICA', [7, 8]), subject('STORIA', [6, 6.5])], 'STORIA'],
  // same average: the one with more grades
  [[subject('A', [5, 7]), subject('B', [6, 6, 6])], 'B'],
  // no subject with two grades: the one with the most
  [[subject('RELIGIONE', [null, null]), subject('INGLESE', [7])], 'INGLESE'],
  [[], ''],
])('defaultSubject: %j → %s', (grades, expected) => {
  expect(defaultSubject(grades)).toBe(expected);
});
