import { expect, test } from 'vitest';
import { assessStudent } from '@primm/shared/risk/assess-student';
import { EXPLAIN_IT } from '@primm/shared/risk/explain-it';
import { renderItalian } from '@primm/shared/risk/render-italian';
import { aStudent, absences, grade, lessonDaysOf } from '@primm/shared/risk/test-input';
import type { Message } from '@primm/shared/risk/message';
import explainIt from '../locales/features/explain.it.json';
import { i18n } from './i18n';
import { wordExplanation } from './word-message';

const days = lessonDaysOf({}).map((d) => d.date);
/** Students whose indicators reach most of the templates: absences, late entries, grades, conduct, history. */
const students = [
  aStudent({ asOf: '2025-09-15' }),
  aStudent({ events: absences(days.slice(0, 30)), grades: [grade('MATEMATICA', 4), grade('STORIA', 7)] }),
  aStudent({ events: absences(days.filter((d) => d >= '2026-01-05' && d <= '2026-01-30')) }),
  aStudent({
    events: [
      ...absences(days.slice(3, 5), { deroga: 'salute', justified: true }),
      ...['2025-10-06', '2025-10-13', '2025-10-20'].map((date) => ({
        date,
        kind: 'entrata_posticipata' as const,
        hours: 1,
        justified: true,
        deroga: null,
      })),
    ],
    grades: [
      grade('MATEMATICA', 5, '2025-10-01'),
      grade('MATEMATICA', 4, '2025-12-01'),
      grade('ITALIANO', 5.5, '2025-10-02'),
      grade('ITALIANO', 5, '2025-12-02'),
      grade('INGLESE', 7, '2025-10-03'),
      grade('INGLESE', 6, '2025-12-03'),
      grade('COMPORTAMENTO', 6, '2025-12-19', { isConduct: true, kind: 'scrutinio' }),
    ],
    classAverages: [5.2, 6, 7, 7.5, 8],
    overrides: {
      birthDate: '2007-03-01',
      arrivalDate: '2019-05-04',
      history: [
        { schoolYear: '2023/24', gradeLevel: 1, result: 'non_ammesso' },
        { schoolYear: '2024/25', gradeLevel: 1, result: 'sospensione_giudizio' },
      ],
    },
  }),
];
const messages: Message[] = students.flatMap((s) => {
  const a = assessStudent(s);
  return [a.tierMessage, ...a.indicators.map((i) => i.message)];
});

test('explain.it.json: when compared with the templates of the Italian renderer, then they are the same (one source of the Italian words)', () => {
  expect(explainIt).toEqual(EXPLAIN_IT);
});

test("wordExplanation: when i18next words the engine's messages in Italian, then the sentences are the renderer's, character for character", () => {
  const t = i18n.getFixedT('it');

  for (const m of messages) expect(wordExplanation(t, m.key, m.params)).toBe(renderItalian(m));
  expect(new Set(messages.map((m) => m.key)).size).toBeGreaterThan(15);
});

test('wordExplanation: when worded in English, then every sentence is English, with its numbers, plurals and dates', () => {
  const t = i18n.getFixedT('en');

  const english = messages.map((m) => wordExplanation(t, m.key, m.params));

  for (const text of english) {
    expect(text).not.toMatch(/\{\{|explain\./); // no missing key or parameter
    expect(text).not.toMatch(/\b(ore|settimane|assente|Livello)\b/);
  }
  expect(english).toContain('Level 3: disengagement in progress.');
  expect(
    english.some((s) => /^Present for 70% of the hours so far \(absent 180 of 600\): severe chronic absence/.test(s)),
  ).toBe(true);
  expect(english.some((s) => s.includes('1 late entry') || s.includes('3 late entries'))).toBe(true);
});
