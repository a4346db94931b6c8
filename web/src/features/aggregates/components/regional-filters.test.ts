import { describe, expect, test } from 'vitest';
import { csvFileName, readRegionalFilters, writeRegionalFilters, type RegionalFilters } from './regional-filters';

describe('readRegionalFilters', () => {
  test.each<[string, RegionalFilters]>([
    [
      'year=2024%2F25&level=secondo_grado&gradeLevel=3&track=tecnico&citizenshipGroup=neo_arrivato&sex=F',
      {
        year: '2024/25',
        level: 'secondo_grado',
        gradeLevel: 3,
        track: 'tecnico',
        citizenshipGroup: 'neo_arrivato',
        sex: 'F',
      },
    ],
    ['year=2024&gradeLevel=9&sex=X&track=', {}], // a stale or hand-edited link drops what is not valid
  ])('readRegionalFilters: when the search is %s, then the filters are %j', (search, expected) => {
    const read = readRegionalFilters(new URLSearchParams(search));

    expect(Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});

test('writeRegionalFilters: when a filter is cleared, then it leaves the URL and the open tab stays', () => {
  const next = writeRegionalFilters(new URLSearchParams('vista=equita&sex=F&level=primo_grado'), {
    level: 'primo_grado',
    gradeLevel: 2,
  });

  expect(next.toString()).toBe('vista=equita&level=primo_grado&gradeLevel=2');
});

test.each<[string, RegionalFilters & { province?: string }, string]>([
  ['studenti-per-provincia', {}, 'analisi_studenti-per-provincia.csv'],
  [
    'studenti-per-provincia',
    { year: '2025/26', level: 'secondo_grado', gradeLevel: 3, sex: 'F' },
    'analisi_studenti-per-provincia_2025-26_secondo-grado_classe-3_sesso-f.csv',
  ],
  ['scuole', { province: 'AN', citizenshipGroup: 'neo_arrivato' }, 'analisi_scuole_an_neo-arrivato.csv'],
])('csvFileName: when %s with %j, then %s', (what, filters, expected) => {
  expect(csvFileName(what, filters)).toBe(expected);
});
