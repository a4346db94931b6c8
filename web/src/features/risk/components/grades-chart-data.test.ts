import { expect, test } from 'vitest';
import { shapeGradesChart } from './grades-chart-data';

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
    { subject: 'Matematica', count: 2, average: 5.13, belowPass: 2 }, // (5.5 + 4.75) / 2 = 5.125
    { subject: 'Inglese', count: 1, average: 7, belowPass: 0 },
  ]);
});
