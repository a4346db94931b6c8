import { Router } from 'express';
import { z } from 'zod';
import {
  AnswerArrivalInput,
  RegistrySchoolQuery,
  type ArrivalList,
  type RegistrySchoolList,
} from '@primm/shared/contracts/arrivals';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { findIncoming, listIncoming, listOutgoing, searchRegistrySchools } from './repository';

/** Who answers for the receiving school: its referents (issue #21), and the admin. */
export const ANSWER_ROLES = ['admin', 'referente'] as const;
/** Who reads arrivals: the answerers, and the mediators waiting for an answer on their cases. */
export const ARRIVAL_ROLES = ['admin', 'referente', 'mediatore'] as const;

const ARRIVAL_NOT_FOUND = 'Arrivo non trovato';
const ActionIdParam = z.object({ actionId: Id });

export function arrivalRoutes(db: Db, now: () => Date): Router {
  const router = Router();
  const today = () => now().toISOString().slice(0, 10);

  // The registry is public data (school names and codes): no student, nothing to audit.
  router.get('/registry-schools', requireRole(...ARRIVAL_ROLES), async (req, res) => {
    const { q } = RegistrySchoolQuery.parse(req.query);
    const body: RegistrySchoolList = { items: await searchRegistrySchools(db, q) };
    res.json(body);
  });

  router.get('/arrivals', requireRole(...ARRIVAL_ROLES), async (req, res) => {
    const user = userOf(req);
    const all = user.role === 'admin';
    const incoming = user.role === 'mediatore' ? [] : await listIncoming(db, all ? null : user.schoolIds, today());
    const outgoing = await listOutgoing(
      db,
      all ? {} : user.role === 'mediatore' ? { ownerId: user.id } : { schoolIds: user.schoolIds },
      today(),
    );
    const body: ArrivalList = {
      today: today(),
      incoming: incoming.map(({ studentId: _s, schoolId: _k, ...item }) => item),
      outgoing,
    };
    await audit(
      db,
      { user, req },
      {
        action: 'arrival.read',
        studentIds: [...new Set([...incoming.map((i) => i.studentId), ...outgoing.map((o) => o.student.id)])],
      },
    );
    res.json(body);
  });

  router.post('/arrivals/:actionId/answer', requireRole(...ANSWER_ROLES), async (req, res) => {
    const user = userOf(req);
    const { actionId } = ActionIdParam.parse(req.params);
    const input = AnswerArrivalInput.parse(req.body);
    const found = await findIncoming(db, actionId, today());
    // Another school's arrival answers as one that does not exist (issue 17: ids are not probed).
    if (!found) throw new HttpError(404, 'not_found', ARRIVAL_NOT_FOUND);
    if (user.role !== 'admin' && !user.schoolIds.includes(found.schoolId)) throw denied(ARRIVAL_NOT_FOUND, 404);
    if (found.status !== 'pending') throw new HttpError(409, 'conflict', 'La scuola ha già risposto per questo arrivo');
    const enrolled = input.answer === 'enrolled';
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('reorientation_arrival')
        .set({
          status: enrolled ? 'enrolled' : 'no_show',
          enrolled_on: enrolled ? input.enrolledOn : null,
          answered_by: user.id,
          answered_at: now().toISOString(),
        })
        .where('action_id', '=', actionId)
        .execute();
      // The action's own column: effect, outcomes and "Cosa funziona" read it.
      await trx
        .updateTable('case_action')
        .set({ arrived: enrolled ? 1 : 0, arrived_on: enrolled ? input.enrolledOn : null })
        .where('id', '=', actionId)
        .execute();
      await audit(
        trx,
        { user, req },
        {
          action: 'arrival.answer',
          studentIds: [found.studentId],
          details: { actionId, answer: input.answer, ...(enrolled ? { enrolledOn: input.enrolledOn } : {}) },
        },
      );
    });
    const { studentId: _s, schoolId: _k, ...item } = (await findIncoming(db, actionId, today()))!;
    res.json(item);
  });

  return router;
}
