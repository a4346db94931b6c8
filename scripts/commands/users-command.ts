import { parseArgs } from 'node:util';
import '../../server/src/http/zod-italian';
import { ZodError } from 'zod';
import { CreateUserInput } from '@primm/shared/contracts/users';
import { HttpError } from '../../server/src/http/http-error';
import { createUser } from '../../server/src/users/service';
import { withDatabase } from './open-db';

const USAGE = `Uso: pnpm primm users add --db FILE --email EMAIL --role RUOLO [--name NOME] [--school CODICE…] [--class ID…] [--json]

Crea un account e stampa una password monouso da consegnare all'utente (sarà chiesto di cambiarla).
Ruoli: admin, referente (--school), docente (--class), mediatore (--school), analista.`;

export async function runUsersCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
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
    });
  } catch (err) {
    const detail = err instanceof ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err);
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
