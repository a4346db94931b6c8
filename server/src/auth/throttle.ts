import { sql } from 'kysely';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';

/**
 * Failed logins slow the guesser without locking out the owner (issue 17, finding 9). A hard
 * lock per account let anyone lock the admin out with five wrong passwords, and one per address
 * locked out a whole school behind one proxy. Instead each attempt is counted three ways, and
 * past a number of free failures in the window each key must wait 1 s, 2 s, 4 s … (capped) after
 * its last failure:
 * - account and address together: the guesser at one address; 5 free, then up to 15 minutes;
 * - account, from any address: a guesser spread over many addresses; 20 free, then at most a
 *   minute, so the owner is slowed, never locked;
 * - address, on any account: one address trying many accounts; generous (a school's proxy
 *   carries everyone's typos), then at most a minute.
 */
export const THROTTLE = {
  windowMs: 60 * 60 * 1000,
  pair: { free: 5, capMs: 15 * 60 * 1000 },
  account: { free: 20, capMs: 60 * 1000 },
  address: { free: 100, capMs: 60 * 1000 },
} as const;

export interface BackoffRule {
  free: number;
  capMs: number;
}

/** The wait after the last failure once `failures` have happened in the window: 0, then 1 s doubling, capped. */
export function backoffMs(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capMs, 1000 * 2 ** Math.min(failures - rule.free, 30));
}

const keysOf = (email: string, ip: string) => ({
  pair: `pair:${ip} ${email}`,
  account: `email:${email}`,
  address: `ip:${ip}`,
});

/** 'PRIL': login reservations, one at a time across instances (PostgreSQL). */
const LOGIN_LOCK = 0x5052494c;

export type Reservation = { ok: true; email: string; ip: string; ids: number[] } | { ok: false; retryAfterMs: number };

/**
 * Counts this attempt as a failure BEFORE the password is checked, in the same transaction as
 * the check, so that parallel guesses cannot all pass it (60 at once let 11 through when the
 * failure was recorded after the check). A successful login then takes the reservation back
 * (`releaseOnSuccess`). A refused attempt is not counted: waiting is all it costs.
 */
export async function reserveLoginAttempt(db: Db, email: string, ip: string, now: Date): Promise<Reservation> {
  const keys = keysOf(email, ip);
  const since = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  return db.transaction().execute(async (trx) => {
    // SQLite: one writer, and kysely's one connection runs this transaction alone.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${LOGIN_LOCK})`.execute(trx);
    const rows = await trx
      .selectFrom('login_failure')
      .select(['key', ({ fn }) => fn.countAll<number | string>().as('n'), ({ fn }) => fn.max('at').as('last')])
      .where('key', 'in', Object.values(keys))
      .where('at', '>', since)
      .groupBy('key')
      .execute();
    const retryAfterMs = Math.max(
      ...(['pair', 'account', 'address'] as const).map((rule) => {
        const row = rows.find((r) => r.key === keys[rule]);
        if (!row) return 0;
        return Date.parse(row.last) + backoffMs(Number(row.n), THROTTLE[rule]) - now.getTime();
      }),
    );
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    const at = now.toISOString();
    const inserted = await trx
      .insertInto('login_failure')
      .values(Object.values(keys).map((key) => ({ key, at })))
      .returning('id')
      .execute();
    // Old failures say nothing any more: keep the table small.
    await trx.deleteFrom('login_failure').where('at', '<=', since).execute();
    return { ok: true, email, ip, ids: inserted.map((r) => r.id) };
  });
}

/**
 * The password was right: this attempt was no failure, and the owner's address starts again
 * from zero. The failures counted against the account from elsewhere stay: they are someone
 * else's guesses.
 */
export async function releaseOnSuccess(db: Db, reservation: Extract<Reservation, { ok: true }>): Promise<void> {
  const { pair } = keysOf(reservation.email, reservation.ip);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failure').where('id', 'in', reservation.ids).execute();
    await trx.deleteFrom('login_failure').where('key', '=', pair).execute();
  });
}
