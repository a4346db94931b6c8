import { describe, expect, test } from 'vitest';
import { readDataVersion } from '../../aggregates/result-cache';
import { aClass, aSchool, aStudent, anEnrolment } from '../../testing/factories';
import { aUser } from '../../testing/auth-as';
import { createTestDb, onPostgres } from '../../testing/test-db';
import { audit } from '../../http/audit';

describe('migration 0009: data version', () => {
  test('when rows of a table the aggregates read are inserted, updated or deleted, then the version grows each time', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const cls = await aClass(db, school.id);
    const student = await aStudent(db);
    const seen = [await readDataVersion(db)];

    const enrolment = await anEnrolment(db, student.id, cls.id);
    seen.push(await readDataVersion(db));
    await db.updateTable('enrolment').set({ left_on: '2026-01-10', exit_reason: 'ritirato' }).where('id', '=', enrolment.id).execute();
    seen.push(await readDataVersion(db));
    await db.deleteFrom('enrolment').where('id', '=', enrolment.id).execute();
    seen.push(await readDataVersion(db));

    expect(seen.every((v, i) => i === 0 || v > seen[i - 1]!)).toBe(true);
  });

  test('when only sessions, users and the audit log are written, then the version stays (reading pages must not empty the cache)', async () => {
    const db = await createTestDb();
    const before = await readDataVersion(db);

    const user = await aUser(db, 'analista');
    await audit(db, {}, { action: 'aggregates.read' });
    await db.insertInto('user_session').values({ id: 'x', user_id: user.id, created_at: 'a', last_seen_at: 'a', expires_at: 'b' }).execute();

    expect(await readDataVersion(db)).toBe(before);
  });

  test.runIf(onPostgres)('PostgreSQL: when a transaction writes many rows, then the version grows once, and only at commit', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const cls = await aClass(db, school.id);
    const before = await readDataVersion(db);
    let inside = -1;

    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await anEnrolment(trx, (await aStudent(trx)).id, cls.id);
      inside = await readDataVersion(db); // another connection: the transaction is not committed yet
    });

    expect(inside).toBe(before);
    expect(await readDataVersion(db)).toBe(before + 1);
  });

  test.runIf(onPostgres)('PostgreSQL: when a long transaction has written, then another writer does not wait for it', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const cls = await aClass(db, school.id);
    const [a, b] = [await aStudent(db), await aStudent(db)];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWrote = new Promise<void>((resolve) => (written = resolve));

    const long = db.transaction().execute(async (trx) => {
      await anEnrolment(trx, a.id, cls.id);
      written();
      await held;
    });
    await firstWrote;
    const other = await Promise.race([
      anEnrolment(db, b.id, cls.id).then(() => 'written'),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 2000)),
    ]);
    release();
    await long;

    expect(other).toBe('written');
    expect(await db.selectFrom('enrolment').select('student_id').orderBy('student_id').execute()).toEqual([{ student_id: a.id }, { student_id: b.id }]);
  });
});
