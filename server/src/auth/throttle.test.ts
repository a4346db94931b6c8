import { describe, expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { THROTTLE, backoffMs, reserveLoginAttempt } from './throttle';

describe('backoffMs', () => {
  test.each([
    [4, THROTTLE.pair, 0],
    [5, THROTTLE.pair, 1000], // after five failures of a pair: 1 s
    [6, THROTTLE.pair, 2000],
    [8, THROTTLE.pair, 8000],
    [15, THROTTLE.pair, 15 * 60 * 1000], // 1024 s is past the cap
    [10_000, THROTTLE.pair, 15 * 60 * 1000], // no overflow, still the cap
    [19, THROTTLE.account, 0],
    [20, THROTTLE.account, 1000],
    [30, THROTTLE.account, 60_000], // the account is slowed to a try a minute, never locked
    [99, THROTTLE.address, 0],
    [500, THROTTLE.address, 60_000],
  ])('%i failures, rule %j → wait %i ms', (failures, rule, wait) => {
    expect(backoffMs(failures, rule)).toBe(wait);
  });
});

describe('reserveLoginAttempt', () => {
  test('when failures are older than the window, then they no longer count and are deleted', async () => {
    const db = await createTestDb();
    const start = new Date('2026-03-02T08:00:00Z');
    for (let i = 0; i < 8; i++)
      await reserveLoginAttempt(db, 'a@scuola.test', '10.0.0.1', new Date(start.getTime() + i * 20 * 60_000));

    const later = await reserveLoginAttempt(
      db,
      'a@scuola.test',
      '10.0.0.1',
      new Date(start.getTime() + 8 * 20 * 60_000),
    );

    expect(later.ok).toBe(true);
    expect(await db.selectFrom('login_failure').select('key').where('key', 'like', 'pair:%').execute()).toHaveLength(3); // this one and the two of the last hour
  });
});
