import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { migrateToLatest } from './migrate';
import { openSqlite } from './open-database';

const dump = (path: string) => {
  const db = new SQLite(path, { readonly: true });
  try {
    return db.prepare('select id, at, action from audit_log order by id').all();
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  test('when writes go on during the backup, then the backup is a consistent database and restores to an equal one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-backup-'));
    const path = join(dir, 'live.sqlite');
    const db = openSqlite(path);
    await migrateToLatest(db);
    const insert = (i: number) =>
      db
        .insertInto('audit_log')
        .values({ at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, action: `write.${i}`, outcome: 'ok' })
        .execute();
    for (let i = 0; i < 2000; i++) await insert(i);

    let writing = true;
    let written = 2000;
    // Writes as requests would make them: one per turn of the event loop, beside the backup's steps.
    const load = (async () => {
      while (writing) {
        await insert(written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const { pages } = await backupDatabase(path, join(dir, 'backup.sqlite'));
    writing = false;
    await load;
    await db.destroy();

    expect(pages).toBeGreaterThan(0);
    const backedUp = dump(join(dir, 'backup.sqlite'));
    expect(backedUp.length).toBeGreaterThanOrEqual(2000);
    expect(backedUp.length).toBeLessThanOrEqual(written);
    await restoreDatabase(join(dir, 'backup.sqlite'), join(dir, 'restored.sqlite'));
    expect(dump(join(dir, 'restored.sqlite'))).toEqual(backedUp);
  });

  test('when the file to restore is not a database, then a clear error and the target is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-backup-'));
    writeFileSync(join(dir, 'broken.sqlite'), 'non sono un database');
    writeFileSync(join(dir, 'target.sqlite'), 'vecchio');

    await expect(restoreDatabase(join(dir, 'broken.sqlite'), join(dir, 'target.sqlite'))).rejects.toThrow(
      /non è un database SQLite leggibile/,
    );
  });
  test("when a backup is written, then only the server's user may read it (0600), and so may the restored database", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-backup-mode-'));
    const path = join(dir, 'live.sqlite');
    const db = openSqlite(path);
    await migrateToLatest(db);
    await db.destroy();

    await backupDatabase(path, join(dir, 'backup.sqlite'));
    await restoreDatabase(join(dir, 'backup.sqlite'), join(dir, 'restored.sqlite'));

    // Names, grades and absences of minors: no other account on the machine reads a copy.
    expect((statSync(join(dir, 'backup.sqlite')).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, 'restored.sqlite')).mode & 0o777).toString(8)).toBe('600');
  });
});
