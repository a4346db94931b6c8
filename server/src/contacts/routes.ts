import { Router } from 'express';
import {
  IstatCodeParam,
  UpdateMunicipalityContactInput,
  type MunicipalityContact,
  type MunicipalityContactList,
} from '@primm/shared/contracts/contacts';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { listMunicipalityContacts, saveMunicipalityContact } from './repository';

/**
 * The municipalities' contacts (PEC of the report to the mayor), kept by the admin; the letters
 * read them through the compulsory routes. Every change is audited with the values before and after.
 */
export function contactRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/municipality-contacts', requireRole('admin'), async (_req, res) => {
    const body: MunicipalityContactList = { items: await listMunicipalityContacts(db) };
    res.json(body);
  });

  router.put('/municipality-contacts/:istat', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const { istat } = IstatCodeParam.parse(req.params);
    const input = UpdateMunicipalityContactInput.parse(req.body);
    const [before] = await listMunicipalityContacts(db, istat);
    if (!before) throw notFound('Comune non trovato');
    const saved = await db.transaction().execute(async (trx) => {
      await saveMunicipalityContact(trx, istat, input, { userId: user.id, now: now().toISOString() });
      await audit(
        trx,
        { user, req },
        {
          action: 'contact.update',
          details: {
            municipality: istat,
            name: before.name,
            before: { pec: before.pec, office: before.office },
            after: input,
          },
        },
      );
      return (await listMunicipalityContacts(trx, istat))[0]!;
    });
    res.json(saved satisfies MunicipalityContact);
  });

  return router;
}
