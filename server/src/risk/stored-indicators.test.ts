import { measureStudent } from '@primm/shared/risk/assess-student';
import { aStudent, grade } from '@primm/shared/risk/test-input';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import { describe, expect, test } from 'vitest';
import { parseIndicators, serializeIndicators } from './stored-indicators';

describe('serializeIndicators / parseIndicators', () => {
  const measured = measureStudent(aStudent({ grades: [grade('MATEMATICA', 4)], overrides: { birthDate: '2007-05-01', gradeLevel: 2, level: 'secondo_grado', arrivalDate: null } })).indicators;

  test('every indicator reads back equal: domain from its key, details and a kept sentence where there were', () => {
    expect(parseIndicators(serializeIndicators(measured))).toEqual(measured);
  });

  test.each<[string, MeasuredIndicator]>([
    ['no details, no sentence', { key: 'conduct', domain: 'comportamento', value: null, level: 'ok' }],
    ['a sentence without details', { key: 'age_grade_delay', domain: 'percorso', value: null, level: 'ok', explanation: 'Data di nascita o anno di corso mancanti: ritardo non calcolabile.' }],
    ['details with nulls and lists', { key: 'absence_projection', domain: 'frequenza', value: 0.25, level: 'high', details: { crossingDate: null, weeks: ['2026-01-05'], reliable: true } }],
  ])('%s: read back equal', (_name, indicator) => {
    expect(parseIndicators(serializeIndicators([indicator]))).toEqual([indicator]);
  });

  test('rows written as objects (before the compact form) read the same', () => {
    const objects = JSON.stringify(measured.map((i) => ({ key: i.key, domain: i.domain, value: i.value, level: i.level, ...(i.details ? { details: i.details } : {}), ...(i.explanation ? { explanation: i.explanation } : {}) })));

    expect(parseIndicators(objects)).toEqual(measured);
  });

  test('the compact form is well under the objects\' size', () => {
    const objects = JSON.stringify(measured);

    expect(serializeIndicators(measured).length).toBeLessThan(objects.length * 0.8);
  });
});
