import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { hashPassword } from '../../server/src/auth/password';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { aUser } from '../../server/src/testing/auth-as';
import { integrityCheck, isWriteLocked } from '../../server/src/testing/sqlite-probes';
import { generateRegion } from '../gen/generate-region';

const root = resolve(import.meta.dirname, '../..');
const PASSWORD = 'una-password-lunga-di-prova';
// Everything an import writes (import_batch included): compared whole, row by row.
const TABLES = [
  'school',
  'school_year',
  'school_calendar',
  'term',
  'school_closure',
  'class',
  'student',
  'enrolment',
  'attendance_event',
  'grade',
  'outcome',
  'risk_result',
  'risk_tier_change',
  'settings_version',
  'import_batch',
] as const;

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    // attendance_event has no id: its key is its order (migration 0033).
    const order = t === 'attendance_event' ? ['student_id', 'date', 'kind'] : ['id'];
    let q = db
      .selectFrom(t as 'school')
      .selectAll()
      .$castTo<Record<string, unknown>>();
    for (const column of order) q = q.orderBy(column as 'id');
    out[t] = await q.execute();
  }
  return out;
}

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
const servers: ChildProcess[] = [];
afterEach(() => {
  for (const child of servers.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `pnpm primm serve` on the file, on a free port; resolves once it listens. */
async function startServer(dbPath: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRIMM_DEMO: '0',
    PRIMM_PSEUDONYM_KEY: 'kill-key',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL; // this test is about the SQLite file
  delete env.PRIMM_UPLOAD_DIR; // uploads beside the database, so they survive the restart like in production
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/primm.ts', 'serve', '--db', dbPath, '--port', '0'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  servers.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  let out = '';
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const port = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /in ascolto su http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) ok(m[1]!);
    });
    void exited.then(() => fail(new Error(`the server did not start: ${out}`)));
    setTimeout(() => fail(new Error(`the server did not listen within 60 s: ${out}`)), 60_000).unref();
  });
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

async function api(
  server: Server,
  path: string,
  init: { method?: string; cookie?: string; json?: unknown; form?: FormData } = {},
) {
  const headers: Record<string, string> = { origin: server.base }; // the CSRF check wants our own origin
  if (init.cookie) headers.cookie = init.cookie;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.base}/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
    signal: AbortSignal.timeout(60_000),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    cookie: res.headers.getSetCookie()[0]?.split(';')[0],
  };
}

function uploadOf(region: string): FormData {
  const form = new FormData();
  for (const school of readdirSync(region, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(region, school.name))) {
      form.append(
        'files',
        new Blob([readFileSync(join(region, school.name, file))], { type: 'text/csv' }),
        `regione/${school.name}/${file}`,
      );
    }
  }
  return form;
}

test('serve: when the server is killed (SIGKILL) during an import commit, then after a restart nothing of it is in the data or claimed by the history, and the same upload commits', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-serve-kill-'));
  const dbPath = join(work, 'primm.sqlite');
  // The schools as imported in October (the state to keep), and their March export (the upload:
  // new students, absences and grades, changed enrolments), big enough that its commit lasts.
  await generateRegion({ students: 400, schools: 2, seed: 9, asOf: '2025-10-15', outDir: join(work, 'october') });
  await generateRegion({ students: 400, schools: 2, seed: 9, asOf: '2026-03-31', outDir: join(work, 'march') });
  let db = openSqlite(dbPath);
  await migrateToLatest(db);
  await importPaths(db, [join(work, 'october')], { pseudonymKey: 'kill-key', source: 'cli' });
  const schools = await db.selectFrom('school').select('id').execute();
  const referent = await aUser(db, 'referente', { schoolIds: schools.map((s) => s.id) });
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(PASSWORD) })
    .where('id', '=', referent.id)
    .execute();
  await db.destroy();

  let server = await startServer(dbPath);
  const login = await api(server, '/auth/login', {
    method: 'POST',
    json: { email: referent.email, password: PASSWORD },
  });
  const cookie = login.cookie!;
  const preview = await api(server, '/imports', { method: 'POST', cookie, form: uploadOf(join(work, 'march')) });
  const uploadId = preview.body.uploadId as string;
  db = openSqlite(dbPath); // a second connection, as another process would have
  const before = await snapshot(db);

  const commit = api(server, `/imports/${uploadId}/commit`, { method: 'POST', cookie, json: {} }).catch(
    (err: unknown) => err as Error,
  );
  // The server holds the write lock from the first row of the import to its commit: once it is
  // seen held for a while (not a passing write), the kill falls inside the import's transaction.
  let held = 0;
  let answered: unknown;
  void commit.then((r) => {
    answered = r;
  });
  while (held < 10 && answered === undefined) {
    held = (await isWriteLocked(db)) ? held + 1 : 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  server.child.kill('SIGKILL');
  const end = await server.exited;
  const commitOutcome = await commit;
  const integrity = await integrityCheck(db);
  const after = await snapshot(db);

  server = await startServer(dbPath);
  const historyAfterRestart = await api(server, '/imports', { cookie });
  const again = await api(server, `/imports/${uploadId}/commit`, { method: 'POST', cookie, json: {} });
  const historyAfterCommit = await api(server, '/imports', { cookie });
  const final = await snapshot(db);
  await db.destroy();
  server.child.kill('SIGTERM');
  const stopped = await server.exited;

  expect(login.status).toBe(200);
  expect(preview.status).toBe(201);
  expect(preview.body).toMatchObject({ rejected: 0, inserted: expect.any(Number) });
  expect(answered, 'the commit ended before the server could be killed inside it').toBeInstanceOf(Error);
  expect(end).toEqual({ code: null, signal: 'SIGKILL' });
  expect(commitOutcome).toBeInstanceOf(Error); // the connection died with the server: no answer
  expect(integrity).toBe('ok');
  expect(after).toEqual(before);
  expect(historyAfterRestart.status).toBe(200);
  expect((historyAfterRestart.body.items as { status: string }[]).filter((b) => b.status !== 'failed')).toEqual([]);
  // The upload waited on disk; after the restart it commits, with what its preview announced.
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({
    inserted: preview.body.inserted,
    updated: preview.body.updated,
    unchanged: preview.body.unchanged,
    rejected: 0,
  });
  expect(historyAfterCommit.body.items).toEqual([
    expect.objectContaining({ id: again.body.batchId, status: 'committed', source: 'web' }),
  ]);
  expect(final.import_batch).toHaveLength(before.import_batch!.length + 1);
  expect(final.attendance_event!.length).toBeGreaterThan(before.attendance_event!.length);
  // A clean stop closes every connection, the aggregates' thread's too: SQLite then folds the WAL
  // into the file and removes it (left behind, it was copied with the file and replayed).
  expect(stopped).toEqual({ code: 0, signal: null });
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  rmSync(work, { recursive: true, force: true }); // kept when the test fails, to look into
}, 120_000);
