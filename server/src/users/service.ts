import type { CreateUserInput, CreatedUser, UpdateUserInput, User } from '@primm/shared/contracts/users';
import type { Role } from '@primm/shared/contracts/auth';
import type { AuthUser } from '../auth/current-user';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { insertUser, listUsers, replaceUser, setUserDisabled } from './repository';

export const REFERENT_MANAGES: Role[] = ['docente', 'mediatore', 'referente'];

/**
 * The one kind of scope each role holds (DESIGN.md "Users"), and must hold at least one of; a role
 * without one holds nothing.
 */
const SCOPE_OF: Record<Role, 'schools' | 'classIds' | 'municipalities' | null> = {
  referente: 'schools',
  mediatore: 'schools',
  docente: 'classIds',
  admin: null,
  analista: null,
  pua: 'municipalities',
  comune: 'municipalities',
};

/**
 * Creates an account with a one-time password. The admin may create any role; a referent only
 * teachers, mediators and referents of their own schools (issue "Accounts": users of those schools).
 */
export async function createUser(
  db: Db,
  actor: AuthUser | null,
  input: CreateUserInput,
  now: Date = new Date(),
): Promise<CreatedUser> {
  const scope = await resolveScope(db, actor, input);
  if (await db.selectFrom('app_user').select('id').where('email', '=', input.email).executeTakeFirst()) {
    throw new HttpError(409, 'conflict', `Esiste già un utente ${input.email}`);
  }
  const oneTimePassword = generateOneTimePassword();
  const id = await db.transaction().execute(async (trx) =>
    insertUser(trx, {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(oneTimePassword),
      ...scope,
      now: now.toISOString(), // also the one-time password's issue time (it expires 72 h later)
    }),
  );
  const user = (await listUsers(db, null)).find((u) => u.id === id)!;
  return { user, oneTimePassword };
}

/**
 * The ids of the schools and classes (and the municipalities) an account of this role would hold,
 * checked: known, the actor's to give (a referent: their own schools and the classes in them;
 * municipalities only the admin), fitting the role.
 */
export async function resolveScope(
  db: Db,
  actor: AuthUser | null,
  input: { role: Role; schools: string[]; classIds: number[]; municipalities?: string[] },
): Promise<{ schoolIds: number[]; classIds: number[]; municipalityCodes: string[] }> {
  if (actor && actor.role !== 'admin') await assertReferentMayAssign(db, actor, input);
  const schools =
    input.schools.length === 0
      ? []
      : await db.selectFrom('school').select(['id', 'code']).where('code', 'in', input.schools).execute();
  const unknown = input.schools.filter((code) => !schools.some((s) => s.code === code));
  if (unknown.length > 0) throw new HttpError(400, 'validation_failed', `Scuole sconosciute: ${unknown.join(', ')}`);
  const classes =
    input.classIds.length === 0
      ? []
      : await db.selectFrom('class').select(['id', 'school_id']).where('id', 'in', input.classIds).execute();
  if (classes.length !== new Set(input.classIds).size)
    throw new HttpError(400, 'validation_failed', 'Classi sconosciute');
  const wantedMunicipalities = [...new Set(input.municipalities ?? [])];
  const municipalities =
    wantedMunicipalities.length === 0
      ? []
      : await db
          .selectFrom('municipality')
          .select('istat_code')
          .where('istat_code', 'in', wantedMunicipalities)
          .execute();
  const unknownMunicipalities = wantedMunicipalities.filter((c) => !municipalities.some((m) => m.istat_code === c));
  if (unknownMunicipalities.length > 0)
    throw new HttpError(400, 'validation_failed', `Comuni sconosciuti: ${unknownMunicipalities.join(', ')}`);
  checkScopeFitsRole({ ...input, municipalities: wantedMunicipalities });
  return {
    schoolIds: schools.map((s) => s.id),
    classIds: classes.map((c) => c.id),
    municipalityCodes: municipalities.map((m) => m.istat_code).sort(),
  };
}

/**
 * A referent creates teachers, mediators and referents of their own schools. A school or class
 * that is not theirs gets the same answer whether it exists or not (issue 17: ids are not probed).
 */
async function assertReferentMayAssign(
  db: Db,
  actor: AuthUser,
  input: { role: Role; schools: string[]; classIds: number[] },
): Promise<void> {
  if (!REFERENT_MANAGES.includes(input.role))
    throw denied('Un referente può creare solo docenti, mediatori e referenti');
  const own = actor.schoolIds;
  const ownCodes =
    input.schools.length === 0 || own.length === 0
      ? []
      : await db
          .selectFrom('school')
          .select('code')
          .where('id', 'in', own)
          .where('code', 'in', input.schools)
          .execute();
  const ownClasses =
    input.classIds.length === 0 || own.length === 0
      ? []
      : await db
          .selectFrom('class')
          .select('id')
          .where('school_id', 'in', own)
          .where('id', 'in', input.classIds)
          .execute();
  if (ownCodes.length !== new Set(input.schools).size || ownClasses.length !== new Set(input.classIds).size)
    throw denied('Puoi assegnare solo scuole e classi tue');
}

function checkScopeFitsRole(input: {
  role: Role;
  schools: string[];
  classIds: number[];
  municipalities: string[];
}): void {
  const field = SCOPE_OF[input.role];
  if (field && input[field].length === 0) {
    const message = {
      classIds: 'Un docente ha bisogno di almeno una classe',
      schools: 'Serve almeno una scuola',
      municipalities: 'Serve almeno un comune servito',
    }[field];
    throw new HttpError(400, 'validation_failed', message);
  }
}

/**
 * An account the actor manages: the admin any, a referent the teachers, mediators and referents
 * of their schools. One out of scope answers like one that does not exist (issue 17).
 */
async function managedUser(db: Db, actor: AuthUser | null, userId: number): Promise<User> {
  const inScope = await listUsers(db, !actor || actor.role === 'admin' ? null : actor.schoolIds);
  const user = inScope.find((u) => u.id === userId);
  if (!user) throw new HttpError(404, 'not_found', 'Utente non trovato');
  if (actor && actor.role !== 'admin' && !REFERENT_MANAGES.includes(user.role))
    throw denied('Un referente gestisce solo docenti, mediatori e referenti');
  return user;
}

/** What a referent may not touch of an account: its schools and classes outside the referent's schools. */
async function scopeElsewhere(db: Db, actor: AuthUser, user: User): Promise<{ schools: string[]; classIds: number[] }> {
  const own =
    actor.schoolIds.length === 0
      ? []
      : await db.selectFrom('school').select('code').where('id', 'in', actor.schoolIds).execute();
  const ownCodes = new Set(own.map((s) => s.code));
  return {
    schools: user.schools.filter((c) => !ownCodes.has(c)),
    classIds: user.classes.filter((c) => !ownCodes.has(c.schoolCode)).map((c) => c.id),
  };
}

/**
 * Edits an account's name, role and scope. A referent changes only what lies in their schools:
 * the input names schools and classes of theirs, and whatever the user holds elsewhere is kept.
 * Nobody changes their own role (the last admin would lock everyone out). Rights follow at once:
 * every request reads the account afresh (current-user.ts).
 */
export async function updateUser(
  db: Db,
  actor: AuthUser,
  userId: number,
  input: UpdateUserInput,
): Promise<{ before: User; after: User }> {
  const before = await managedUser(db, actor, userId);
  const role = input.role ?? before.role;
  if (userId === actor.id && role !== before.role)
    throw new HttpError(409, 'conflict', 'Non puoi cambiare il tuo ruolo: chiedilo a un altro amministratore');
  const holds = SCOPE_OF[role];
  const schools = holds === 'schools' ? (input.schools ?? before.schools) : [];
  const classIds = holds === 'classIds' ? (input.classIds ?? before.classIds) : [];
  const municipalities = holds === 'municipalities' ? (input.municipalities ?? before.municipalities) : [];
  let wanted = { role, schools, classIds, municipalities };
  if (actor.role !== 'admin') {
    const elsewhere = await scopeElsewhere(db, actor, before);
    const mine = {
      role,
      schools: schools.filter((c) => !elsewhere.schools.includes(c)),
      classIds: classIds.filter((c) => !elsewhere.classIds.includes(c)),
    };
    await assertReferentMayAssign(db, actor, mine);
    wanted = {
      role,
      schools: holds === 'schools' ? [...new Set([...mine.schools, ...elsewhere.schools])] : [],
      classIds: holds === 'classIds' ? [...new Set([...mine.classIds, ...elsewhere.classIds])] : [],
      municipalities: [],
    };
  }
  const scope = await resolveScope(db, null, wanted);
  await db
    .transaction()
    .execute((trx) =>
      replaceUser(trx, userId, { displayName: input.displayName ?? before.displayName, role, ...scope }),
    );
  const after = (await listUsers(db, null)).find((u) => u.id === userId)!;
  return { before, after };
}

/**
 * Disables an account (its sessions end at once) or enables it again. A referent only accounts
 * wholly within their schools: disabling a mediator who also serves another school would stop
 * that school's work too, so that is the admin's. Nobody disables themselves.
 */
export async function setDisabled(
  db: Db,
  actor: AuthUser,
  userId: number,
  disabled: boolean,
  now: Date = new Date(),
): Promise<User> {
  const user = await managedUser(db, actor, userId);
  if (userId === actor.id) throw new HttpError(409, 'conflict', 'Non puoi disattivare il tuo account');
  if (actor.role !== 'admin') {
    const elsewhere = await scopeElsewhere(db, actor, user);
    if (elsewhere.schools.length + elsewhere.classIds.length > 0)
      throw denied("L'utente lavora anche per altre scuole: può disattivarlo solo l'amministratore");
  }
  await db.transaction().execute((trx) => setUserDisabled(trx, userId, disabled ? now.toISOString() : null));
  return (await listUsers(db, null)).find((u) => u.id === userId)!;
}

/**
 * A new one-time password for an existing account, e.g. when the first one expired unused (72 h)
 * or was forgotten. The admin may reissue any account's; a referent those they could create (the
 * teachers, mediators and referents of their schools). The account's sessions end: whoever held
 * the old password is out.
 */
export async function issueOneTimePassword(
  db: Db,
  actor: AuthUser | null,
  userId: number,
  now: Date = new Date(),
): Promise<CreatedUser> {
  const user = await managedUser(db, actor, userId);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: 1, one_time_password_issued_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
  });
  return { user, oneTimePassword };
}
