import { parseSmallCsv } from '@primm/shared/csv/parse-small-csv';
import { Role } from '@primm/shared/contracts/auth';
import { CreateUserInput, type BulkUserRow, type CreatedUser } from '@primm/shared/contracts/users';
import type { AuthUser } from '../auth/current-user';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { insertUser, listUsers } from './repository';
import { resolveScope } from './service';

/** Users of one CSV: enough for a school's staff, or a province's referents. */
export const MAX_BULK_ROWS = 500;

const COLUMNS: Record<string, 'email' | 'displayName' | 'role' | 'schools' | 'classes'> = {
  email: 'email',
  'e-mail': 'email',
  'posta elettronica': 'email',
  'indirizzo email': 'email',
  nome: 'displayName',
  'nome e cognome': 'displayName',
  'cognome e nome': 'displayName',
  'nome visualizzato': 'displayName',
  ruolo: 'role',
  scuole: 'schools',
  scuola: 'schools',
  'codice scuola': 'schools',
  'codici scuola': 'schools',
  classi: 'classes',
  classe: 'classes',
};

const ROLES: Record<string, Role> = {
  docente: 'docente',
  insegnante: 'docente',
  mediatore: 'mediatore',
  mediatrice: 'mediatore',
  referente: 'referente',
  analista: 'analista',
  admin: 'admin',
  amministratore: 'admin',
  amministratrice: 'admin',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
const list = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

interface CheckedRow extends BulkUserRow {
  input?: CreateUserInput & { resolved: { schoolIds: number[]; classIds: number[]; municipalityCodes: string[] } };
}

/**
 * Reads a CSV of accounts (`Email;Nome;Ruolo;Scuole;Classi`) and checks every row as a single
 * creation would be checked — valid e-mail, a role the actor may give, schools and classes of
 * theirs that fit the role, an e-mail not taken nor repeated — and says per row what is wrong.
 * Classes are written `3A` (within the row's schools, or the actor's when the row names none) or
 * `ANIS01600V/3A`; they are this school year's.
 */
export async function checkBulkCsv(db: Db, actor: AuthUser, csv: string): Promise<CheckedRow[]> {
  const { header, records } = parseSmallCsv(csv);
  const at = Object.fromEntries(header.map((h, i) => [COLUMNS[fold(h)], i]).filter(([k]) => k !== undefined)) as Record<
    string,
    number
  >;
  const missing = (['email', 'displayName', 'role'] as const).filter((k) => at[k] === undefined);
  if (missing.length > 0)
    throw new HttpError(
      400,
      'validation_failed',
      'Intestazione del CSV: servono le colonne Email, Nome e Ruolo (e, secondo il ruolo, Scuole o Classi)',
    );
  if (records.length === 0) throw new HttpError(400, 'validation_failed', 'Il CSV non contiene utenti');
  if (records.length > MAX_BULK_ROWS)
    throw new HttpError(400, 'validation_failed', `Al massimo ${MAX_BULK_ROWS} utenti per file`);

  const year = await findCurrentSchoolYear(db);
  const classes =
    year === null
      ? []
      : await db
          .selectFrom('class')
          .innerJoin('school', 'school.id', 'class.school_id')
          .select(['class.id', 'class.name', 'school.code', 'school.id as schoolId'])
          .where('class.school_year_id', '=', year.id)
          .execute();
  const actorCodes =
    actor.schoolIds.length === 0
      ? []
      : (await db.selectFrom('school').select('code').where('id', 'in', actor.schoolIds).execute()).map((s) => s.code);
  const taken = new Set((await db.selectFrom('app_user').select('email').execute()).map((u) => u.email));
  const seen = new Map<string, number>();

  const out: CheckedRow[] = [];
  for (const { line, fields } of records) {
    const cell = (k: string) => (at[k] === undefined ? '' : (fields[at[k]!] ?? ''));
    const errors: string[] = [];
    const roleText = fold(cell('role'));
    const role = ROLES[roleText] ?? null;
    if (!role)
      errors.push(
        roleText === ''
          ? 'ruolo mancante'
          : `ruolo non valido: "${cell('role')}" (docente, mediatore, referente, analista, amministratore)`,
      );
    const schools = list(cell('schools').toUpperCase());
    const classIds: number[] = [];
    const classNames: string[] = [];
    for (const written of list(cell('classes').replace(/\s*\/\s*/g, '/'))) {
      const [code, name] = written.includes('/')
        ? (written.toUpperCase().split('/') as [string, string])
        : [null, written.toUpperCase()];
      const within = code ? [code] : schools.length > 0 ? schools : actorCodes;
      const found = classes.filter((c) => c.name === name && (within.length === 0 || within.includes(c.code)));
      if (found.length === 1) {
        classIds.push(found[0]!.id);
        classNames.push(`${found[0]!.code} ${found[0]!.name}`);
      } else {
        classNames.push(written);
        errors.push(
          found.length === 0
            ? `classe ${written} non trovata quest'anno`
            : `classe ${written} ambigua: indica la scuola (es. ${found[0]!.code}/${name})`,
        );
      }
    }
    const parsed = CreateUserInput.safeParse({
      email: cell('email'),
      displayName: cell('displayName'),
      role: role ?? 'docente',
      schools: role === 'docente' ? [] : schools,
      classIds,
    });
    if (!parsed.success)
      errors.push(
        ...parsed.error.issues.map(
          (i) =>
            `${i.path.join('.') === 'email' ? 'email' : i.path.join('.') === 'displayName' ? 'nome' : i.path.join('.')}: ${i.message}`,
        ),
      );
    const email = parsed.success ? parsed.data.email : cell('email').trim().toLowerCase();
    if (taken.has(email)) errors.push(`esiste già un utente ${email}`);
    if (seen.has(email)) errors.push(`email ripetuta (già alla riga ${seen.get(email)})`);
    else if (email) seen.set(email, line);
    let resolved: { schoolIds: number[]; classIds: number[]; municipalityCodes: string[] } | undefined;
    if (role && parsed.success && errors.length === 0) {
      try {
        resolved = await resolveScope(db, actor, parsed.data);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        errors.push(err.message);
      }
    }
    out.push({
      line,
      email,
      displayName: cell('displayName'),
      role,
      schools,
      classes: classNames,
      errors,
      ...(resolved && parsed.success ? { input: { ...parsed.data, resolved } } : {}),
    });
  }
  return out;
}

/**
 * Creates every account of the CSV in one transaction, or none: a single row that fails its
 * checks refuses the file (400, the rows in `details`). Each account gets its one-time password.
 */
export async function createBulk(db: Db, actor: AuthUser, csv: string, now: Date = new Date()): Promise<CreatedUser[]> {
  const rows = await checkBulkCsv(db, actor, csv);
  const refused = rows.filter((r) => r.errors.length > 0);
  if (refused.length > 0) {
    throw new HttpError(
      400,
      'validation_failed',
      `${refused.length} righe non valide: nessun utente creato`,
      refused.map((r) => ({ path: `riga ${r.line}`, message: r.errors.join('; ') })),
    );
  }
  const passwords = new Map<string, string>();
  const prepared: { row: CheckedRow; passwordHash: string }[] = [];
  for (const row of rows) {
    const password = generateOneTimePassword();
    passwords.set(row.input!.email, password);
    prepared.push({ row, passwordHash: await hashPassword(password) });
  }
  const ids = await db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (const { row, passwordHash } of prepared) {
      const { email, displayName, role, resolved } = row.input!;
      out.push(await insertUser(trx, { email, displayName, role, passwordHash, ...resolved, now: now.toISOString() }));
    }
    return out;
  });
  const users = await listUsers(db, null);
  return ids.map((id) => {
    const user = users.find((u) => u.id === id)!;
    return { user, oneTimePassword: passwords.get(user.email)! };
  });
}

/** A row as the preview shows it (without what the commit needs). */
export const publicRow = ({ input: _input, ...row }: CheckedRow): BulkUserRow => row;
