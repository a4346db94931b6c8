import { expect, test } from 'vitest';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { i18n } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { reportCommentary, type Place } from './report-commentary';

function render(place: Place, values: Record<string, Cell>, language: 'it' | 'en' = 'it'): string[] {
  const t = i18n.getFixedT(language);
  return reportCommentary({ place, year: '2025/26', threshold: 10, values }, (v, d) =>
    formatNumber(v, language, d),
  ).map((s) => t(`regional.commentary.${s.key}`, { ...s.values, context: s.context }));
}

const ancona: Record<string, Cell> = {
  students: 1234,
  tier1: 1012,
  tier2: 160,
  tier3: 62, // 222 / 1234 = 17,99 % → 18 %; 62 / 1234 = 5,02 % → 5 %
  attended95: 700,
  attended90to95: 300,
  attended80to90: 150,
  attendedBelow80: 84, // 84 / 1234 = 6,8 % → 7 %
  overLimit: 98,
  failing2plus: 150,
  openCases: 41,
  closedCases: 27, // 98 / 1234 = 7,9 % → 8 %; 150 / 1234 = 12,2 % → 12 %
};

test.each<[string, Place, Record<string, Cell>, string[]]>([
  [
    'a province with every number published',
    { kind: 'province', name: 'Ancona' },
    ancona,
    [
      'Nella provincia di Ancona sono contati 1.234 studenti nell’anno scolastico 2025/26.',
      'Il 18 % degli studenti con livello calcolato è al livello 2 o 3 (222 studenti).',
      'Il 5 % è al livello 3.',
      'Il 7 % frequenta meno dell’80 % delle ore svolte.',
      '98 studenti (8 %) sono in proiezione oltre il limite di assenze (un quarto del monte ore annuale).',
      '150 studenti (12 %) sono insufficienti in 2 o più materie.',
      'Casi aperti: 41; casi chiusi: 27.',
    ],
  ],
  [
    'a school with suppressed tiers and cases',
    { kind: 'school', name: 'IIS Fermi' },
    {
      students: 640,
      tier1: 560,
      tier2: 'n.d.',
      tier3: '<10',
      overLimit: '<10',
      failing2plus: 31,
      openCases: '<10',
      closedCases: 12,
    },
    [
      'Nella scuola IIS Fermi sono contati 640 studenti nell’anno scolastico 2025/26.',
      'La quota al livello 2 o 3 non è calcolata: alcuni conteggi non sono pubblicati.',
      '31 studenti (5 %) sono insufficienti in 2 o più materie.', // 31 / 640 = 4,8 % → 5 %
      'Alcuni valori sono sotto la soglia di 10 studenti o non diffusi: il commento non li cita.',
    ],
  ],
  [
    'a group under the threshold',
    { kind: 'school', name: 'Scuola piccola' },
    { students: '<10', tier1: '<10' },
    ['Nella scuola Scuola piccola gli studenti sono meno di 10: i dati non sono pubblicati.'],
  ],
  [
    'the region',
    { kind: 'region' },
    { students: 4364, tier1: 3622, tier2: 557, tier3: 185 },
    [
      'Nella regione sono contati 4.364 studenti nell’anno scolastico 2025/26.',
      'Il 17 % degli studenti con livello calcolato è al livello 2 o 3 (742 studenti).', // 742 / 4364 = 17,0 %
      'Il 4 % è al livello 3.', // 185 / 4364 = 4,2 %
    ],
  ],
])(
  'reportCommentary: when %s, then the Italian sentences quote only published numbers',
  (_label, place, values, expected) => {
    expect(render(place, values)).toEqual(expected);
  },
);

test('reportCommentary: when the UI is in English, then the same numbers read in English', () => {
  expect(
    render({ kind: 'province', name: 'Ancona' }, { students: 1234, tier1: 1012, tier2: 160, tier3: 62 }, 'en'),
  ).toEqual([
    'In the province of Ancona, 1,234 students are counted in school year 2025/26.',
    '18 % of the students with a computed level are in level 2 or 3 (222 students).',
    '5 % are in level 3.',
  ]);
});
