import fc from 'fast-check';
import { measureStudent } from '@primm/shared/risk/assess-student';
import { randomStudent, settingsVariant } from '@primm/shared/risk/test-arbitraries';
import { aStudent, grade } from '@primm/shared/risk/test-input';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import { describe, expect, test } from 'vitest';
import { DETAIL_SHAPES, parseIndicators, serializeIndicators } from './stored-indicators';

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

  test('property: whatever the student, every indicator reads back equal and its details are stored as one of the listed shapes', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(randomStudent, settingsVariant, (input, settings) => {
        const measured = measureStudent(input, settings).indicators;
        const text = serializeIndicators(measured);

        expect(parseIndicators(text)).toEqual(measured);
        for (const [key, , , details] of JSON.parse(text) as [string, unknown, unknown, unknown][]) {
          if (details === undefined || details === null) continue;
          expect(Array.isArray(details), `${key}: ${JSON.stringify(details)}`).toBe(true);
          seen.add(`${key} ${(details as number[])[0]}`);
        }
      }),
      { numRuns: 1_500 },
    );
    // Every listed shape is the engine's (random students reach all but "already over the limit", below).
    const listed = Object.entries(DETAIL_SHAPES).flatMap(([key, shapes]) => shapes.map((_, i) => `${key} ${i}`));
    expect([...seen].sort()).toEqual(listed.filter((s) => s !== 'absence_projection 1').sort());
  });

  test('absence over the limit already: the projection\'s own shape', () => {
    const absences = ['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-22'].map((date) => ({ date, kind: 'assenza' as const, hours: 6, justified: false, deroga: null }));
    const measured = measureStudent(aStudent({ asOf: '2025-10-31', annualHours: 100, events: absences })).indicators;
    const projection = (JSON.parse(serializeIndicators(measured)) as unknown[][]).find((t) => t[0] === 'absence_projection')!;

    expect(projection[3]).toEqual([1, 25, 36, 0, expect.any(Number), expect.any(Number), 100, null, true]);
    expect(parseIndicators(serializeIndicators(measured))).toEqual(measured);
  });

  test('details of a shape not listed (or with an undefined value) are stored as an object and read back equal', () => {
    const odd: MeasuredIndicator[] = [
      { key: 'conduct', domain: 'comportamento', value: 6, level: 'high', details: { termSeq: 1, date: '2026-01-09' } },
      { key: 'late_entries', domain: 'frequenza', value: 0.2, level: 'ok', details: { late: 1, early: 0, hours: 1, weeks: 5, weekday: undefined } },
    ];

    const stored = JSON.parse(serializeIndicators(odd)) as unknown[][];

    expect(stored.map((t) => Array.isArray(t[3]))).toEqual([false, false]);
    expect(parseIndicators(JSON.stringify(stored))).toEqual(odd.map((i) => JSON.parse(JSON.stringify(i))));
  });

  test('a row naming a shape this code does not know fails loudly instead of reading wrong names', () => {
    expect(() => parseIndicators('[["conduct",6,"high",[7,"2026-01-09",1]]]')).toThrow(/forma sconosciuta/);
    expect(() => parseIndicators('[["conduct",6,"high",[0,"2026-01-09"]]]')).toThrow(/forma sconosciuta/);
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
