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
        eb(
          'id',
          'in',
          eb
            .selectFrom('user_class')
            .innerJoin('class', 'class.id', 'user_class.class_id')
            .select('user_id')
            .where('class.school_id', 'in', inSchools),
        ),
      ]),
    );
  }
  const users = await q.execute();
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const schools = await db
    .selectFrom('user_school')
    .innerJoin('school', 'school.id', 'user_school.school_id')
    .select(['user_school.user_id', 'school.code'])
    .where('user_id', 'in', ids)
    .execute();
  const classes = await db
    .selectFrom('user_class')
    .innerJoin('class', 'class.id', 'user_class.class_id')
    .innerJoin('school', 'school.id', 'class.school_id')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .select(['user_class.user_id', 'user_class.class_id', 'class.name', 'school.code', 'school_year.label'])
    .where('user_id', 'in', ids)
    .orderBy('school_year.label', 'desc')
    .orderBy('school.code')
    .orderBy('class.name')
    .execute();
  const municipalities = await db
    .selectFrom('user_municipality')
    .select(['user_id', 'municipality_istat'])
    .where('user_id', 'in', ids)
    .orderBy('municipality_istat')
    .execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    schools: schools
      .filter((s) => s.user_id === u.id)
      .map((s) => s.code)
      .sort(),
    classIds: classes
      .filter((c) => c.user_id === u.id)
      .map((c) => c.class_id)
      .sort((a, b) => a - b),
    classes: classes
      .filter((c) => c.user_id === u.id)
      .map((c) => ({ id: c.class_id, name: c.name, schoolCode: c.code, schoolYear: c.label })),
    municipalities: municipalities.filter((m) => m.user_id === u.id).map((m) => m.municipality_istat),
    createdAt: u.created_at,
    disabled: u.disabled_at !== null,
  }));
}

export async function insertUser(
  db: Db,
  input: {
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    schoolIds: number[];
    classIds: number[];
    municipalityCodes: string[];
    now: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      password_hash: input.passwordHash,
      must_change_password: 1,
      one_time_password_issued_at: input.now,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.schoolIds.length > 0)
    await db
      .insertInto('user_school')
      .values(input.schoolIds.map((s) => ({ user_id: id, school_id: s })))
      .execute();
  if (input.classIds.length > 0)
    await db
      .insertInto('user_class')
      .values(input.classIds.map((c) => ({ user_id: id, class_id: c })))
      .execute();
  await insertMunicipalities(db, id, input.municipalityCodes);
  return id;
}

/** The account's role, name and scope replaced as a whole (the caller owns the transaction). */
export async function replaceUser(
  db: Db,
  id: number,
  input: { displayName: string; role: Role; schoolIds: number[]; classIds: number[]; municipalityCodes: string[] },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ display_name: input.displayName, role: input.role })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('user_school').where('user_id', '=', id).execute();
  await db.deleteFrom('user_class').where('user_id', '=', id).execute();
  await db.deleteFrom('user_municipality').where('user_id', '=', id).execute();
  if (input.schoolIds.length > 0)
    await db
      .insertInto('user_school')
      .values(input.schoolIds.map((s) => ({ user_id: id, school_id: s })))
      .execute();
  if (input.classIds.length > 0)
    await db
      .insertInto('user_class')
      .values(input.classIds.map((c) => ({ user_id: id, class_id: c })))
      .execute();
  await insertMunicipalities(db, id, input.municipalityCodes);
}

async function insertMunicipalities(db: Db, id: number, codes: string[]): Promise<void> {
  if (codes.length > 0)
    await db
      .insertInto('user_municipality')
      .values(codes.map((m) => ({ user_id: id, municipality_istat: m })))
      .execute();
}

/** Disabled (now) or enabled again; a disabled account's sessions end at once. */
export async function setUserDisabled(db: Db, id: number, disabledAt: string | null): Promise<void> {
  await db.updateTable('app_user').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
  if (disabledAt !== null) await db.deleteFrom('user_session').where('user_id', '=', id).execute();
}
