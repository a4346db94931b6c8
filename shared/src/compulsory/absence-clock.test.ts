import { describe, expect, test } from 'vitest';
import { runAbsenceClock } from './absence-clock';
import { addDays } from './dates';

/** Monday–Friday lesson days from 15/09/2025 to 30/04/2026, without the Christmas holidays. */
const lessonDays: string[] = [];
for (let d = '2025-09-15'; d <= '2026-04-30'; d = addDays(d, 1)) {
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6 && !(d >= '2025-12-23' && d <= '2026-01-06')) lessonDays.push(d);
}
/** The first n lesson days from `from` on. */
const days = (from: string, n: number) => lessonDays.filter((d) => d >= from).slice(0, n);

describe('runAbsenceClock', () => {
  test.each([
    [16, 'to_notify'], // more than 15 within 3 months
    [15, 'ok'], // exactly 15: not yet
  ])('when %i unjustified days in a row from 06/10, then %s', (n, state) => {
    const missed = days('2025-10-06', n);

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: missed, asOf: '2025-11-28' });

    expect(clock.state).toBe(state);
  });

  test('when the 16 days are justified, then they never count', () => {
    const missed = days('2025-10-06', 16);

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: [], absentDays: missed, asOf: '2025-11-28' });

    expect(clock).toMatchObject({ state: 'ok', daysInWindow: 0 });
  });

  test('when 16 days are spread over 3 months across the Christmas holidays, then the clock triggers on the 16th', () => {
    const missed = [...days('2025-12-01', 8), ...days('2026-01-07', 8)]; // 8 before and 8 after the holidays

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: missed, asOf: '2026-02-27' });

    expect(clock.state).toBe('to_notify');
    expect(clock.triggeredOn).toBe(missed[15]);
    expect(clock.countedDays).toHaveLength(16);
  });

  test('when 16 days are spread over more than 3 months, then no 3-month window holds more than 15', () => {
    const missed = lessonDays.filter((d) => d >= '2025-09-15').filter((_, i) => i % 8 === 0).slice(0, 16); // one every 8 lesson days

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: missed, asOf: '2026-04-30' });

    expect(clock.state).toBe('ok');
  });

  const missed = days('2025-10-06', 16); // the 16th is 27/10/2025
  const notifiedOn = '2025-10-29';

  test('when the family was notified and the student returns within 7 days, then the clock closes', () => {
    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: [...missed, '2025-10-29', '2025-10-30'], notifiedOn, asOf: '2025-11-10' });

    expect(clock).toMatchObject({ state: 'returned', returnedOn: '2025-10-31', countdownEndsOn: '2025-11-05' });
  });

  test.each([
    ['2025-11-05', 'countdown'], // the 7th day after the notice
    ['2025-11-06', 'report_due'], // the 8th day opens the report task
  ])('when nobody returns and today is %s, then %s', (asOf, state) => {
    const absentAfter = lessonDays.filter((d) => d > notifiedOn && d <= '2025-11-30');

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: [...missed, ...absentAfter], notifiedOn, asOf });

    expect(clock.state).toBe(state);
    if (state === 'report_due') expect(clock.reportDueFrom).toBe('2025-11-06');
  });

  test('when the report has been made, then the clock says so', () => {
    const absentAfter = lessonDays.filter((d) => d > notifiedOn && d <= '2025-11-30');

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: [...missed, ...absentAfter], notifiedOn, reportedOn: '2025-11-07', asOf: '2025-11-20' });

    expect(clock.state).toBe('reported');
  });
});
