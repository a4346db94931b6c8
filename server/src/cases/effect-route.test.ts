import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { importFixtureSchool } from '../testing/fixture-school';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';

test('GET /api/cases/:id/effect: when the first action is on 08/10/2025, then the weeks before and after come from the register', async () => {
  const db = await createTestDb();
  const { schoolId, hoxha } = await importFixtureSchool(db);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [schoolId] });
  const app = createApp({ db, config: testConfig });
  const as = await authAs(db, mediator);
  const c = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(as)
    .send({ studentId: hoxha, goal: 'puntualità in prima ora' });
  await request(app)
    .post(`/api/cases/${c.body.id}/actions`)
    .set(SAME_ORIGIN)
    .set(as)
    .send({ type: 'family_meeting', date: '2025-10-08', participants: 'padre, mediatore' });

  const res = await request(app).get(`/api/cases/${c.body.id}/effect?weeks=4`).set(as);

  expect(res.status).toBe(200);
  expect(res.body.firstActionOn).toBe('2025-10-08');
  // Lessons began on Monday 15/09: three full weeks before, no absence in them.
  expect(
    res.body.weeks.filter((w: { side: string }) => w.side === 'before').map((w: { weekStart: string }) => w.weekStart),
  ).toEqual(['2025-09-15', '2025-09-22', '2025-09-29']);
  expect(res.body.before.attendanceRate).toBe(1);
  // The late entry of Monday 06/10 (1 h) in 4 weeks of 30 h.
  expect(res.body.after.attendanceRate).toBeCloseTo(1 - 1 / 120);
});
