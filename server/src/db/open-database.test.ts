import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { readOrCreateKeyFile } from '../config';
import { openSqlite } from './open-database';

/** The permission bits as `ls -l` people read them, e.g. '600'. */
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('openSqlite', () => {
  test('when the database is created, then the folder is 0700 and the file, its WAL and SHM are 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-perm-')), 'data');
    const path = join(dir, 'primm.sqlite');

    const db = openSqlite(path);
    await sql`create table t (x integer)`.execute(db);
    await sql`insert into t values (1)`.execute(db);

    expect(existsSync(`${path}-wal`) && existsSync(`${path}-shm`)).toBe(true);
    expect({ dir: modeOf(dir), db: modeOf(path), wal: modeOf(`${path}-wal`), shm: modeOf(`${path}-shm`) }).toEqual({
      dir: '700',
      db: '600',
      wal: '600',
      shm: '600',
    });
    await db.destroy();
  });

  test('when an existing database file is readable by others (made by an older version), then opening it makes it 0600', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'primm-perm-')), 'primm.sqlite');
    writeFileSync(path, '', { mode: 0o644 });

    const db = openSqlite(path);
    await sql`create table t (x integer)`.execute(db);

    expect([modeOf(path), modeOf(`${path}-wal`)]).toEqual(['600', '600']);
    await db.destroy();
  });
});

describe('readOrCreateKeyFile', () => {
  test('when the data folder does not exist, then it is made 0700 and the key file 0600', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-perm-')), 'data');

    readOrCreateKeyFile(join(dir, 'primm.sqlite.key'));

    expect([modeOf(dir), modeOf(join(dir, 'primm.sqlite.key'))]).toEqual(['700', '600']);
  });
});
