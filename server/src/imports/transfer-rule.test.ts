import { describe, expect, test } from 'vitest';
import { judgeEnrolment, type KnownStay } from './transfer-rule';

const HERE = 1;
const ELSEWHERE = 2;
const row = { schoolId: HERE, classId: 10, enteredOn: '2025-10-01' };
const stay = (schoolId: number, enteredOn: string, leftOn: string | null, classId = schoolId * 10): KnownStay => ({
  schoolId,
  classId,
  enteredOn,
  leftOn,
});

describe('judgeEnrolment', () => {
  test.each([
    [
      'a student of this school only (re-import, class change)',
      [stay(HERE, '2025-09-15', null)],
      false,
      { write: true, personalData: true },
    ],
    [
      'a student another school holds, open (the "one-day stay" pull)',
      [stay(ELSEWHERE, '2025-09-15', null)],
      false,
      {
        write: false,
        personalData: false,
        transfer: { status: 'conflict', from: stay(ELSEWHERE, '2025-09-15', null) },
      },
    ],
    [
      'the same, confirmed by the admin: enrolled, personal data kept',
      [stay(ELSEWHERE, '2025-09-15', null)],
      true,
      {
        write: true,
        personalData: false,
        transfer: { status: 'confirmed', from: stay(ELSEWHERE, '2025-09-15', null) },
      },
    ],
    [
      'another school closed the stay after this entry date',
      [stay(ELSEWHERE, '2025-09-15', '2025-10-05')],
      false,
      {
        write: false,
        personalData: false,
        transfer: { status: 'conflict', from: stay(ELSEWHERE, '2025-09-15', '2025-10-05') },
      },
    ],
    [
      'another school closed the stay before this entry date: a transfer, accepted',
      [stay(ELSEWHERE, '2025-09-15', '2025-09-30')],
      false,
      {
        write: true,
        personalData: true,
        transfer: { status: 'accepted', from: stay(ELSEWHERE, '2025-09-15', '2025-09-30') },
      },
    ],
    [
      'closed on the entry day itself: accepted',
      [stay(ELSEWHERE, '2025-09-15', '2025-10-01')],
      false,
      {
        write: true,
        personalData: true,
        transfer: { status: 'accepted', from: stay(ELSEWHERE, '2025-09-15', '2025-10-01') },
      },
    ],
    [
      'another school enrolled them later, open (a past stay recorded here after they moved on)',
      [stay(ELSEWHERE, '2026-02-01', null)],
      false,
      {
        write: false,
        personalData: false,
        transfer: { status: 'conflict', from: stay(ELSEWHERE, '2026-02-01', null) },
      },
    ],
    [
      'that past stay already imported here: kept, but no rewrite of their data',
      [stay(HERE, '2025-10-01', '2026-01-20', 10), stay(ELSEWHERE, '2026-02-01', null)],
      false,
      { write: true, personalData: false },
    ],
    [
      'here before, left to another school that still holds them: a new stay here is a conflict',
      [stay(HERE, '2024-09-15', '2025-02-01'), stay(ELSEWHERE, '2025-02-10', null)],
      false,
      {
        write: false,
        personalData: false,
        transfer: { status: 'conflict', from: stay(ELSEWHERE, '2025-02-10', null) },
      },
    ],
    [
      'back from another school that closed the stay: accepted, from there',
      [stay(HERE, '2024-09-15', '2025-02-01'), stay(ELSEWHERE, '2025-02-10', '2025-06-10')],
      false,
      {
        write: true,
        personalData: true,
        transfer: { status: 'accepted', from: stay(ELSEWHERE, '2025-02-10', '2025-06-10') },
      },
    ],
    [
      'elsewhere long ago, here since: a new class here is no transfer',
      [stay(ELSEWHERE, '2023-09-15', '2024-06-10'), stay(HERE, '2024-09-15', '2025-06-10')],
      false,
      { write: true, personalData: true },
    ],
  ] as const)('judgeEnrolment: when %s, then the verdict listed', (_, stays, confirm, verdict) => {
    expect(judgeEnrolment(row, stays, confirm)).toEqual(verdict);
  });
});
