import { parseArgs } from 'node:util';
import '../../server/src/http/zod-italian';
import { ZodError } from 'zod';
import { CreateUserInput } from '@primm/shared/contracts/users';
import { HttpError } from '../../server/src/http/http-error';
import { createUser, issueOneTimePassword } from '../../server/src/users/service';
import { withDatabase } from './open-db';
import { parseFlags } from './parse-flags';

const USAGE = `Uso: pnpm primm users add --db FILE --email EMAIL --role RUOLO [--name NOME] [--school CODICE…] [--class ID…] [--comune ISTAT…] [--json]
     pnpm primm users reset --db FILE --email EMAIL [--json]

add: crea un account e stampa una password monouso da consegnare all'utente (sarà chiesto di
cambiarla; scade dopo 72 ore). Ruoli: admin, referente (--school), docente (--class), mediatore
(--school), analista, pua e comune (--comune: codice ISTAT di 6 cifre di ciascun comune servito).
reset: una nuova password monouso per un account esistente (per esempio quando la prima è scaduta);
le sue sessioni aperte terminano.`;

export async function runUsersCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'reset') return runReset(rest);
  if (sub !== 'add') {
    console.log(USAGE);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        school: { type: 'string', multiple: true, default: [] },
        class: { type: 'string', multiple: true, default: [] },
        comune: { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  let input;
  try {
    input = CreateUserInput.parse({
      email: values.email,
      displayName: values.name ?? values.email,
      role: values.role,
      schools: values.school,
      classIds: values.class.map(Number),
      municipalities: values.comune,
    });
  } catch (err) {
    const detail =
      err instanceof ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err);
    console.error(`Dati non validi: ${detail}\n\n${USAGE}`);
    return 2;
  }
  return withDatabase(values.db, async (db) => {
    try {
      const { user, oneTimePassword } = await createUser(db, null, input);
      if (values.json) console.log(JSON.stringify({ user, oneTimePassword }));
      else console.log(`Creato ${user.email} (${user.role}). Password monouso: ${oneTimePassword}`);
      return 0;
    } catch (err) {
      if (err instanceof HttpError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
  });
}

async function runReset(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, email: { type: 'string' }, json: { type: 'boolean', default: false } },
    USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const email = values.email?.trim().toLowerCase();
  if (!email) {
    console.error(`Manca --email\n\n${USAGE}`);
    return 2;
  }
  return withDatabase(values.db, async (db) => {
    const row = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
    if (!row) {
      console.error(`Nessun utente ${email}`);
      return 1;
    }
    const { user, oneTimePassword } = await issueOneTimePassword(db, null, row.id);
    if (values.json) console.log(JSON.stringify({ user, oneTimePassword }));
    else console.log(`Nuova password monouso per ${user.email} (${user.role}), valida 72 ore: ${oneTimePassword}`);
    return 0;
  });
}
