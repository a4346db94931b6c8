import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const ANCONA = '042002';

describe('municipality contacts', () => {
  test('when the admin records a PEC, then it is saved lower-cased, listed with the municipality, and audited with the values before and after', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const app = createApp({ db, config: testConfig, now: () => new Date('2026-03-02T08:00:00Z') });

    const res = await request(app)
      .put(`/api/municipality-contacts/${ANCONA}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ pec: ' Comune.Ancona@Emarche.it ', office: 'Servizi sociali' });
    const list = await request(app)
      .get('/api/municipality-contacts')
      .set(await authAs(db, admin));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      istatCode: ANCONA,
      name: 'Ancona',
      province: 'AN',
      pec: 'comune.ancona@emarche.it',
      office: 'Servizi sociali',
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
    expect(list.body.items).toHaveLength(228);
    expect(list.body.items.find((m: { istatCode: string }) => m.istatCode === ANCONA)).toEqual(res.body);
    expect(await db.selectFrom('municipality_contact').select(['istat_code', 'pec', 'updated_by']).execute()).toEqual([
      { istat_code: ANCONA, pec: 'comune.ancona@emarche.it', updated_by: admin.id },
    ]);
    const row = await db.selectFrom('audit_log').select(['action', 'user_id', 'details']).executeTakeFirstOrThrow();
    expect({ ...row, details: JSON.parse(row.details!) }).toEqual({
      action: 'contact.update',
      user_id: admin.id,
      details: {
        municipality: ANCONA,
        name: 'Ancona',
        before: { pec: null, office: null },
        after: { pec: 'comune.ancona@emarche.it', office: 'Servizi sociali' },
      },
    });
  });

  test('when the PEC is emptied, then it is cleared (null), and the change is audited', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const app = createApp({ db, config: testConfig });
    await request(app)
      .put(`/api/municipality-contacts/${ANCONA}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ pec: 'a@pec.it', office: null });

    const res = await request(app)
      .put(`/api/municipality-contacts/${ANCONA}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ pec: '', office: '' });

    expect(res.body).toMatchObject({ pec: null, office: null });
    expect(await db.selectFrom('audit_log').select('action').execute()).toHaveLength(2);
  });

  test('when the PEC is not an e-mail address, then 400 and nothing is written', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .put(`/api/municipality-contacts/${ANCONA}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .send({ pec: 'comune di ancona', office: null });

    expect(res.status).toBe(400);
    expect(await db.selectFrom('municipality_contact').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([]);
  });

  test('when the municipality does not exist, then 404', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .put('/api/municipality-contacts/999999')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .send({ pec: null, office: null });

    expect(res.status).toBe(404);
    expect(await db.selectFrom('municipality_contact').selectAll().execute()).toEqual([]);
  });

  test.each(['referente', 'mediatore', 'docente', 'analista'] as const)(
    'when a %s tries to change a contact, then 403 and nothing is written',
    async (role) => {
      const db = await createTestDb();
      const school = await aSchool(db);

      const res = await request(createApp({ db, config: testConfig }))
        .put(`/api/municipality-contacts/${ANCONA}`)
        .set(SAME_ORIGIN)
        .set(await authAs(db, await aUser(db, role, { schoolIds: [school.id] })))
        .send({ pec: 'x@pec.it', office: null });

      expect(res.status).toBe(403);
      expect(await db.selectFrom('municipality_contact').selectAll().execute()).toEqual([]);
    },
  );
});
