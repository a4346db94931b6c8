import { randomBytes } from 'node:crypto';
import { compiledOnce } from '../db/compiled-once';
import { isDatabaseBusy } from '../db/database-busy';
import type { Db } from '../db/open-database';
import { hashToken } from './token-hash';

/** Idle and absolute lifetimes of a session (issue "Accounts": 30 minutes, 12 hours). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// last_seen_at is refreshed at most this often, so that reads do not all become writes.
const TOUCH_EVERY_MS = 60 * 1000;

/** A new session with 256 random bits; returns the token for the cookie. */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('user_session')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
    })
    .execute();
  return token;
}

/**
 * The user id of a live session, touching it; expired sessions are deleted on sight. Both writes
 * are best effort: when another connection holds the write lock (an import on SQLite, see
 * `openSessionConnection`) they are skipped, the answer is the same, and a later request touches.
 */
export async function resumeSession(db: Db, token: string, now: Date): Promise<number | undefined> {
  const id = hashToken(token);
  const [session] = (await db.executeQuery(sessionStatement(db, id))).rows;
  if (!session) return undefined;
  const idleSince = now.getTime() - Date.parse(session.last_seen_at);
  if (idleSince > IDLE_TIMEOUT_MS || now.toISOString() >= session.expires_at) {
    await unlessBusy(db.deleteFrom('user_session').where('id', '=', id).execute());
    return undefined;
  }
  if (idleSince > TOUCH_EVERY_MS) {
    await unlessBusy(
      db.updateTable('user_session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute(),
    );
  }
  return session.user_id;
}

// Read by every request: built and compiled once (compiled-once.ts).
const sessionStatement = compiledOnce((db: Db, id: string) =>
  db.selectFrom('user_session').selectAll().where('id', '=', id),
);

async function unlessBusy(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if (!isDatabaseBusy(err)) throw err;
  }
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', hashToken(token)).execute();
}
