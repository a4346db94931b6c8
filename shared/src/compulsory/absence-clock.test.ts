import { describe, expect, test } from 'vitest';
import { runAbsenceClock } from './absence-clock';
import { addDays } from '../dates';

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
    const missed = lessonDays
      .filter((d) => d >= '2025-09-15')
      .filter((_, i) => i % 8 === 0)
      .slice(0, 16); // one every 8 lesson days

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: missed, asOf: '2026-04-30' });

    expect(clock.state).toBe('ok');
  });

  const missed = days('2025-10-06', 16); // the 16th is 27/10/2025
  const notifiedOn = '2025-10-29';

  test('when the family was notified and the student returns within 7 days, then the clock closes', () => {
    const clock = runAbsenceClock({
      lessonDays,
      unjustifiedDays: missed,
      absentDays: [...missed, '2025-10-29', '2025-10-30'],
      notifiedOn,
      asOf: '2025-11-10',
    });

    expect(clock).toMatchObject({ state: 'returned', returnedOn: '2025-10-31', countdownEndsOn: '2025-11-05' });
  });

  test.each([
    ['2025-11-05', 'countdown'], // the 7th day after the notice
    ['2025-11-06', 'report_due'], // the 8th day opens the report task
  ])('when nobody returns and today is %s, then %s', (asOf, state) => {
    const absentAfter = lessonDays.filter((d) => d > notifiedOn && d <= '2025-11-30');

    const clock = runAbsenceClock({
      lessonDays,
      unjustifiedDays: missed,
      absentDays: [...missed, ...absentAfter],
      notifiedOn,
      asOf,
    });

    expect(clock.state).toBe(state);
    if (state === 'report_due') expect(clock.reportDueFrom).toBe('2025-11-06');
  });

  test('when the report has been made, then the clock says so', () => {
    const absentAfter = lessonDays.filter((d) => d > notifiedOn && d <= '2025-11-30');

    const clock = runAbsenceClock({
      lessonDays,
      unjustifiedDays: missed,
      absentDays: [...missed, ...absentAfter],
      notifiedOn,
      reportedOn: '2025-11-07',
      asOf: '2025-11-20',
    });

    expect(clock.state).toBe('reported');
  });

  test('when a student stays away 30 lesson days running, then the days in the window keep counting past the 16 of the trigger', () => {
    const missed = days('2025-10-06', 30);

    const clock = runAbsenceClock({ lessonDays, unjustifiedDays: missed, absentDays: missed, asOf: missed[29]! });

    expect(clock).toMatchObject({ state: 'to_notify', daysInWindow: 30, triggeredOn: missed[15] });
    expect(clock.countedDays).toEqual(missed.slice(0, 16)); // the facts of the notice stay those of the trigger
  });

  test('when the student comes back for one day and the absences go on, then the return does not close the procedure', () => {
    const after = lessonDays.filter((d) => d > '2025-10-30' && d <= '2025-11-28'); // present on 30/10 only

    const clock = runAbsenceClock({
      lessonDays,
      unjustifiedDays: [...missed, '2025-10-29', ...after],
      absentDays: [...missed, '2025-10-29', ...after],
      notifiedOn,
      asOf: '2025-11-28',
    });

    expect(clock).toMatchObject({ state: 'report_due', returnedOn: null, reportDueFrom: '2025-11-06' });
    expect(clock.daysInWindow).toBeGreaterThan(16);
  });

  test.each([
    ['justified absences after the return', 'returned', true], // ill after coming back: still a return
    ['unjustified absences the day after the return', 'report_due', false],
  ] as const)('when %s, then %s', (_name, state, justified) => {
    const away = lessonDays.filter((d) => d >= '2025-10-31' && d <= '2025-11-20'); // back on 30/10 only

    const clock = runAbsenceClock({
      lessonDays,
      unjustifiedDays: [...missed, '2025-10-29', ...(justified ? [] : away)],
      absentDays: [...missed, '2025-10-29', ...away],
      notifiedOn,
      asOf: '2025-11-20',
    });

    expect(clock.state).toBe(state);
  });

  test('when a return held for a week and the absences start again, then a new cycle counts from the return and triggers a new notice', () => {
    const again = days('2025-11-10', 16); // back on 30/10 (the day after the notice), present to 07/11, away again from 10/11

    const between = runAbsenceClock({
      lessonDays,
      unjustifiedDays: [...missed, ...again.slice(0, 5)],
      absentDays: [...missed, ...again.slice(0, 5)],
      notifiedOn,
      asOf: again[4]!,
    });
    const retriggered = runAbsenceClock({
      lessonDays,
      unjustifiedDays: [...missed, ...again],
      absentDays: [...missed, ...again],
      notifiedOn,
      asOf: again[15]!,
    });

    expect(between).toMatchObject({
      state: 'returned',
      returnedOn: '2025-10-30',
      daysInWindow: 5,
      closedReturnOn: null,
    });
    expect(retriggered).toMatchObject({
      state: 'to_notify',
      triggeredOn: again[15],
      daysInWindow: 16,
      closedReturnOn: '2025-10-30',
      countdownEndsOn: null,
    });
    expect(retriggered.countedDays).toEqual(again);
  });
});
