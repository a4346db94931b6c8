import { describe, expect, test } from 'vitest';
import {
  EVENT_KIND_CODES,
  GRADE_KIND_CODES,
  parseSchoolStreams,
  StreamFormatError,
  UnknownKindError,
} from './school-streams';

const terms = [
  { seq: 1, startsOn: '2025-09-15' },
  { seq: 2, startsOn: '2026-02-01' },
];
const parse = (grades: string[], events: string[] = [], exactNumbers = false) =>
  parseSchoolStreams(grades.join('\n'), events.join('\n'), terms, { exactNumbers });
// `student|date K F value|len|subject`: K the kind's code (orale l, pratico t, scritto i, scrutinio u), F = 2 × in_average + is_conduct
const grade = (student: number, date: string, kind: string, flags: number, value: string, subject: string) =>
  `${student}|${date}${kind}${flags}${value}|${subject.length}|${subject}`;

describe('parseSchoolStreams', () => {
  test("when a student's grades come in disk order, then they are in date, subject, kind order with their term", () => {
    const { byStudent } = parse([
      grade(7, '2026-02-03', 'i', 2, '6.25', 'MATEMATICA'),
      grade(7, '2025-10-01', 'l', 2, '5.0', 'STORIA'),
      grade(7, '2025-10-01', 'i', 2, '7.0', 'ITALIANO'),
      grade(7, '2025-10-01', 'l', 2, '8.0', 'ITALIANO'),
    ]);

    expect(byStudent.get(7)!.grades).toEqual([
      {
        date: '2025-10-01',
        subject: 'ITALIANO',
        value: 8,
        inAverage: true,
        isConduct: false,
        termSeq: 1,
        kind: 'orale',
      },
      {
        date: '2025-10-01',
        subject: 'ITALIANO',
        value: 7,
        inAverage: true,
        isConduct: false,
        termSeq: 1,
        kind: 'scritto',
      },
      { date: '2025-10-01', subject: 'STORIA', value: 5, inAverage: true, isConduct: false, termSeq: 1, kind: 'orale' },
      {
        date: '2026-02-03',
        subject: 'MATEMATICA',
        value: 6.25,
        inAverage: true,
        isConduct: false,
        termSeq: 2,
        kind: 'scritto',
      },
    ]);
  });

  test('when grades are NC or judgements, then no indicator object is made for them but their date still counts as data', () => {
    const { byStudent, latestDate } = parse([
      grade(1, '2025-10-01', 'u', 1, '8.0', 'COMPORTAMENTO'),
      grade(1, '2025-12-01', 'l', 2, '', 'INGLESE'), // NC: no value
      grade(1, '2026-01-20', 'l', 0, '', 'RELIGIONE CATTOLICA'), // a judgement
    ]);

    expect(byStudent.get(1)!.grades).toEqual([
      {
        date: '2025-10-01',
        subject: 'COMPORTAMENTO',
        value: 8,
        inAverage: false,
        isConduct: true,
        termSeq: 1,
        kind: 'scrutinio',
      },
    ]);
    expect(latestDate).toBe('2026-01-20');
  });

  test('when a subject holds the separators, a newline or a non-Latin letter, then it is read whole by its length', () => {
    const subject = 'LAB|ORATORIO\n2|ÀÉ€';

    const { byStudent } = parse([
      grade(3, '2025-10-01', 't', 2, '6.5', subject),
      grade(3, '2025-10-02', 't', 2, '7.5', subject),
    ]);

    expect(byStudent.get(3)!.grades.map((g) => [g.subject, g.value])).toEqual([
      [subject, 6.5],
      [subject, 7.5],
    ]);
  });

  test("when events have deroghe or none, then they are the engine's events in date and kind order", () => {
    const { byStudent, latestDate } = parse(
      [],
      ['5|2026-01-12i02.0|-', '5|2026-01-12e16.0|6|salute', '5|2025-11-03r11.5|-'],
    );

    expect(byStudent.get(5)!.events).toEqual([
      { date: '2025-11-03', kind: 'entrata_posticipata', hours: 1.5, justified: true, deroga: null },
      { date: '2026-01-12', kind: 'assenza', hours: 6, justified: true, deroga: 'salute' },
      { date: '2026-01-12', kind: 'uscita_anticipata', hours: 2, justified: false, deroga: null },
    ]);
    expect(latestDate).toBe('2026-01-12');
  });

  test("when a student's lines are apart in the text, then the text hashed for them is the same as when they are together", () => {
    const a = grade(1, '2025-10-01', 'l', 2, '6.0', 'STORIA');
    const b = grade(1, '2025-10-02', 'l', 2, '7.0', 'STORIA');
    const other = grade(2, '2025-10-01', 'l', 2, '5.0', 'STORIA');
    const text = (s: ReturnType<typeof parse>) =>
      s.byStudent
        .get(1)!
        .gradeRuns.reduce<string[]>(
          (out, _, i, runs) => (i % 2 ? out : [...out, s.gradeText.slice(runs[i], runs[i + 1])]),
          [],
        )
        .join('\n');

    expect(text(parse([a, other, b]))).toBe(text(parse([other, a, b])));
    expect(text(parse([a, b, other]))).toBe(`${a}\n${b}`);
  });

  test.each([
    [
      'a SQLite value printed with 15 digits (maybe rounded)',
      [grade(1, '2025-10-01', 'l', 2, '6.33333333333333', 'STORIA')],
    ],
    ['a value in exponent notation', [grade(1, '2025-10-01', 'l', 2, '1e-05', 'STORIA')]],
    ['an impossible date', [grade(1, '2025-02-30', 'l', 2, '6.0', 'STORIA')]],
    ['an unknown kind', [grade(1, '2025-10-01', 'x', 2, '6.0', 'STORIA')]],
    ['a subject longer than the line', ['1|2025-10-01l26.0|99|STORIA']],
  ])('when the text has %s, then StreamFormatError (the school is then read row by row)', (_case, lines) => {
    expect(() => parse(lines)).toThrow(StreamFormatError);
  });

  test.each([
    ['a grade', [grade(1, '2025-10-01', '?', 2, '6.0', 'STORIA')], []],
    ['an event', [], ['5|2026-01-12?16.0|-']],
  ])(
    'when %s has a kind without a code (the SQL writes ?), then UnknownKindError, which is no StreamFormatError: nothing falls back to reading it',
    (_case, grades, events) => {
      expect(() => parse(grades, events)).toThrow(UnknownKindError);
      expect(() => parse(grades, events)).not.toThrow(StreamFormatError);
    },
  );

  test('the kind codes: one letter each, distinct within grades and within events, never the unknown one', () => {
    for (const codes of [Object.values<string>(GRADE_KIND_CODES), Object.values<string>(EVENT_KIND_CODES)]) {
      expect(codes.every((c) => c.length === 1 && c !== '?')).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  test('when PostgreSQL prints a value with 16 digits, then it is read exactly', () => {
    const { byStudent } = parse([grade(1, '2025-10-01', 'l', 2, '6.333333333333333', 'STORIA')], [], true);

    expect(byStudent.get(1)!.grades[0]!.value).toBe(6.333333333333333);
  });

  test.each(['0.1', '6.75', '10.0', '-0.5', '7', '0.30000000000001'])(
    'when a value is printed as %s, then it is the number the text reads as',
    (text) => {
      const { byStudent } = parse([grade(1, '2025-10-01', 'l', 2, text, 'STORIA')]);

      expect(byStudent.get(1)!.grades[0]!.value).toBe(Number(text));
    },
  );
});
