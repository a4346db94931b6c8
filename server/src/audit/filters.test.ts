import request from 'supertest';
import type { Role } from '@primm/shared/contracts/auth';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { audit } from '../http/audit';
import { pseudonymize } from '../imports/pseudonym';
import { aUser, authAs } from '../testing/auth-as';
import { aStudent } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** The user as audit() takes it (only the id and role are written). */
const as = (u: { id: number; email: string; display_name: string; role: Role }) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  role: u.role,
  schoolIds: [],
  classIds: [],
  municipalityCodes: [],
  mustChangePassword: false,
});

const actions = (body: { items: { action: string }[] }) => body.items.map((e) => e.action);

describe('GET /api/audit: filters by e-mail and by student', () => {
  test("when the admin filters by part of an e-mail, any case, then only that user's lines", async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const referent = await aUser(db, 'referente');
    await audit(db, { user: as(referent) }, { action: 'student.read', studentIds: [1] });
    await audit(db, { user: as(admin) }, { action: 'user.create' });

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/audit?email=${referent.email.slice(0, 9).toUpperCase()}`)
      .set(await authAs(db, admin));

    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { userEmail: string }) => e.userEmail)).toEqual([referent.email]);
  });

  test('when the admin searches a student by name, then the lines naming them, who was found, and the search itself is logged', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const giulia = await aStudent(db, { last_name: 'Rossi', first_name: 'Giulia' });
    const mario = await aStudent(db, { last_name: 'Rossi', first_name: 'Mario' });
    await audit(db, {}, { action: 'student.read', studentIds: [giulia.id] });
    await audit(db, {}, { action: 'class.students.read', studentIds: [mario.id, giulia.id] });
    await audit(db, {}, { action: 'student.read', studentIds: [mario.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/audit?student=rossi%20GIULIA')
      .set(await authAs(db, admin));

    expect(res.body.students).toEqual([{ id: giulia.id, lastName: 'Rossi', firstName: 'Giulia' }]);
    expect(actions(res.body)).toEqual(['class.students.read', 'student.read']);
    const logged = await db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'student_ids'])
      .where('action', '=', 'audit.read')
      .execute();
    expect(logged).toEqual([{ action: 'audit.read', user_id: admin.id, student_ids: JSON.stringify([giulia.id]) }]);
  });

  test('when the admin searches by codice fiscale, then the student is found through the pseudonym', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const s = await aStudent(db);
    await db
      .updateTable('student')
      .set({ pseudonym: pseudonymize('RSSGLI09C54A271T', testConfig.pseudonymKey) })
      .where('id', '=', s.id)
      .execute();
    await audit(db, {}, { action: 'student.export', studentIds: [s.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/audit?student=rssgli09c54a271t')
      .set(await authAs(db, admin));

    expect(res.body.students.map((x: { id: number }) => x.id)).toEqual([s.id]);
    expect(actions(res.body)).toEqual(['student.export']);
  });

  test('when the search finds nobody, then no line at all (not every line), and nothing is logged', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    await audit(db, {}, { action: 'student.read', studentIds: [1] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/audit?student=Nessuno')
      .set(await authAs(db, admin));

    expect(res.body).toEqual({ items: [], nextBefore: null, students: [] });
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'audit.read').execute()).toEqual([]);
  });
});
