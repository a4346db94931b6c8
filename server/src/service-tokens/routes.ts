import { Router } from 'express';
import { Id } from '@primm/shared/contracts/domain';
import {
  CreateServiceTokenInput,
  type CreatedServiceToken,
  type ServiceTokenList,
} from '@primm/shared/contracts/service-tokens';
import { hashToken } from '../auth/token-hash';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError, notFound } from '../http/http-error';
import { insertServiceToken, listServiceTokens, newServiceToken, revokeServiceToken } from './repository';

/**
 * Service tokens (issue 24), the admin's alone: a token imports into schools, across referents,
 * so giving one out is like making a referent of each of its schools.
 */
export function serviceTokenRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/service-tokens', requireRole('admin'), async (_req, res) => {
    res.json({ items: await listServiceTokens(db) } satisfies ServiceTokenList);
  });

  router.post('/service-tokens', requireRole('admin'), async (req, res) => {
    const admin = userOf(req);
    const input = CreateServiceTokenInput.parse(req.body);
    const codes = [...new Set(input.schools)];
    const schools = await db.selectFrom('school').select(['id', 'code']).where('code', 'in', codes).execute();
    const unknown = codes.filter((c) => !schools.some((s) => s.code === c));
    if (unknown.length > 0) throw new HttpError(400, 'validation_failed', `Scuole inesistenti: ${unknown.join(', ')}`);
    const token = newServiceToken();
    const id = await db.transaction().execute(async (trx) => {
      const tokenId = await insertServiceToken(trx, {
        name: input.name,
        tokenHash: hashToken(token),
        createdBy: admin.id,
        schoolIds: schools.map((s) => s.id),
        at: now().toISOString(),
      });
      await audit(
        trx,
        { user: admin, req },
        { action: 'service_token.create', details: { serviceTokenId: tokenId, name: input.name, schools: codes } },
      );
      return tokenId;
    });
    const [serviceToken] = await listServiceTokens(db, id);
    res.status(201).json({ serviceToken: serviceToken!, token } satisfies CreatedServiceToken);
  });

  router.post('/service-tokens/:id/revoke', requireRole('admin'), async (req, res) => {
    const admin = userOf(req);
    const id = Id.parse(req.params.id);
    const revoked = await db.transaction().execute(async (trx) => {
      if (!(await revokeServiceToken(trx, id, now().toISOString()))) return false;
      await audit(trx, { user: admin, req }, { action: 'service_token.revoke', details: { serviceTokenId: id } });
      return true;
    });
    if (!revoked) throw notFound('Token di servizio inesistente o già revocato');
    const [serviceToken] = await listServiceTokens(db, id);
    res.json(serviceToken);
  });

  return router;
}
