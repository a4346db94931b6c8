/**
 * The server side of `bench api`, in its own process so that it and autocannon each get a core:
 * `node --import tsx api-server.ts DB`. DB is a private copy of the cached database (the audit log
 * and the sessions are written to it). Makes a teacher, a mediator and an analyst with live
 * sessions directly in the database (as server/src/testing/auth-as.ts does), listens on
 * 127.0.0.1 on a free port, prints one JSON line with the port, the cookies and the ids to ask
 * for; on SIGTERM prints its peak RSS and exits.
 */
import { createSession } from '../../server/src/auth/sessions';
import { createAggregateService } from '../../server/src/aggregates/aggregate-service';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { recomputeAll } from '../../server/src/recompute/recompute';
import { SESSION_COOKIE_PLAIN } from '../../server/src/http/authenticate';
import { BENCH_PSEUDONYM_KEY } from './region-cache';

const TEACHER_CLASSES = 4;

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('uso: api-server.ts DB');
const config = loadConfig({
  ...process.env,
  PRIMM_DB: dbPath,
  PRIMM_PSEUDONYM_KEY: BENCH_PSEUDONYM_KEY,
  PRIMM_DEMO: '0',
  PORT: '0',
  HOST: '127.0.0.1',
});
const db = openSqlite(config.dbPath);
await migrateToLatest(db);
// As the server does when it starts (main.ts): results older than the engine are computed again,
// so the lists read what this code stores.
await recomputeAll(db);

// The teacher: the biggest classes of the biggest upper-secondary school (the longest lists).
const school = await db
  .selectFrom('school')
  .innerJoin('class', 'class.school_id', 'school.id')
  .innerJoin('enrolment', 'enrolment.class_id', 'class.id')
  .select(['school.id', 'school.code', (eb) => eb.fn.countAll<number>().as('n')])
  .where('school.level', '=', 'secondo_grado')
  .where('enrolment.left_on', 'is', null)
  .groupBy(['school.id', 'school.code'])
  .orderBy('n', 'desc')
  .limit(1)
  .executeTakeFirstOrThrow();
const classes = await db
  .selectFrom('class')
  .innerJoin('enrolment', 'enrolment.class_id', 'class.id')
  .select(['class.id', (eb) => eb.fn.countAll<number>().as('n')])
  .where('class.school_id', '=', school.id)
  .where('enrolment.left_on', 'is', null)
  .groupBy('class.id')
  .orderBy('n', 'desc')
  .orderBy('class.id')
  .limit(TEACHER_CLASSES)
  .execute();
const classIds = classes.map((c) => c.id);
const students = await db
  .selectFrom('enrolment')
  .innerJoin('risk_result', 'risk_result.student_id', 'enrolment.student_id')
  .select('enrolment.student_id')
  .distinct()
  .where('enrolment.class_id', 'in', classIds)
  .where('enrolment.left_on', 'is', null)
  .orderBy('enrolment.student_id')
  .execute();

const teacher = await addUser(db, 'docente', { classIds });
const mediator = await addUser(db, 'mediatore', { schoolIds: [school.id] });
const analyst = await addUser(db, 'analista', {});
const cookie = async (id: number) => `${SESSION_COOKIE_PLAIN}=${await createSession(db, id, new Date())}`;

// As main.ts: the aggregates precomputed at start and after every write (issue 22.5).
const aggregates = createAggregateService(db, config);
const app = createApp({ db, config, aggregates });
aggregates.poke();
// The routes are measured once that start-up warm-up is over: run beside the first route, it took
// one of the machine's two cores away from the server under load (docs/performance-history.md §15).
const warmStart = performance.now();
await aggregates.idle();
console.error(`precalcolo degli aggregati all'avvio: ${((performance.now() - warmStart) / 1000).toFixed(1)} s`);
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve, reject) => {
  server.once('listening', resolve);
  server.once('error', reject);
});
const address = server.address();
if (!address || typeof address !== 'object') throw new Error('indirizzo del server sconosciuto');
console.log(
  JSON.stringify({
    port: address.port,
    school: school.code,
    classIds,
    studentIds: students.map((s) => s.student_id),
    cookies: { teacher: await cookie(teacher), mediator: await cookie(mediator), analyst: await cookie(analyst) },
  }),
);

process.once('SIGTERM', () => {
  server.close();
  console.log(JSON.stringify({ peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  void db.destroy().then(() => process.exit(0));
});

async function addUser(
  db: Db,
  role: 'docente' | 'mediatore' | 'analista',
  scope: { schoolIds?: number[]; classIds?: number[] },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      email: `bench-${role}@primm.test`,
      display_name: `bench ${role}`,
      role,
      password_hash: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const school_id of scope.schoolIds ?? [])
    await db.insertInto('user_school').values({ user_id: id, school_id }).execute();
  for (const class_id of scope.classIds ?? [])
    await db.insertInto('user_class').values({ user_id: id, class_id }).execute();
  return id;
}
