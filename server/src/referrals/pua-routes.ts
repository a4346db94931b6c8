import { Router } from 'express';
import { z } from 'zod';
import { Id } from '@primm/shared/contracts/domain';
import {
  AnswerReferralInput,
  CreateReferralUpdateInput,
  type PuaReferral,
  type PuaReferralList,
} from '@primm/shared/contracts/referrals';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { listPuaReferrals, referralStudentIds, type ReferralClock } from './repository';

const IdParam = z.object({ id: Id });
const NOT_FOUND = 'Invio non trovato';

/** The admin sees every PUA's referrals; a PUA only those for the municipalities it serves. */
const scopeOf = (user: AuthUser) => (user.role === 'admin' ? {} : { municipalityCodes: user.municipalityCodes });

/**
 * The PUA side (issue 21): an inbox of the referrals for its municipalities, each referral with
 * the student's name, birth date, school and class and nothing else of the record, an answer
 * (accept, or decline with a reason) and updates. Every read is audited with its students.
 */
export function puaReferralRoutes(db: Db, now: () => Date, clock: () => ReferralClock): Router {
  const router = Router();

  /** One referral in the user's scope, or the same 404 whether it exists or not (ids are not probed). */
  const findOwn = async (user: AuthUser, id: number): Promise<PuaReferral & { studentId: number }> => {
    const [found] = await listPuaReferrals(db, { id, ...scopeOf(user) }, clock());
    if (!found) {
      const exists = await db.selectFrom('pua_referral').select('id').where('id', '=', id).executeTakeFirst();
      throw exists ? denied(NOT_FOUND, 404) : new HttpError(404, 'not_found', NOT_FOUND);
    }
    const { student_id } = await db
      .selectFrom('pua_referral')
      .select('student_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...found, studentId: student_id };
  };

  router.get('/referrals', requireRole('pua', 'admin'), async (req, res) => {
    const user = userOf(req);
    const items = await listPuaReferrals(db, scopeOf(user), clock());
    const body: PuaReferralList = { items: items.reverse() };
    const studentIds = await referralStudentIds(
      db,
      items.map((r) => r.id),
    );
    await audit(
      db,
      { user, req },
      {
        action: 'referral.read',
        studentIds,
        details: { referralIds: items.map((r) => r.id) },
      },
    );
    res.json(body);
  });

  router.get('/referrals/:id', requireRole('pua', 'admin'), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const { studentId, ...referral } = await findOwn(user, id);
    await audit(db, { user, req }, { action: 'referral.read', studentIds: [studentId], details: { referralId: id } });
    res.json(referral);
  });

  router.post('/referrals/:id/answer', requireRole('pua'), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const input = AnswerReferralInput.parse(req.body);
    const found = await findOwn(user, id);
    if (found.status !== 'sent') throw new HttpError(409, 'conflict', 'All’invio è già stata data una risposta');
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('pua_referral')
        .set({
          status: input.decision === 'accept' ? 'accepted' : 'declined',
          decline_reason: input.decision === 'decline' ? input.reason : null,
          first_answer_at: now().toISOString(),
          answered_by: user.id,
        })
        .where('id', '=', id)
        .where('status', '=', 'sent')
        .execute();
      await audit(
        trx,
        { user, req },
        {
          action: 'referral.answer',
          studentIds: [found.studentId],
          details: { referralId: id, decision: input.decision },
        },
      );
    });
    const { studentId: _s, ...answered } = await findOwn(user, id);
    res.json(answered);
  });

  router.post('/referrals/:id/updates', requireRole('pua'), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const input = CreateReferralUpdateInput.parse(req.body);
    const found = await findOwn(user, id);
    if (found.status !== 'accepted')
      throw new HttpError(
        409,
        'conflict',
        found.status === 'sent' ? 'Accettare l’invio prima di registrare i servizi' : 'L’invio è chiuso',
      );
    await db.transaction().execute(async (trx) => {
      const { id: updateId } = await trx
        .insertInto('pua_referral_update')
        .values({
          referral_id: id,
          services: input.services ?? null,
          responsible: input.responsible ?? null,
          note: input.note ?? null,
          closed: input.close ? 1 : 0,
          created_by: user.id,
          created_at: now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.close) await trx.updateTable('pua_referral').set({ status: 'closed' }).where('id', '=', id).execute();
      await audit(
        trx,
        { user, req },
        {
          action: 'referral.update',
          studentIds: [found.studentId],
          details: { referralId: id, updateId, services: input.services !== undefined, close: input.close === true },
        },
      );
    });
    const { studentId: _s, ...updated } = await findOwn(user, id);
    res.status(201).json(updated);
  });

  return router;
}
