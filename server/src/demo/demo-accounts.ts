import type { Role } from '@primm/shared/contracts/auth';
import { hashPassword } from '../auth/password';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';

/** Shown by `pnpm start` and on the login page, only in demo mode. */
export const DEMO_PASSWORD = 'demo-primm';

export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string; description: string }[] = [
  {
    email: 'docente@demo.primm.it',
    role: 'docente',
    displayName: 'Docente dimostrativo',
    description: 'due classi di una scuola secondaria di secondo grado',
  },
  {
    email: 'mediatore@demo.primm.it',
    role: 'mediatore',
    displayName: 'Mediatore dimostrativo',
    description: 'due scuole della regione dimostrativa',
  },
  {
    email: 'referente@demo.primm.it',
    role: 'referente',
    displayName: 'Referente dimostrativo',
    description: 'una scuola: importazioni, classi, utenti',
  },
  {
    email: 'analista@demo.primm.it',
    role: 'analista',
    displayName: 'Analista USR dimostrativo',
    description: 'solo dati aggregati, mai un nome',
  },
  {
    email: 'pua@demo.primm.it',
    role: 'pua',
    displayName: 'Operatore PUA dimostrativo',
    description: 'il Punto Unico di Accesso del comune dove vivono più studenti della scuola del referente',
  },
  {
    email: 'comune@demo.primm.it',
    role: 'comune',
    displayName: 'Ufficio scuola del comune dimostrativo',
    description: 'lo stesso comune: segnalazioni al sindaco ed elenchi di ottobre dei suoi residenti',
  },
  {
    email: 'admin@demo.primm.it',
    role: 'admin',
    displayName: 'Amministratore dimostrativo',
    description: 'tutto, configurazione e registro degli accessi',
  },
];

const DEMO_EMAILS = DEMO_ACCOUNTS.map((a) => a.email);

/**
 * Demo accounts have a published password: they must never sit beside real ones (issue 17,
 * finding 12). Throws when the database has any user that is not a demo account.
 */
export async function assertNoRealUsers(db: Db): Promise<void> {
  const real = await db
    .selectFrom('app_user')
    .select('email')
    .where('email', 'not in', DEMO_EMAILS)
    .limit(1)
    .executeTakeFirst();
  if (real) {
    throw new Error(
      'Modalità dimostrativa rifiutata: il database contiene utenti reali, e gli account dimostrativi hanno una password pubblica. Avviate senza PRIMM_DEMO / --demo.',
    );
  }
}

/** The demo accounts present in the database (and enabled): the only ones the login page may list. */
export async function existingDemoAccounts(db: Db): Promise<typeof DEMO_ACCOUNTS> {
  const rows = await db
    .selectFrom('app_user')
    .select('email')
    .where('email', 'in', DEMO_EMAILS)
    .where('disabled_at', 'is', null)
    .execute();
  const present = new Set(rows.map((r) => r.email));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.email));
}

/**
 * One account per role with scopes on the demo schools: the teacher has two classes of the first
 * upper-secondary school, the referent that school, the mediator that school and the next one.
 */
export async function createDemoAccounts(db: Db): Promise<void> {
  const schools = await db
    .selectFrom('school')
    .select('id')
    .where('level', '=', 'secondo_grado')
    .orderBy('code')
    .limit(2)
    .execute();
  const first = schools[0];
  if (!first) throw new Error('La regione dimostrativa non contiene scuole secondarie di secondo grado');
  // of the current year: the demo also holds past years (for the backtest), whose classes have no risk list
  const year = await findCurrentSchoolYear(db);
  const classes = await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', first.id)
    .$if(year !== null, (q) => q.where('school_year_id', '=', year!.id))
    .orderBy('grade_level')
    .orderBy('name')
    .limit(2)
    .execute();
  // The PUA and the municipality serve where most of the referent's students live, so that a
  // referral or a report from that school reaches them (issue 21).
  const residence = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .innerJoin('municipality', 'municipality.istat_code', 'student.residence_istat')
    .select(['student.residence_istat as istat', (eb) => eb.fn.countAll<number>().as('n')])
    .where('class.school_id', '=', first.id)
    .groupBy('student.residence_istat')
    .orderBy('n', 'desc')
    .orderBy('student.residence_istat')
    .limit(1)
    .executeTakeFirst();
  const municipality = residence?.istat ?? null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await assertNoRealUsers(trx);
    for (const account of DEMO_ACCOUNTS) {
      const { id } = await trx
        .insertInto('app_user')
        .values({
          email: account.email,
          display_name: account.displayName,
          role: account.role,
          password_hash: passwordHash,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (account.role === 'docente') {
        await trx
          .insertInto('user_class')
          .values(classes.map((c) => ({ user_id: id, class_id: c.id })))
          .execute();
      }
      if (account.role === 'referente')
        await trx.insertInto('user_school').values({ user_id: id, school_id: first.id }).execute();
      if ((account.role === 'pua' || account.role === 'comune') && municipality !== null)
        await trx.insertInto('user_municipality').values({ user_id: id, municipality_istat: municipality }).execute();
      if (account.role === 'mediatore') {
        await trx
          .insertInto('user_school')
          .values(schools.map((s) => ({ user_id: id, school_id: s.id })))
          .execute();
      }
    }
  });
}
