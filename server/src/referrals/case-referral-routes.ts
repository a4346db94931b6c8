import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import { CreateReferralInput, type ReferralList } from '@primm/shared/contracts/referrals';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { assertCaseWorker, CASE_ROLES, findCaseStudent, findCaseToWrite } from '../cases/service';
import { listReferrals, puaServing, type ReferralClock } from './repository';

const CaseIdParam = z.object({ id: Id });

/**
 * The case side (issue 21): a mediator or referent of the school that holds the student sends a
 * referral to the PUA serving the student's municipality of residence, with the family's consent;
 * whoever may read the case reads its referrals, the PUA's answers and updates (the timeline).
 */
export function caseReferralRoutes(db: Db, now: () => Date, clock: () => ReferralClock): Router {
  const router = Router();

  router.get('/cases/:id/referrals', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const c = await findCaseStudent(db, user, id);
    const body: ReferralList = {
      items: await listReferrals(db, { caseId: id, sentBefore: c.window?.before }, clock()),
    };
    await audit(db, { user, req }, { action: 'referral.read', studentIds: [c.studentId], details: { caseId: id } });
    res.json(body);
  });

  router.post('/cases/:id/referrals', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const input = CreateReferralInput.parse(req.body);
    const c = await findCaseToWrite(db, user, id);
    assertCaseWorker(user, c.schoolId);
    if (c.status === 'closed') throw new HttpError(409, 'conflict', 'Il caso è chiuso: riapritene uno nuovo');
    const at = now().toISOString();
    const today = at.slice(0, 10);
    if (input.consent.givenOn > today)
      throw new HttpError(400, 'validation_failed', 'Il consenso non può essere datato dopo oggi', [
        { path: 'consent.givenOn', message: 'data successiva a oggi' },
      ]);
    const student = await db
      .selectFrom('student')
      .leftJoin('municipality as m', 'm.istat_code', 'student.residence_istat')
      .select(['student.residence_istat', 'm.name as municipality_name'])
      .where('student.id', '=', c.studentId)
      .executeTakeFirstOrThrow();
    if (!student.residence_istat || !student.municipality_name)
      throw new HttpError(
        409,
        'conflict',
        'Lo studente non ha un comune di residenza registrato: senza, non si sa a quale PUA inviare. Aggiornare la residenza con la prossima importazione.',
      );
    if ((await puaServing(db, student.residence_istat)).length === 0)
      throw new HttpError(
        409,
        'conflict',
        `Nessun PUA serve ancora il comune di residenza (${student.municipality_name}): l'invio non è possibile. Chiedere all'amministratore di assegnare il comune a un PUA.`,
      );
    const referralId = await db.transaction().execute(async (trx) => {
      // The referral is also the case's `pua_referral` action: the case effect and "Cosa
      // funziona" count actions, and this one must be among them like any other.
      const { id: actionId } = await trx
        .insertInto('case_action')
        .values({
          case_id: id,
          type: 'pua_referral',
          date: today,
          participants: `${user.displayName}; consenso: ${input.consent.givenBy}`,
          notes: null,
          follow_up_on: null,
          outcome: null,
          destination: `PUA – ${student.municipality_name}`,
          arrived: null,
          work_kind: null,
          exceptional_reason: null,
          created_by: user.id,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: newId } = await trx
        .insertInto('pua_referral')
        .values({
          case_id: id,
          student_id: c.studentId,
          case_action_id: actionId,
          municipality_istat: student.residence_istat!,
          reasons: JSON.stringify(input.reasons),
          text: input.text,
          family_contact: input.familyContact,
          consent_given_by: input.consent.givenBy,
          consent_given_on: input.consent.givenOn,
          consent_services: JSON.stringify(input.consent.services),
          status: 'sent',
          decline_reason: null,
          first_answer_at: null,
          answered_by: null,
          sent_by: user.id,
          sent_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(
        trx,
        { user, req },
        {
          action: 'referral.create',
          studentIds: [c.studentId],
          details: {
            caseId: id,
            referralId: newId,
            actionId,
            municipality: student.residence_istat,
            reasons: input.reasons,
            consent: { givenOn: input.consent.givenOn, services: input.consent.services },
          },
        },
      );
      return newId;
    });
    const [created] = await listReferrals(db, { id: referralId }, clock());
    res.status(201).json(created);
  });

  return router;
}
