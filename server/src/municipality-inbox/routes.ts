import { Router } from 'express';
import { z } from 'zod';
import type { MayorReport } from '@primm/shared/contracts/compulsory';
import { Id } from '@primm/shared/contracts/domain';
import {
  AcknowledgeInput,
  RecordMeasureInput,
  type InboxItem,
  type MunicipalityInbox,
} from '@primm/shared/contracts/municipality-inbox';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import {
  acknowledgeItem,
  findItems,
  insertMeasure,
  itemStudentIds,
  measuresOf,
  type ItemRow,
  type OctoberListPayload,
} from './repository';
import { toInboxSummary, type StatusContext } from './shape';

const ItemIdParam = z.object({ id: Id });
const NOT_FOUND = 'Comunicazione non trovata';

/**
 * The municipal office's inbox (issue 21): only the items sent to the municipalities its account
 * serves, only what the printed report or list carries. Every read names the students it showed
 * in the audit log (issue 21.5).
 */
export function municipalityInboxRoutes(db: Db, now: () => Date, ackWorkingDays: number): Router {
  const router = Router();
  // The office's own account is the one reading: "overdue" is shown to it as to the school.
  const context = (user: AuthUser): StatusContext => ({
    today: now().toISOString().slice(0, 10),
    limit: ackWorkingDays,
    withAccount: new Set(user.municipalityCodes),
  });

  router.get('/municipality-inbox', requireRole('comune'), async (req, res) => {
    const user = userOf(req);
    const rows = await findItems(db, { municipalities: user.municipalityCodes });
    const body: MunicipalityInbox = { ackWorkingDays, items: rows.map((r) => toInboxSummary(r, context(user))) };
    await audit(
      db,
      { user, req },
      {
        action: 'municipality_inbox.read',
        studentIds: await itemStudentIds(
          db,
          rows.map((r) => r.id),
        ),
      },
    );
    res.json(body);
  });

  router.get('/municipality-inbox/:id', requireRole('comune'), async (req, res) => {
    const user = userOf(req);
    const { id } = ItemIdParam.parse(req.params);
    const row = await itemOf(db, user, id);
    const body: InboxItem = {
      ...toInboxSummary(row, context(user)),
      report: row.kind === 'mayor_report' ? (row.payload as MayorReport) : null,
      list: row.kind === 'october_list' ? { rows: (row.payload as OctoberListPayload).rows } : null,
      measures: await measuresOf(db, id),
    };
    await audit(
      db,
      { user, req },
      { action: 'municipality_inbox.item.read', studentIds: await itemStudentIds(db, [id]), details: { itemId: id } },
    );
    res.json(body);
  });

  router.post('/municipality-inbox/:id/acknowledgement', requireRole('comune'), async (req, res) => {
    const user = userOf(req);
    const { id } = ItemIdParam.parse(req.params);
    const input = AcknowledgeInput.parse(req.body);
    const row = await itemOf(db, user, id);
    const today = now().toISOString().slice(0, 10);
    if (input.receivedOn < row.deliveredAt.slice(0, 10))
      throw new HttpError(400, 'validation_failed', 'La data di ricezione precede l’invio della scuola');
    if (input.receivedOn > today) throw new HttpError(400, 'validation_failed', 'La data di ricezione è nel futuro');
    await db.transaction().execute(async (trx) => {
      const done = await acknowledgeItem(trx, id, { ...input, at: now().toISOString(), by: user.id });
      if (!done) throw new HttpError(409, 'conflict', 'La ricezione è già stata registrata');
      await audit(
        trx,
        { user, req },
        {
          action: 'municipality_inbox.acknowledge',
          studentIds: await itemStudentIds(trx, [id]),
          details: { itemId: id, receivedOn: input.receivedOn, protocolNumber: input.protocolNumber },
        },
      );
    });
    const [updated] = await findItems(db, { id });
    res.status(201).json(toInboxSummary(updated!, context(user)));
  });

  router.post('/municipality-inbox/:id/measures', requireRole('comune'), async (req, res) => {
    const user = userOf(req);
    const { id } = ItemIdParam.parse(req.params);
    const input = RecordMeasureInput.parse(req.body);
    const row = await itemOf(db, user, id);
    // Measures follow the acknowledgement: the protocol number is what they refer to.
    if (!row.acknowledgedAt) throw new HttpError(409, 'conflict', 'Registrate prima la ricezione (data e protocollo)');
    if (input.takenOn > now().toISOString().slice(0, 10))
      throw new HttpError(400, 'validation_failed', 'La data del provvedimento è nel futuro');
    const measure = await db.transaction().execute(async (trx) => {
      const m = await insertMeasure(trx, { itemId: id, ...input, at: now().toISOString(), by: user.id });
      await audit(
        trx,
        { user, req },
        {
          action: 'municipality_inbox.measure',
          studentIds: await itemStudentIds(trx, [id]),
          details: { itemId: id, measureId: m.id, takenOn: input.takenOn },
        },
      );
      return m;
    });
    res.status(201).json(measure);
  });

  return router;
}

/** The item, when sent to a municipality the account serves; any other answers as one that does not exist. */
async function itemOf(db: Db, user: AuthUser, id: number): Promise<ItemRow> {
  const [row] = await findItems(db, { id, municipalities: user.municipalityCodes });
  if (!row) throw denied(NOT_FOUND, 404);
  return row;
}
