import type { Db } from '../db/open-database';

/** Failed logins allowed in the window before further attempts are refused. */
export const THROTTLE = { windowMs: 15 * 60 * 1000, perAccount: 5, perAddress: 20 } as const;

const keys = (email: string, ip: string) => ({ account: `email:${email}`, address: `ip:${ip}` });

/** True when this account or this address has failed too often recently. */
export async function isThrottled(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  const { account, address } = keys(email, ip);
  const rows = await db
    .selectFrom('login_failure')
    .select(['key', ({ fn }) => fn.countAll<number>().as('n')])
    .where('key', 'in', [account, address])
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  const count = (k: string) => Number(rows.find((r) => r.key === k)?.n ?? 0);
  return count(account) >= THROTTLE.perAccount || count(address) >= THROTTLE.perAddress;
}

export async function recordLoginFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  const { account, address } = keys(email, ip);
  const at = now.toISOString();
  await db.insertInto('login_failure').values([{ key: account, at }, { key: address, at }]).execute();
  // Old failures say nothing any more: keep the table small.
  await db.deleteFrom('login_failure').where('at', '<', new Date(now.getTime() - THROTTLE.windowMs).toISOString()).execute();
}

/** A successful login clears the account's failures (not the address's: one good password must not unlock guessing others). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failure').where('key', '=', `email:${email}`).execute();
}
