import type { CreateUserInput, CreatedUser } from '@primm/shared/contracts/users';
import type { Role } from '@primm/shared/contracts/auth';
import type { AuthUser } from '../auth/current-user';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { insertUser, listUsers } from './repository';

const REFERENT_MANAGES: Role[] = ['docente', 'mediatore', 'referente'];

/**
 * Creates an account with a one-time password. The admin may create any role; a referent only
 * teachers, mediators and referents of their own schools (issue "Accounts": users of those schools).
 */
export async function createUser(db: Db, actor: AuthUser | null, input: CreateUserInput, now: Date = new Date()): Promise<CreatedUser> {
  if (actor && actor.role !== 'admin') await assertReferentMayAssign(db, actor, input);
  const schools = input.schools.length === 0 ? [] : await db.selectFrom('school').select(['id', 'code']).where('code', 'in', input.schools).execute();
  const unknown = input.schools.filter((code) => !schools.some((s) => s.code === code));
  if (unknown.length > 0) throw new HttpError(400, 'validation_failed', `Scuole sconosciute: ${unknown.join(', ')}`);
  const classes = input.classIds.length === 0 ? [] : await db.selectFrom('class').select(['id', 'school_id']).where('id', 'in', input.classIds).execute();
  if (classes.length !== new Set(input.classIds).size) throw new HttpError(400, 'validation_failed', 'Classi sconosciute');
  checkScopeFitsRole(input);
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
      schoolIds: schools.map((s) => s.id),
      classIds: classes.map((c) => c.id),
      now: now.toISOString(), // also the one-time password's issue time (it expires 72 h later)
    }),
  );
  const user = (await listUsers(db, null)).find((u) => u.id === id)!;
  return { user, oneTimePassword };
}

/**
 * A referent creates teachers, mediators and referents of their own schools. A school or class
 * that is not theirs gets the same answer whether it exists or not (issue 17: ids are not probed).
 */
async function assertReferentMayAssign(db: Db, actor: AuthUser, input: CreateUserInput): Promise<void> {
  if (!REFERENT_MANAGES.includes(input.role)) throw denied('Un referente può creare solo docenti, mediatori e referenti');
  const own = actor.schoolIds;
  const ownCodes = input.schools.length === 0 || own.length === 0 ? [] : await db.selectFrom('school').select('code').where('id', 'in', own).where('code', 'in', input.schools).execute();
  const ownClasses = input.classIds.length === 0 || own.length === 0 ? [] : await db.selectFrom('class').select('id').where('school_id', 'in', own).where('id', 'in', input.classIds).execute();
  if (ownCodes.length !== new Set(input.schools).size || ownClasses.length !== new Set(input.classIds).size) throw denied('Puoi assegnare solo scuole e classi tue');
}

function checkScopeFitsRole(input: CreateUserInput): void {
  const needs = { docente: 'classIds', referente: 'schools', mediatore: 'schools' } as const;
  const field = needs[input.role as keyof typeof needs];
  if (field && input[field].length === 0) {
    throw new HttpError(400, 'validation_failed', field === 'classIds' ? 'Un docente ha bisogno di almeno una classe' : 'Serve almeno una scuola');
  }
}

/**
 * A new one-time password for an existing account, e.g. when the first one expired unused (72 h)
 * or was forgotten. The admin may reissue any account's; a referent those they could create (the
 * teachers, mediators and referents of their schools). The account's sessions end: whoever held
 * the old password is out.
 */
export async function issueOneTimePassword(db: Db, actor: AuthUser | null, userId: number, now: Date = new Date()): Promise<CreatedUser> {
  const inScope = await listUsers(db, !actor || actor.role === 'admin' ? null : actor.schoolIds);
  const user = inScope.find((u) => u.id === userId);
  if (!user) throw new HttpError(404, 'not_found', 'Utente non trovato');
  if (actor && actor.role !== 'admin' && !REFERENT_MANAGES.includes(user.role)) throw denied('Un referente gestisce solo docenti, mediatori e referenti');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: 1, one_time_password_issued_at: now.toISOString() })
      .where('id', '=', userId).execute();
    await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
  });
  return { user, oneTimePassword };
}
