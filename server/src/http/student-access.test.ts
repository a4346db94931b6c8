import { describe, expect, test } from 'vitest';
import type { Role } from '@primm/shared/contracts/auth';
import { currentStay, decideAccess, type Stay } from './student-access';

// Schools 1 (A) and 2 (B); classes 11, 12 at A (3A, 3C), 13 at A last year (2A), 21 at B (1B).
const SCHOOL_OF: Record<number, number> = { 11: 1, 12: 1, 13: 1, 21: 2 };
let nextId = 0;
const stay = (classId: number, enteredOn: string, leftOn: string | null = null): Stay => ({
  id: ++nextId,
  classId,
  schoolId: SCHOOL_OF[classId]!,
  schoolYearId: classId === 13 ? 1 : 2,
  enteredOn,
  leftOn,
});

const inA = stay(11, '2025-09-15', '2026-01-10');
const inB = stay(21, '2026-01-12');
const staleA = stay(11, '2025-09-15');
const lateExitA = stay(11, '2025-09-15', '2026-01-20');
const retiredA = stay(11, '2025-09-15', '2026-02-01');
const to3C = stay(12, '2026-01-11');
const lastYear = stay(13, '2024-09-16');
const thisYear = stay(11, '2025-09-15');
const backToA = stay(11, '2026-03-02');
const closedLastYear = stay(13, '2024-09-16', '2025-06-10');

describe('currentStay', () => {
  test.each([
    ['one open enrolment', [thisYear], thisYear],
    ['closed at A, open at B', [inA, inB], inB],
    ['open at A and at B (A has not recorded the exit): the latest entered', [staleA, inB], inB],
    ['all closed (the student left the system): the latest', [retiredA, closedLastYear], retiredA],
    ['none', [], undefined],
  ] as const)('currentStay: when %s, then that one', (_label, stays, expected) => {
    expect(currentStay(stays)).toBe(expected);
  });
});

type Scope = { role: Role; schoolIds?: number[]; classIds?: number[] };
const user = ({ role, schoolIds = [], classIds = [] }: Scope) => ({ role, schoolIds, classIds });

describe('decideAccess', () => {
  test.each([
    ['the admin, on a student without enrolments', { role: 'admin' }, [], { kind: 'current', current: null }],
    ['the analyst', { role: 'analista' }, [inA, inB], null],
    [
      'A’s referent, the student at A',
      { role: 'referente', schoolIds: [1] },
      [thisYear],
      { kind: 'current', current: thisYear },
    ],
    [
      'A’s referent, the student transferred to B on 10/01',
      { role: 'referente', schoolIds: [1] },
      [inA, inB],
      { kind: 'former', schoolIds: [1], before: '2026-01-10' },
    ],
    [
      'B’s mediator, the student transferred to B',
      { role: 'mediatore', schoolIds: [2] },
      [inA, inB],
      { kind: 'current', current: inB },
    ],
    // A never recorded the exit: its access ends when B enrolled the student.
    [
      'A’s mediator, A’s enrolment still open, B’s later',
      { role: 'mediatore', schoolIds: [1] },
      [staleA, inB],
      { kind: 'former', schoolIds: [1], before: '2026-01-12' },
    ],
    // A recorded an exit later than B’s entry: the earlier of the two.
    [
      'A’s referent, A’s exit recorded after B’s entry',
      { role: 'referente', schoolIds: [1] },
      [lateExitA, inB],
      { kind: 'former', schoolIds: [1], before: '2026-01-12' },
    ],
    [
      'A’s referent, the student withdrew and no school took them over',
      { role: 'referente', schoolIds: [1] },
      [retiredA],
      { kind: 'current', current: retiredA },
    ],
    ['a referent of another school', { role: 'referente', schoolIds: [3] }, [inA, inB], null],
    [
      'the teacher of 3A, after a move to 3C of the same school',
      { role: 'docente', classIds: [11] },
      [inA, to3C],
      { kind: 'former', schoolIds: [1], before: '2026-01-10' },
    ],
    [
      'the teacher of 3C, after that move',
      { role: 'docente', classIds: [12] },
      [inA, to3C],
      { kind: 'current', current: to3C },
    ],
    [
      'the teacher of last year’s 2A (enrolment never closed)',
      { role: 'docente', classIds: [13] },
      [lastYear, thisYear],
      { kind: 'former', schoolIds: [1], before: '2025-09-15' },
    ],
    [
      'a teacher of both classes',
      { role: 'docente', classIds: [11, 12] },
      [inA, to3C],
      { kind: 'current', current: to3C },
    ],
    [
      'A’s referent, the student back at A after B',
      { role: 'referente', schoolIds: [1] },
      [inA, { ...inB, leftOn: '2026-02-27' }, backToA],
      { kind: 'current', current: backToA },
    ],
  ] as const)('decideAccess: when %s, then the access of the table', (_label, scope, stays, expected) => {
    expect(decideAccess(user(scope as Scope), stays)).toEqual(expected);
  });
});
