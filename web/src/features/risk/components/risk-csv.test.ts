import { expect, test } from 'vitest';
import { aReview, aRiskRow, indicatorsOf } from '../../../testing/fixtures';
import { toRiskCsv, type RiskCsvText } from './risk-csv';

const text: RiskCsvText = {
  header: [
    'Cognome',
    'Nome',
    'Calcolato',
    'Livello',
    'Motivo',
    'Freq',
    'Prev',
    'Insuff',
    'Andamento',
    'Media',
    'Indicatori',
  ],
  level: (level) => ({ attention: 'attenzione', high: 'alto' })[level],
  indicator: (key) => key,
  number: (value, digits) => value.toFixed(digits).replace('.', ','),
};

test('toRiskCsv: when two rows are shown, then BOM, header and exactly those rows, ; separated with CRLF', () => {
  const rows = [
    aRiskRow({
      lastName: '=Rossi',
      firstName: 'Giulia',
      attendanceRate: 0.96,
      projectedAbsenceRate: 0.05,
      trend: -0.5,
      average: 7.4,
    }),
    aRiskRow({
      studentId: 1002,
      lastName: 'Hoxha',
      firstName: 'Arben',
      computedTier: 2,
      tier: 3,
      review: aReview({ reason: 'assenze; lunedì' }),
      indicators: indicatorsOf({ absence_projection: { level: 'high' }, failing_subjects: { level: 'attention' } }),
      attendanceRate: 0.82,
      projectedAbsenceRate: 0.27,
      failingSubjects: 2,
      trend: 6,
      average: null,
    }),
  ];

  const csv = toRiskCsv(rows, text);

  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.slice(1).split('\r\n')).toEqual([
    'Cognome;Nome;Calcolato;Livello;Motivo;Freq;Prev;Insuff;Andamento;Media;Indicatori',
    "'=Rossi;Giulia;1;1;;96,0;5,0;0;-0,5;7,40;", // text guarded, the negative trend a number
    'Hoxha;Arben;2;3;"assenze; lunedì";82,0;27,0;2;6,0;;absence_projection (alto), failing_subjects (attenzione)',
    '',
  ]);
});

test.each([
  [-0.6, '-0,6'], // issue 19: it was written '-0,6, which Excel shows as text
  [0, '0,0'],
  [12.25, '12,3'],
])('toRiskCsv: when the trend is %d, then its cell is %j, a number for Excel', (trend, cell) => {
  const csv = toRiskCsv([aRiskRow({ trend })], text);

  expect(csv.split('\r\n')[1]!.split(';')[8]).toBe(cell);
});
