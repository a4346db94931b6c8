import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import {
  CloseCaseInput,
  CreateCaseActionInput,
  CreateCaseInput,
  UpdateCaseActionInput,
  UpdateCaseInput,
  type CaseList,
} from '@primm/shared/contracts/cases';
import { checkPathway } from '@primm/shared/compulsory/pathways';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { assertCanReadStudent, assertCanWriteStudent } from '../http/student-access';
import { findRegistrySchool, openArrival } from '../arrivals/repository';
import { findCase, insertParticipantViews, listActions, listCases, resolveFlagsOnClose } from './repository';
import { assertCaseWorker, assertValidOwner, CASE_ROLES, findCaseStudent, findCaseToWrite } from './service';

const CaseIdParam = z.object({ id: Id });
const ActionParams = z.object({ id: Id, actionId: Id });
const StudentIdParam = z.object({ studentId: Id });

export function caseRoutes(db: Db, now: () => Date): Router {
  const router = Router();
  const today = () => now().toISOString().slice(0, 10);

  router.get('/students/:studentId/cases', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const access = await assertCanReadStudent(db, user, studentId);
    const body: CaseList = {
      items: await listCases(db, { studentId, window: access.kind === 'former' ? access.window : undefined }, today()),
    };
    await audit(db, { user, req }, { action: 'case.read', studentIds: [studentId] });
    res.json(body);
  });

  router.post('/cases', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const input = CreateCaseInput.parse(req.body);
    const { current } = await assertCanWriteStudent(db, user, input.studentId);
    if (!current) throw new HttpError(404, 'not_found', 'Studente non trovato');
    // The case belongs to the school that holds the student now.
    const schoolId = current.schoolId;
    assertCaseWorker(user, schoolId);
    const ownerId = input.ownerId ?? user.id;
    await assertValidOwner(db, ownerId, schoolId);
    if (input.flagId !== undefined) {
      const flag = await db.selectFrom('flag').select('student_id').where('id', '=', input.flagId).executeTakeFirst();
      if (!flag || flag.student_id !== input.studentId)
        throw new HttpError(400, 'validation_failed', 'La segnalazione non riguarda questo studente');
    }
    const id = await db.transaction().execute(async (trx) => {
      const { id: caseId } = await trx
        .insertInto('support_case')
        .values({
          student_id: input.studentId,
          school_id: schoolId,
          flag_id: input.flagId ?? null,
          opened_by: user.id,
          owner_id: ownerId,
          opened_at: now().toISOString(),
          status: 'open',
          goal: input.goal,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, { user, req }, { action: 'case.create', studentIds: [input.studentId], details: { caseId } });
      return caseId;
    });
    res.status(201).json(await findCase(db, id, today()));
  });

  router.get('/cases/:id', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const { studentId, window } = await findCaseStudent(db, user, id);
    await audit(db, { user, req }, { action: 'case.read', studentIds: [studentId], details: { caseId: id } });
    res.json(await findCase(db, id, today(), window));
  });

  router.patch('/cases/:id', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const input = UpdateCaseInput.parse(req.body);
    const c = await findCaseToWrite(db, user, id);
    assertCaseWorker(user, c.schoolId);
    if (c.status === 'closed') throw new HttpError(409, 'conflict', 'Il caso è chiuso');
    if (input.ownerId !== undefined) await assertValidOwner(db, input.ownerId, c.schoolId);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('support_case')
        .set({
          ...(input.status ? { status: input.status } : {}),
          ...(input.goal ? { goal: input.goal } : {}),
          ...(input.ownerId ? { owner_id: input.ownerId } : {}),
        })
        .where('id', '=', id)
        .execute();
      await audit(
        trx,
        { user, req },
        { action: 'case.update', studentIds: [c.studentId], details: { caseId: id, ...input } },
      );
    });
    res.json(await findCase(db, id, today()));
  });

  router.post('/cases/:id/close', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const input = CloseCaseInput.parse(req.body);
    const c = await findCaseToWrite(db, user, id);
    assertCaseWorker(user, c.schoolId);
    if (c.status === 'closed') throw new HttpError(409, 'conflict', 'Il caso è già chiuso');
    await db.transaction().execute(async (trx) => {
      const at = now().toISOString();
      await trx
        .updateTable('support_case')
        .set({ status: 'closed', closed_at: at, outcome: input.outcome, outcome_note: input.note ?? null })
        .where('id', '=', id)
        .execute();
      const resolvedFlagIds = await resolveFlagsOnClose(trx, { caseId: id, studentId: c.studentId }, user.id, at);
      const views = input.participantViews ?? [];
      await insertParticipantViews(trx, id, views, user.id, at);
      // Who said what and how much it helped; never the free text (it stays in the case).
      if (views.length > 0)
        await audit(
          trx,
          { user, req },
          {
            action: 'case.participant_view.record',
            studentIds: [c.studentId],
            details: {
              caseId: id,
              views: views.map((v) => ({ perspective: v.perspective, helped: v.helped, helpedMost: v.helpedMost })),
            },
          },
        );
      await audit(
        trx,
        { user, req },
        {
          action: 'case.close',
          studentIds: [c.studentId],
          details: { caseId: id, outcome: input.outcome, resolvedFlagIds },
        },
      );
    });
    res.json(await findCase(db, id, today()));
  });

  router.post('/cases/:id/actions', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = CaseIdParam.parse(req.params);
    const input = CreateCaseActionInput.parse(req.body);
    const c = await findCaseToWrite(db, user, id);
    assertCaseWorker(user, c.schoolId);
    if (c.status === 'closed') throw new HttpError(409, 'conflict', 'Il caso è chiuso: riapritene uno nuovo');
    const { birth_date } = await db
      .selectFrom('student')
      .select('birth_date')
      .where('id', '=', c.studentId)
      .executeTakeFirstOrThrow();
    // The young person's legal status decides which pathways are valid (docs/compulsory-education.md).
    const verdict = checkPathway({
      type: input.type,
      birthDate: birth_date,
      date: input.date,
      workKind: input.workKind ?? null,
      exceptional: input.exceptionalReason !== undefined,
    });
    if (!verdict.valid)
      throw new HttpError(400, 'validation_failed', verdict.message, [{ path: 'type', message: verdict.message }]);
    // A school of the registry confirms the arrival itself (issue #21); the text names it for every reader.
    const receiving = input.destinationSchoolCode
      ? await findRegistrySchool(db, input.destinationSchoolCode)
      : undefined;
    if (input.destinationSchoolCode && !receiving) {
      const message = 'Scuola di destinazione non trovata nell’anagrafe';
      throw new HttpError(400, 'validation_failed', message, [{ path: 'destinationSchoolCode', message }]);
    }
    const actionId = await db.transaction().execute(async (trx) => {
      const { id: newId } = await trx
        .insertInto('case_action')
        .values({
          case_id: id,
          type: input.type,
          date: input.date,
          participants: input.participants,
          notes: input.notes ?? null,
          follow_up_on: input.followUpOn ?? null,
          outcome: input.outcome ?? null,
          destination: receiving ? `${receiving.name} (${receiving.code})` : (input.destination ?? null),
          arrived: input.arrived === undefined || input.arrived === null ? null : input.arrived ? 1 : 0,
          arrived_on: input.arrivedOn ?? null,
          work_kind: input.workKind ?? null,
          exceptional_reason: input.exceptionalReason ?? null,
          created_by: user.id,
          created_at: now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const autoConfirmed = receiving
        ? await openArrival(trx, {
            actionId: newId,
            schoolId: receiving.id,
            originSchoolId: c.schoolId,
            studentId: c.studentId,
            date: input.date,
            at: now().toISOString(),
          })
        : null;
      await audit(
        trx,
        { user, req },
        {
          action: 'case.action.create',
          studentIds: [c.studentId],
          details: {
            caseId: id,
            actionId: newId,
            type: input.type,
            ...(receiving ? { receivingSchool: receiving.code, autoConfirmed } : {}),
          },
        },
      );
      return newId;
    });
    res.status(201).json((await listActions(db, id, today())).find((a) => a.id === actionId));
  });

  router.patch('/cases/:id/actions/:actionId', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id, actionId } = ActionParams.parse(req.params);
    const input = UpdateCaseActionInput.parse(req.body);
    const c = await findCaseToWrite(db, user, id);
    assertCaseWorker(user, c.schoolId);
    const action = await db
      .selectFrom('case_action')
      .select('id')
      .where('id', '=', actionId)
      .where('case_id', '=', id)
      .executeTakeFirst();
    if (!action) throw new HttpError(404, 'not_found', 'Azione non trovata');
    // A school of the registry answers for the arrival itself (issue #21): the mediator does not overwrite it.
    if (
      input.arrived !== undefined &&
      (await db
        .selectFrom('reorientation_arrival')
        .select('action_id')
        .where('action_id', '=', actionId)
        .executeTakeFirst())
    )
      throw new HttpError(409, 'conflict', 'L’arrivo lo conferma la scuola che accoglie');
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('case_action')
        .set({
          ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
          ...(input.arrived !== undefined
            ? {
                arrived: input.arrived === null ? null : input.arrived ? 1 : 0,
                // the day goes with "arrived": any other answer drops it
                arrived_on: input.arrived === true ? (input.arrivedOn ?? null) : null,
              }
            : {}),
          ...(input.followUpOn !== undefined ? { follow_up_on: input.followUpOn } : {}),
        })
        .where('id', '=', actionId)
        .execute();
      await audit(
        trx,
        { user, req },
        { action: 'case.action.update', studentIds: [c.studentId], details: { caseId: id, actionId } },
      );
    });
    res.json((await listActions(db, id, today())).find((a) => a.id === actionId));
  });

  return router;
}
