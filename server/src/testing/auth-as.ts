import type { Role } from '@primm/shared/contracts/auth';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { SESSION_COOKIE_PLAIN } from '../http/authenticate';

/** Headers of a request made by this user: a live session cookie (and nothing else). */
export async function authAs(db: Db, user: { id: number }, now = new Date()): Promise<{ Cookie: string }> {
  const token = await createSession(db, user.id, now);
  return { Cookie: `${SESSION_COOKIE_PLAIN}=${token}` };
}

let n = 0;
/** A user of a role holding the given schools and classes. */
export async function aUser(
  db: Db,
  role: Role,
  scope: { schoolIds?: number[]; classIds?: number[]; municipalityCodes?: string[] } = {},
) {
  n += 1;
  const user = await db
    .insertInto('app_user')
    .values({
      email: `${role}${n}@scuola.test`,
      display_name: `${role} ${n}`,
      role,
      password_hash: null,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const school_id of scope.schoolIds ?? [])
    await db.insertInto('user_school').values({ user_id: user.id, school_id }).execute();
  for (const class_id of scope.classIds ?? [])
    await db.insertInto('user_class').values({ user_id: user.id, class_id }).execute();
  for (const municipality_istat of scope.municipalityCodes ?? [])
    await db.insertInto('user_municipality').values({ user_id: user.id, municipality_istat }).execute();
  return user;
}

/** State-changing requests must come from our own origin (CSRF check): a fixed Host and Origin. */
export const SAME_ORIGIN = { Host: 'primm.test', Origin: 'http://primm.test' } as const;
