import type { Role } from '@primm/shared/contracts/auth';
import type { User } from '@primm/shared/contracts/users';
import type { Db } from '../db/open-database';

/** Users with their scopes; `inSchools` limits to users holding one of those schools or their classes. */
export async function listUsers(db: Db, inSchools: number[] | null): Promise<User[]> {
  let q = db.selectFrom('app_user').selectAll().orderBy('email');
  if (inSchools !== null) {
    if (inSchools.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('user_school').select('user_id').where('school_id', 'in', inSchools)),
        eb('id', 'in', eb.selectFrom('user_class').innerJoin('class', 'class.id', 'user_class.class_id').select('user_id').where('class.school_id', 'in', inSchools)),
      ]),
    );
  }
  const users = await q.execute();
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const schools = await db.selectFrom('user_school').innerJoin('school', 'school.id', 'user_school.school_id')
    .select(['user_school.user_id', 'school.code']).where('user_id', 'in', ids).execute();
  const classes = await db.selectFrom('user_class').select(['user_id', 'class_id']).where('user_id', 'in', ids).execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    schools: schools.filter((s) => s.user_id === u.id).map((s) => s.code).sort(),
    classIds: classes.filter((c) => c.user_id === u.id).map((c) => c.class_id).sort((a, b) => a - b),
    createdAt: u.created_at,
    disabled: u.disabled_at !== null,
  }));
}

export async function insertUser(
  db: Db,
  input: { email: string; displayName: string; role: Role; passwordHash: string; schoolIds: number[]; classIds: number[]; now: string },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      email: input.email, display_name: input.displayName, role: input.role, password_hash: input.passwordHash,
      must_change_password: 1, one_time_password_issued_at: input.now, created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.schoolIds.length > 0) await db.insertInto('user_school').values(input.schoolIds.map((s) => ({ user_id: id, school_id: s }))).execute();
  if (input.classIds.length > 0) await db.insertInto('user_class').values(input.classIds.map((c) => ({ user_id: id, class_id: c }))).execute();
  return id;
}
