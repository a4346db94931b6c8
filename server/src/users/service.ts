import type { CreateUserInput, CreatedUser } from '@primm/shared/contracts/users';
import type { AuthUser } from '../auth/current-user';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { insertUser, listUsers } from './repository';

/**
 * Creates an account with a one-time password. The admin may create any role; a referent only
 * teachers, mediators and referents of their own schools (issue "Accounts": users of those schools).
 */
export async function createUser(db: Db, actor: AuthUser | null, input: CreateUserInput): Promise<CreatedUser> {
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
      now: new Date().toISOString(),
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
  if (!['docente', 'mediatore', 'referente'].includes(input.role)) throw denied('Un referente può creare solo docenti, mediatori e referenti');
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
