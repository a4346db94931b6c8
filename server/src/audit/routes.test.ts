import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { audit } from '../http/audit';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';

describe('GET /api/audit', () => {
  test('when the admin filters by student, then only the lines naming that student, newest first, paged', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    await audit(db, {}, { action: 'student.read', studentIds: [7] });
    await audit(db, {}, { action: 'student.read', studentIds: [17] });
    await audit(db, {}, { action: 'class.students.read', studentIds: [3, 7, 9] });
    await audit(db, {}, { action: 'class.students.read', studentIds: [70] });
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, admin);

    const first = await request(app).get('/api/audit?studentId=7&limit=1').set(as);
    const second = await request(app).get(`/api/audit?studentId=7&limit=1&before=${first.body.nextBefore}`).set(as);

    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['class.students.read']);
    expect(second.body.items).toEqual([expect.objectContaining({ action: 'student.read', studentIds: [7] })]);
    expect(second.body.nextBefore).toBeNull();
  });

  test.each(['referente', 'docente', 'mediatore', 'analista'] as const)('when a %s asks, then 403', async (role) => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig })).get('/api/audit').set(await authAs(db, await aUser(db, role)));

    expect(res.status).toBe(403);
  });

  test('when anything tries to change the log, then the database refuses (append-only)', async () => {
    const db = await createTestDb();
    await audit(db, {}, { action: 'student.read', studentIds: [1] });

    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
