import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const ANCONA = '042002';
const SENIGALLIA = '042045';

/** Monday–Friday lesson days from `from`, n of them (no weekday closure in Oct–Nov 2025). */
function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

async function addAbsences(db: Db, studentId: number, classId: number, days: string[]) {
  for (const date of days)
    await db
      .insertInto('attendance_event')
      .values({
        student_id: studentId,
        class_id: classId,
        date,
        kind: 'assenza',
        hours: 6,
        justified: 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })
      .execute();
}

const at = (iso: string) => () => new Date(`${iso}T10:00:00Z`);

/**
 * A 14-year-old of Ancona away 16 days from 06/10/2025, the family notified on 27/10 and the
 * absences going on to 05/11: the report to the mayor is due. `comune` serves Ancona, `other`
 * Senigallia.
 */
async function aReportDue() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANMM00000X', name: 'IC LEOPARDI', level: 'primo_grado' });
  const cls = await aClass(db, school.id, { name: '3C' });
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: cls.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();
  const student = await aStudent(db, { last_name: 'Mancini', first_name: 'Luca' });
  await db
    .updateTable('student')
    .set({ birth_date: '2011-04-02', residence_istat: ANCONA })
    .where('id', '=', student.id)
    .execute();
  await anEnrolment(db, student.id, cls.id);
  await addAbsences(db, student.id, cls.id, weekdays('2025-10-06', 16));
  const referent = await aUser(db, 'referente', { schoolIds: [school.id] });
  const app = createApp({ db, config: testConfig, now: at('2025-11-05') });
  await request(app)
    .post(`/api/students/${student.id}/compulsory/notice`)
    .set(SAME_ORIGIN)
    .set(await authAs(db, referent))
    .send({ notifiedOn: '2025-10-27' })
    .expect(201);
  await addAbsences(db, student.id, cls.id, weekdays('2025-10-28', 7));
  return { db, school, cls, student, referent, app };
}

async function reported() {
  const fx = await aReportDue();
  await request(fx.app)
    .post(`/api/students/${fx.student.id}/compulsory/report`)
    .set(SAME_ORIGIN)
    .set(await authAs(fx.db, fx.referent))
    .send({ reportedOn: '2025-11-05' })
    .expect(200);
  const item = await fx.db.selectFrom('municipality_inbox_item').select('id').executeTakeFirstOrThrow();
  return { ...fx, itemId: item.id };
}

const auditRows = (db: Db, action: string) =>
  db.selectFrom('audit_log').select(['user_id', 'student_ids', 'outcome']).where('action', '=', action).execute();

describe('municipality inbox: delivery and reading', () => {
  test('POST report: when the referent records the report to the mayor, then it is delivered as printed to the inbox of the municipality of residence', async () => {
    const { db, student, itemId } = await reported();
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-06') });
    const as = await authAs(db, comune);

    const list = await request(app).get('/api/municipality-inbox').set(as);
    const item = await request(app).get(`/api/municipality-inbox/${itemId}`).set(as);

    expect(list.body).toEqual({
      ackWorkingDays: 15,
      items: [
        expect.objectContaining({
          id: itemId,
          kind: 'mayor_report',
          municipality: { istatCode: ANCONA, name: 'Ancona' },
          school: { code: 'ANMM00000X', name: 'IC LEOPARDI' },
          student: { lastName: 'Mancini', firstName: 'Luca' },
          status: 'delivered',
          dueBy: '2025-11-26',
          acknowledgement: null,
        }),
      ],
    });
    expect(item.body.report).toMatchObject({
      student: { lastName: 'Mancini', birthDate: '2011-04-02', className: '3C' },
      notifiedOn: '2025-10-27',
      reportedOn: '2025-11-05',
      countedDays: weekdays('2025-10-06', 16),
    });
    expect(item.body.list).toBeNull();
    // what the printed letter carries, nothing of the risk, grades or notes
    expect(JSON.stringify(item.body)).not.toMatch(/tier|livello|grade|voto|note|risk/i);
    expect(await auditRows(db, 'municipality_inbox.read')).toEqual([
      { user_id: comune.id, student_ids: JSON.stringify([student.id]), outcome: 'ok' },
    ]);
    expect(await auditRows(db, 'municipality_inbox.item.read')).toEqual([
      { user_id: comune.id, student_ids: JSON.stringify([student.id]), outcome: 'ok' },
    ]);
  });

  test('GET inbox: when a comune serving another municipality reads, then its inbox is empty and the item answers 404, logged as denied', async () => {
    const { db, itemId } = await reported();
    const other = await aUser(db, 'comune', { municipalityCodes: [SENIGALLIA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-06') });
    const as = await authAs(db, other);

    const list = await request(app).get('/api/municipality-inbox').set(as);
    const item = await request(app).get(`/api/municipality-inbox/${itemId}`).set(as);

    expect(list.body.items).toEqual([]);
    expect(item.status).toBe(404);
    expect(item.body.error.code).toBe('not_found');
    expect(JSON.stringify(item.body)).not.toContain('Mancini');
    expect(await auditRows(db, 'access.denied')).toEqual([{ user_id: other.id, student_ids: null, outcome: 'denied' }]);
    expect(await auditRows(db, 'municipality_inbox.item.read')).toEqual([]);
  });

  test('POST report: when the student has no known residence, then nothing is delivered and the report is still recorded', async () => {
    const { db, student, referent, app } = await aReportDue();
    await db.updateTable('student').set({ residence_istat: null }).where('id', '=', student.id).execute();

    const res = await request(app)
      .post(`/api/students/${student.id}/compulsory/report`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ reportedOn: '2025-11-05' });

    expect(res.body.state).toBe('reported');
    expect(await db.selectFrom('municipality_inbox_item').select('id').execute()).toEqual([]);
  });
});

describe('municipality inbox: acknowledgement and measures', () => {
  test('POST acknowledgement: when the office records date and protocol, then 201, the row holds them, and a second one is refused without change', async () => {
    const { db, student, itemId } = await reported();
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-10') });
    const as = { ...SAME_ORIGIN, ...(await authAs(db, comune)) };

    const ack = await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(as)
      .send({ receivedOn: '2025-11-07', protocolNumber: ' 2025/12345 ' });
    const again = await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(as)
      .send({ receivedOn: '2025-11-08', protocolNumber: 'altro' });

    expect(ack.status).toBe(201);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { receivedOn: '2025-11-07', protocolNumber: '2025/12345' },
    });
    expect(again.status).toBe(409);
    expect(
      await db
        .selectFrom('municipality_inbox_item')
        .select(['received_on', 'protocol_number', 'acknowledged_by'])
        .execute(),
    ).toEqual([{ received_on: '2025-11-07', protocol_number: '2025/12345', acknowledged_by: comune.id }]);
    expect(await auditRows(db, 'municipality_inbox.acknowledge')).toEqual([
      { user_id: comune.id, student_ids: JSON.stringify([student.id]), outcome: 'ok' },
    ]);
  });

  test.each([
    ['2025-11-04', 400], // before the school sent it (05/11)
    ['2025-11-11', 400], // in the future (today is 10/11)
  ])('POST acknowledgement: when received on %s, then %i and nothing written', async (receivedOn, status) => {
    const { db, itemId } = await reported();
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-10') });

    const res = await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, comune))
      .send({ receivedOn, protocolNumber: '1' });

    expect(res.status).toBe(status);
    expect(await db.selectFrom('municipality_inbox_item').select('acknowledged_at').execute()).toEqual([
      { acknowledged_at: null },
    ]);
  });

  test('POST acknowledgement: when a comune of another municipality tries, then 404 and nothing written', async () => {
    const { db, itemId } = await reported();
    const other = await aUser(db, 'comune', { municipalityCodes: [SENIGALLIA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-10') });

    const res = await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, other))
      .send({ receivedOn: '2025-11-07', protocolNumber: '1' });

    expect(res.status).toBe(404);
    expect(await db.selectFrom('municipality_inbox_item').select('acknowledged_at').execute()).toEqual([
      { acknowledged_at: null },
    ]);
    expect(await auditRows(db, 'municipality_inbox.acknowledge')).toEqual([]);
  });

  test('POST measures: when before the acknowledgement, then 409; after it, then 201 and the item lists the measure', async () => {
    const { db, itemId } = await reported();
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at('2025-11-20') });
    const as = { ...SAME_ORIGIN, ...(await authAs(db, comune)) };
    const measure = { takenOn: '2025-11-18', description: 'Colloquio con la famiglia dei servizi sociali' };

    const early = await request(app).post(`/api/municipality-inbox/${itemId}/measures`).set(as).send(measure);
    await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(as)
      .send({ receivedOn: '2025-11-06', protocolNumber: '777' })
      .expect(201);
    const added = await request(app).post(`/api/municipality-inbox/${itemId}/measures`).set(as).send(measure);
    const item = await request(app).get(`/api/municipality-inbox/${itemId}`).set(as);

    expect(early.status).toBe(409);
    expect(added.status).toBe(201);
    expect(item.body).toMatchObject({ measureCount: 1, measures: [measure] });
    expect(await auditRows(db, 'municipality_inbox.measure')).toHaveLength(1);
  });
});

describe('municipality inbox: what the school sees', () => {
  test('GET student deliveries: when no comune account serves the municipality, then "no account" with the PEC to send the letter to', async () => {
    const { db, student, referent, app } = await reported();
    await db
      .insertInto('municipality_contact')
      .values({
        istat_code: ANCONA,
        pec: 'protocollo@pec.comune.ancona.it',
        office: null,
        updated_at: '2025-09-01',
        updated_by: null,
      })
      .execute();

    const res = await request(app)
      .get(`/api/students/${student.id}/municipality-deliveries`)
      .set(await authAs(db, referent));

    expect(res.body).toMatchObject({
      residence: { istatCode: ANCONA, hasAccount: false, pec: 'protocollo@pec.comune.ancona.it' },
      deliveries: [{ kind: 'mayor_report', status: 'no_account', student: { id: student.id, className: '3C' } }],
    });
    expect(await auditRows(db, 'municipality_delivery.read')).toEqual([
      { user_id: referent.id, student_ids: JSON.stringify([student.id]), outcome: 'ok' },
    ]);
  });

  test.each([
    ['2025-11-26', 'delivered'], // the 15th working day after 05/11
    ['2025-11-27', 'overdue'],
  ])('GET school deliveries: when nothing is acknowledged on %s, then %s', async (today, status) => {
    const { db, referent } = await reported();
    await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at(today) });

    const res = await request(app)
      .get('/api/schools/ANMM00000X/municipality-deliveries')
      .set(await authAs(db, referent));

    expect(res.body.deliveries).toEqual([
      expect.objectContaining({ status, dueBy: '2025-11-26', acknowledgement: null }),
    ]);
  });

  test('GET student deliveries: when the office acknowledged, then the school sees the date and protocol, and not the measures', async () => {
    const { db, student, referent, itemId } = await reported();
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const app = createApp({ db, config: testConfig, now: at('2025-12-10') });
    const as = { ...SAME_ORIGIN, ...(await authAs(db, comune)) };
    await request(app)
      .post(`/api/municipality-inbox/${itemId}/acknowledgement`)
      .set(as)
      .send({ receivedOn: '2025-11-06', protocolNumber: 'P-42' })
      .expect(201);
    await request(app)
      .post(`/api/municipality-inbox/${itemId}/measures`)
      .set(as)
      .send({ takenOn: '2025-11-20', description: 'Visita domiciliare' })
      .expect(201);

    const res = await request(app)
      .get(`/api/students/${student.id}/municipality-deliveries`)
      .set(await authAs(db, referent));

    expect(res.body.deliveries).toEqual([
      expect.objectContaining({
        status: 'acknowledged',
        acknowledgement: expect.objectContaining({ receivedOn: '2025-11-06', protocolNumber: 'P-42' }),
      }),
    ]);
    expect(res.text).not.toContain('Visita domiciliare');
  });
});

describe('municipality inbox: October lists', () => {
  test('GET october-list: when the referent exports it, then each municipality gets only its residents, and the same list again delivers nothing new', async () => {
    const { db, school, cls, student, referent, app } = await aReportDue();
    const neighbour = await aStudent(db, { last_name: 'Rossi', first_name: 'Anna' });
    await db
      .updateTable('student')
      .set({ birth_date: '2012-05-10', residence_istat: SENIGALLIA })
      .where('id', '=', neighbour.id)
      .execute();
    await anEnrolment(db, neighbour.id, cls.id);
    const comune = await aUser(db, 'comune', { municipalityCodes: [ANCONA] });
    const as = await authAs(db, referent);

    await request(app).get(`/api/schools/${school.code}/october-list`).set(as).expect(200);
    await request(app).get(`/api/schools/${school.code}/october-list?format=csv`).set(as).expect(200);
    const inbox = await request(app)
      .get('/api/municipality-inbox')
      .set(await authAs(db, comune));
    const item = await request(app)
      .get(`/api/municipality-inbox/${inbox.body.items[0].id}`)
      .set(await authAs(db, comune));

    expect(
      await db
        .selectFrom('municipality_inbox_item')
        .select(['kind', 'municipality_istat'])
        .orderBy('municipality_istat')
        .execute(),
    ).toEqual([
      { kind: 'october_list', municipality_istat: ANCONA },
      { kind: 'october_list', municipality_istat: SENIGALLIA },
    ]);
    expect(inbox.body.items).toEqual([expect.objectContaining({ kind: 'october_list', students: 1, student: null })]);
    expect(item.body.list.rows).toEqual([expect.objectContaining({ lastName: 'Mancini', residenceIstat: ANCONA })]);
    expect(item.text).not.toContain('Rossi');
    expect(await auditRows(db, 'municipality_inbox.item.read')).toEqual([
      { user_id: comune.id, student_ids: JSON.stringify([student.id]), outcome: 'ok' },
    ]);
  });
});
