import fc from 'fast-check';
import { measureStudent } from '@primm/shared/risk/assess-student';
import { randomStudent, settingsVariant } from '@primm/shared/risk/test-arbitraries';
import { aStudent, grade } from '@primm/shared/risk/test-input';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import { describe, expect, test } from 'vitest';
import { DETAIL_SHAPES, parseIndicators, serializeIndicators } from './stored-indicators';

describe('serializeIndicators / parseIndicators', () => {
  const measured = measureStudent(
    aStudent({
      grades: [grade('MATEMATICA', 4)],
      overrides: { birthDate: '2007-05-01', gradeLevel: 2, level: 'secondo_grado', arrivalDate: null },
    }),
  ).indicators;

  test('every indicator reads back equal: domain from its key, details and a kept sentence where there were', () => {
    expect(parseIndicators(serializeIndicators(measured))).toEqual(measured);
  });

  test.each<[string, MeasuredIndicator]>([
    ['no details, no sentence', { key: 'conduct', domain: 'comportamento', value: null, level: 'ok' }],
    [
      'a sentence without details',
      {
        key: 'age_grade_delay',
        domain: 'percorso',
        value: null,
        level: 'ok',
        explanation: 'Data di nascita o anno di corso mancanti: ritardo non calcolabile.',
      },
    ],
    [
      'a message without details',
      {
        key: 'age_grade_delay',
        domain: 'percorso',
        value: null,
        level: 'ok',
        message: { key: 'explain.age_grade_delay.not_computable', params: {} },
      },
    ],
    [
      'details with nulls and lists',
      {
        key: 'absence_projection',
        domain: 'frequenza',
        value: 0.25,
        level: 'high',
        details: { crossingDate: null, weeks: ['2026-01-05'], reliable: true },
      },
    ],
  ])('%s: read back equal', (_name, indicator) => {
    expect(parseIndicators(serializeIndicators([indicator]))).toEqual([indicator]);
  });

  test('property: whatever the student, every indicator reads back equal and its details are stored as one of the listed shapes', () => {
    fc.assert(
      fc.property(randomStudent, settingsVariant, (input, settings) => {
        const measured = measureStudent(input, settings).indicators;
        const text = serializeIndicators(measured);

        expect(parseIndicators(text)).toEqual(measured);
        for (const [key, , , details] of JSON.parse(text) as [string, unknown, unknown, unknown][]) {
          if (details === undefined || details === null) continue;
          expect(Array.isArray(details), `${key}: ${JSON.stringify(details)}`).toBe(true);
        }
      }),
      { numRuns: 150 }, // well under a second; the shapes are covered by the fixed students below
    );
  });

  test('fixed students reach every shape the engine stores (the absence projection without its recent figure is only in rows written before issue 18)', () => {
    const grades = [
      grade('MATEMATICA', 5, '2025-10-01'),
      grade('MATEMATICA', 4, '2025-11-05'),
      grade('MATEMATICA', 4, '2025-12-10'),
      grade('ITALIANO', 7, '2025-10-02'),
      grade('ITALIANO', 6, '2025-11-06'),
      grade('ITALIANO', 5, '2025-12-11'),
      grade('COMPORTAMENTO', 7, '2025-12-19', { isConduct: true, kind: 'scrutinio' }),
    ];
    const oneDayEach = [
      grade('MATEMATICA', 5, '2025-10-01'),
      grade('MATEMATICA', 6, '2025-10-01', { kind: 'orale' }),
      grade('MATEMATICA', 7, '2025-10-01', { kind: 'pratico' }),
      grade('ITALIANO', 5, '2025-11-15'),
      grade('ITALIANO', 6, '2025-11-15', { kind: 'orale' }),
      grade('ITALIANO', 7, '2025-11-15', { kind: 'pratico' }),
    ];
    const late = [
      { date: '2025-10-06', kind: 'entrata_posticipata' as const, hours: 1, justified: true, deroga: null },
    ];
    const students = [
      aStudent({
        grades,
        events: late,
        classAverages: [5, 6, 7, 8, 6.5],
        overrides: {
          birthDate: '2008-05-01',
          history: [{ schoolYear: '2024/25', gradeLevel: 2, result: 'non_ammesso' }],
        },
      }),
      aStudent({ asOf: '2025-09-16', annualHours: 0 }), // no hours yet, no monte ore: the short shapes
      aStudent({ grades: oneDayEach, asOf: '2025-12-19' }),
      aStudent({
        asOf: '2025-10-31',
        annualHours: 100,
        events: ['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19'].map((date) => ({
          date,
          kind: 'assenza' as const,
          hours: 6,
          justified: false,
          deroga: null,
        })),
      }),
    ];
    const seen = new Set<string>();

    for (const input of students) {
      const measured = measureStudent(input).indicators;
      const text = serializeIndicators(measured);
      expect(parseIndicators(text)).toEqual(measured);
      for (const [key, , , details] of JSON.parse(text) as [string, unknown, unknown, unknown][]) {
        if (Array.isArray(details)) seen.add(`${key} ${(details as number[])[0]}`);
      }
    }

    const listed = Object.entries(DETAIL_SHAPES).flatMap(([key, shapes]) => shapes.map((_, i) => `${key} ${i}`));
    expect([...seen].sort()).toEqual(listed.filter((s) => s !== 'absence_projection 2').sort());
  });

  test('a row written before issue 18 (projection without the recent figure, age delay as an Italian sentence) reads back', () => {
    const old =
      '[["absence_projection",0.1,"ok",[2,247.5,36,0,600,390,990,57,null,false,true]],["age_grade_delay",0,"ok",null,"In pari con l\'anno di corso previsto per l\'età."]]';

    expect(parseIndicators(old)).toEqual([
      {
        key: 'absence_projection',
        domain: 'frequenza',
        value: 0.1,
        level: 'ok',
        details: {
          limitHours: 247.5,
          countedHours: 36,
          derogaHours: 0,
          hoursHeld: 600,
          hoursRemaining: 390,
          annualHours: 990,
          projectedHours: 57,
          crossingDate: null,
          alreadyOver: false,
          reliable: true,
        },
      },
      {
        key: 'age_grade_delay',
        domain: 'percorso',
        value: 0,
        level: 'ok',
        explanation: "In pari con l'anno di corso previsto per l'età.",
      },
    ]);
  });

  test("absence over the limit already: the projection's own shape", () => {
    const absences = ['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-22'].map(
      (date) => ({ date, kind: 'assenza' as const, hours: 6, justified: false, deroga: null }),
    );
    const measured = measureStudent(aStudent({ asOf: '2025-10-31', annualHours: 100, events: absences })).indicators;
    const projection = (JSON.parse(serializeIndicators(measured)) as unknown[][]).find(
      (t) => t[0] === 'absence_projection',
    )!;

    expect(projection[3]).toEqual([1, 25, 36, 0, expect.any(Number), expect.any(Number), 100, null, true]);
    expect(parseIndicators(serializeIndicators(measured))).toEqual(measured);
  });

  test('details of a shape not listed (or with an undefined value) are stored as an object and read back equal', () => {
    const odd: MeasuredIndicator[] = [
      { key: 'conduct', domain: 'comportamento', value: 6, level: 'high', details: { termSeq: 1, date: '2026-01-09' } },
      {
        key: 'late_entries',
        domain: 'frequenza',
        value: 0.2,
        level: 'ok',
        details: { late: 1, early: 0, hours: 1, weeks: 5, weekday: undefined },
      },
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
    const objects = JSON.stringify(
      measured.map((i) => ({
        key: i.key,
        domain: i.domain,
        value: i.value,
        level: i.level,
        ...(i.details ? { details: i.details } : {}),
        ...(i.explanation ? { explanation: i.explanation } : {}),
        ...(i.message ? { message: i.message } : {}),
      })),
    );

    expect(parseIndicators(objects)).toEqual(measured);
  });

  test("the compact form is well under the objects' size", () => {
    const objects = JSON.stringify(measured);

    expect(serializeIndicators(measured).length).toBeLessThan(objects.length * 0.8);
  });
});
