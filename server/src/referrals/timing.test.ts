import { expect, test } from 'vitest';
import { answerTimeBand, referralTiming } from './timing';

test.each([
  // sent, answered, today, limit → working days, overdue
  ['2026-11-02', null, '2026-11-02', 10, 0, false], // sent today
  ['2026-11-06', null, '2026-11-09', 10, 1, false], // Friday → Monday: the weekend does not count
  ['2026-11-02', null, '2026-11-16', 10, 10, false], // exactly the limit: still in time
  ['2026-11-02', null, '2026-11-17', 10, 11, true], // one working day past the limit
  ['2026-12-04', null, '2026-12-09', 2, 2, false], // 8 December (Immacolata) is a holiday
  ['2026-12-04', null, '2026-12-10', 2, 3, true],
  ['2026-12-23', null, '2027-01-08', 5, 9, true], // 25, 26 December, 1 and 6 January skipped
  ['2026-11-02', '2026-11-30', '2026-12-15', 10, 20, false], // answered late: the wait stops, never overdue after
  ['2026-11-02', '2026-11-04', '2026-12-15', 10, 2, false],
  ['2026-11-02', null, '2026-11-10', 5, 6, true], // a configured limit of 5
] as const)(
  'referralTiming: sent %s, answered %s, today %s, limit %i → %i working days, overdue %s',
  (sentOn, answeredOn, today, limit, days, overdue) => {
    expect(referralTiming(sentOn, answeredOn, today, limit)).toEqual({ workingDaysWaiting: days, overdue });
  },
);

test.each([
  ['2026-11-02', null, 'unanswered'],
  ['2026-11-02', '2026-11-02', 'within5'],
  ['2026-11-02', '2026-11-09', 'within5'], // 5 working days
  ['2026-11-02', '2026-11-10', 'within10'],
  ['2026-11-02', '2026-11-16', 'within10'], // 10
  ['2026-11-02', '2026-11-17', 'over10'],
] as const)('answerTimeBand: sent %s, answered %s → %s', (sentOn, answeredOn, band) => {
  expect(answerTimeBand(sentOn, answeredOn)).toBe(band);
});
