import request from 'supertest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** Ancona, where the factories' students live; Senigallia, another municipality. */
export const ANCONA = '042002';
export const SENIGALLIA = '042045';

export const aReferralInput = () => ({
  reasons: ['social', 'housing'],
  text: 'La famiglia vive in un alloggio precario e chiede un sostegno.',
  familyContact: 'madre, tel. 333 1234567',
  consent: { givenBy: 'la madre, Amina K.', givenOn: '2026-11-02', services: ['social', 'housing', 'health'] },
});

/**
 * A school with a mediator, a student resident in Ancona with an open case, a PUA serving Ancona
 * and one serving only Senigallia; the clock is injectable so a test can age a referral.
 */
export async function aCaseForReferral(clock: { now: Date } = { now: new Date('2026-11-02T09:00:00Z') }) {
  const db: Db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Hoxha', first_name: 'Arben' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
  const pua = await aUser(db, 'pua', { municipalityCodes: [ANCONA] });
  const otherPua = await aUser(db, 'pua', { municipalityCodes: [SENIGALLIA] });
  const app = createApp({ db, config: testConfig, now: () => clock.now });
  const opened = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(await authAs(db, mediator))
    .send({ studentId: student.id, goal: 'sostenere la famiglia e la frequenza' });
  if (opened.status !== 201) throw new Error(`case: ${opened.status} ${opened.text}`);
  return { db, app, school, cls, student, mediator, pua, otherPua, caseId: opened.body.id as number, clock };
}

export type ReferralFixture = Awaited<ReturnType<typeof aCaseForReferral>>;

/**
 * The mediator sends the standard referral; returns the response. The return type is spelled out
 * for the declarations `tsc -b` writes: the inferred one names superagent inside pnpm's store.
 */
export async function sendReferral(fx: ReferralFixture, body: object = aReferralInput()): Promise<request.Response> {
  return request(fx.app)
    .post(`/api/cases/${fx.caseId}/referrals`)
    .set(SAME_ORIGIN)
    .set(await authAs(fx.db, fx.mediator))
    .send(body);
}
