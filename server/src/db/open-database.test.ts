import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { readOrCreateKeyFile } from '../config';
import SQLite from 'better-sqlite3';
import { backupDatabase } from './backup';
import { openSqlite, PAGE_SIZE, readPageSize } from './open-database';

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

describe('openSqlite: page size', () => {
  test('when the database is new, then its pages are 16 KB', async () => {
    const db = openSqlite(join(mkdtempSync(join(tmpdir(), 'primm-page-')), 'primm.sqlite'));
    await sql`create table t (x integer)`.execute(db);
    expect(PAGE_SIZE).toBe(16384);
    expect(await readPageSize(db)).toBe(PAGE_SIZE);
    await db.destroy();
  });

  test('when a database of 4 KB pages is opened, then it keeps them and works; its backup has 16 KB pages and the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-page-'));
    const path = join(dir, 'old.sqlite');
    const old = new SQLite(path); // as SQLite made it before this version
    old.pragma('journal_mode = WAL');
    old.exec('create table t (x integer); insert into t values (1)');
    old.close();

    const db = openSqlite(path);
    await sql`insert into t values (2)`.execute(db);
    expect(await readPageSize(db)).toBe(4096);
    await db.destroy();
    await backupDatabase(path, join(dir, 'backup.sqlite'));

    const copy = openSqlite(join(dir, 'backup.sqlite'));
    expect(await readPageSize(copy)).toBe(PAGE_SIZE);
    expect((await sql<{ x: number }>`select x from t order by x`.execute(copy)).rows).toEqual([{ x: 1 }, { x: 2 }]);
    await copy.destroy();
  });
});

describe('readOrCreateKeyFile', () => {
  test('when the data folder does not exist, then it is made 0700 and the key file 0600', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-perm-')), 'data');

    readOrCreateKeyFile(join(dir, 'primm.sqlite.key'));

    expect([modeOf(dir), modeOf(join(dir, 'primm.sqlite.key'))]).toEqual(['700', '600']);
  });
});
