import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyPassword } from '../../server/src/auth/password';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite } from '../../server/src/db/open-database';
import { createUser } from '../../server/src/users/service';
import { lastLine, primm, primmInProcess } from './run-primm';

describe('pnpm primm', () => {
  test('import --json: when the fixture is imported twice, then the last line is the JSON summary and the second changes nothing', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');

    const first = await primm('import', '--db', db, '--json', 'fixtures/import/generator-format');
    // The process boundary is the first import's; the second, in process, checks it changes nothing.
    const second = await primmInProcess('import', '--db', db, '--json', 'fixtures/import/generator-format');

    expect(first.code).toBe(0);
    expect(JSON.parse(lastLine(first.stdout))).toMatchObject({
      inserted: 26,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    expect(JSON.parse(lastLine(second.stdout))).toMatchObject({ inserted: 0, updated: 0, unchanged: 26 });
  }, 30_000);

  test('import --json: when the format cannot carry some data (OneRoster), then the warnings are in the summary too', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');

    const res = await primmInProcess('import', '--db', db, '--json', '--allow-partial', 'fixtures/import/oneroster');

    expect(res.code).toBe(0);
    expect(JSON.parse(lastLine(res.stdout)).warnings).toContainEqual(
      expect.objectContaining({ file: 'bundle/manifest.csv', message: expect.stringMatching(/^OneRoster non/) }),
    );
  }, 30_000);

  test.each([
    [
      'a OneRoster bundle without a school org',
      'fixtures/import/oneroster-wild/department-only',
      1,
      /nessuna organizzazione di tipo school in orgs.csv \(trovate: 1 di tipo department\)/,
    ],
    [
      "the autonomous provinces' registry",
      'fixtures/import/mim-registry-autonome',
      0,
      /3 lasciate da parte \(SCUANAAUTSTAT-ESTRATTO.csv: 3 fuori dalle Marche\)/,
    ],
  ])(
    'import --json: when %s is imported, then exit 1, the reason in the JSON error and in Italian on stderr',
    async (_case, path, rejected, reason) => {
      const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');

      const json = await primmInProcess('import', '--db', db, '--json', '--allow-partial', path);

      expect(json.code).toBe(1);
      const summary = JSON.parse(lastLine(json.stdout));
      expect(summary).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected,
        error: { code: 'nothing_imported', message: expect.stringMatching(/^Nessuna riga importata: /) },
      });
      expect(JSON.stringify(summary)).toMatch(reason);
      expect(json.stderr).toMatch(/Errore: Nessuna riga importata: /);
    },
    30_000,
  );

  test('import: when the path has no school, then exit 2 with one clear message', async () => {
    const res = await primmInProcess('import', '--db', ':memory:', mkdtempSync(join(tmpdir(), 'primm-empty-')));

    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Nessuna cartella di scuola/);
  }, 30_000);

  test('users add --json: when a referent is created for a known school, then a one-time password is printed once', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');
    await primmInProcess('import', '--db', db, 'fixtures/import/generator-format');

    const res = await primmInProcess(
      'users',
      'add',
      '--db',
      db,
      '--email',
      'ref@scuola.it',
      '--role',
      'referente',
      '--school',
      'ANPS03000E',
      '--json',
    );

    expect(res.code).toBe(0);
    expect(JSON.parse(lastLine(res.stdout))).toMatchObject({
      user: { email: 'ref@scuola.it', role: 'referente', schools: ['ANPS03000E'] },
      oneTimePassword: expect.stringMatching(/^\w{16}$/),
    });
  }, 30_000);

  test('users reset --json: when an account exists, then a new one-time password replaces the old one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');
    const db = openSqlite(path);
    await migrateToLatest(db);
    const added = await createUser(db, null, {
      email: 'admin@scuola.it',
      displayName: 'Admin',
      role: 'admin',
      schools: [],
      classIds: [],
      municipalities: [],
    });

    const res = await primmInProcess('users', 'reset', '--db', path, '--email', 'Admin@Scuola.it', '--json');

    expect(res.code).toBe(0);
    const reset = JSON.parse(lastLine(res.stdout));
    expect(reset).toMatchObject({
      user: { email: 'admin@scuola.it' },
      oneTimePassword: expect.stringMatching(/^\w{16}$/),
    });
    const stored = await db.selectFrom('app_user').select('password_hash').executeTakeFirstOrThrow();
    expect([
      await verifyPassword(stored.password_hash, reset.oneTimePassword),
      await verifyPassword(stored.password_hash, added.oneTimePassword),
    ]).toEqual([true, false]);
    await db.destroy();
  }, 30_000);

  test.each([
    ['purge', '--bogus'],
    ['backup', '--db', ':memory:', '--out'],
    ['recompute', '--db', ':memory:', 'extra'],
  ])(
    '%s with a wrong flag or argument: exit 2 with the usage, never a stack trace',
    async (...args) => {
      const res = await primmInProcess(...args);

      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/Uso: pnpm primm/);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  test('--help: when asked, then every command is listed', async () => {
    const res = await primm('--help');

    expect(res.code).toBe(0);
    for (const command of ['gen', 'import', 'serve', 'users', 'backtest']) expect(res.stdout).toContain(`  ${command}`);
  }, 30_000);
});
