import type { RequestHandler } from 'express';
import { IdempotencyKey } from '@primm/shared/contracts/service-tokens';
import type { Db } from '../db/open-database';
import { audit } from './audit';
import { HttpError } from './http-error';

/** How long a key and its answer are kept: a day, as long as an upload waits for its commit. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request still marked running after this long died with its process: its key is free again. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * `Idempotency-Key` for service tokens (issue 24): the first request with a key runs and its
 * answer (status and JSON body, errors included, not a 5xx) is kept with the key and the token;
 * the same key again gets that answer back (`Idempotent-Replayed: true`) without running anything,
 * so a push retried after a lost answer never imports twice. The key is reserved before the
 * request runs: a retry that arrives while the first still runs gets 409, not a second import.
 * A key reused for another request (method or path) is refused with 409. Without a token or a key
 * the request runs as it is.
 */
export function idempotent(db: Db, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const token = req.serviceToken;
    const raw = req.get('idempotency-key');
    if (!token || raw === undefined) return next();
    const key = IdempotencyKey.parse(raw);
    const path = req.originalUrl.split('?')[0]!;
    const at = now();
    await db
      .deleteFrom('service_token_request')
      .where('service_token_id', '=', token.id)
      .where('created_at', '<', new Date(at.getTime() - IDEMPOTENCY_TTL_MS).toISOString())
      .execute();
    await db
      .deleteFrom('service_token_request')
      .where('service_token_id', '=', token.id)
      .where('idempotency_key', '=', key)
      .where('status', 'is', null)
      .where('created_at', '<', new Date(at.getTime() - ABANDONED_AFTER_MS).toISOString())
      .execute();
    const reserved = await db
      .insertInto('service_token_request')
      .values({
        service_token_id: token.id,
        idempotency_key: key,
        method: req.method,
        path,
        status: null,
        body: null,
        created_at: at.toISOString(),
      })
      .onConflict((oc) => oc.columns(['service_token_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    const where = db
      .selectFrom('service_token_request')
      .where('service_token_id', '=', token.id)
      .where('idempotency_key', '=', key);
    if (Number(reserved.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const first = await where.select(['method', 'path', 'status', 'body']).executeTakeFirstOrThrow();
      if (first.method !== req.method || first.path !== path)
        throw new HttpError(
          409,
          'conflict',
          'Questa Idempotency-Key è già stata usata per un’altra richiesta: usatene una nuova',
        );
      if (first.status === null)
        throw new HttpError(
          409,
          'conflict',
          'Una richiesta con questa Idempotency-Key è ancora in corso: riprovate tra poco',
        );
      await audit(
        db,
        { req },
        { action: 'service_token.use', details: { idempotencyKey: key, replayedStatus: first.status } },
      );
      res.status(first.status).set('Idempotent-Replayed', 'true').type('application/json').send(first.body);
      return;
    }
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      // A server error is not an answer to keep: the retry runs again.
      const keep =
        res.statusCode >= 500
          ? db
              .deleteFrom('service_token_request')
              .where('service_token_id', '=', token.id)
              .where('idempotency_key', '=', key)
              .execute()
          : db
              .updateTable('service_token_request')
              .set({ status: res.statusCode, body: JSON.stringify(body) })
              .where('service_token_id', '=', token.id)
              .where('idempotency_key', '=', key)
              .execute();
      keep.then(
        () => send(body),
        (err: unknown) => {
          console.error('keeping an idempotent answer failed', err);
          send(body);
        },
      );
      return res;
    };
    next();
  };
}
