import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@primm/shared/contracts/calendar-feed';
import { loadAuthUser } from '../auth/current-user';
import { hashToken } from '../auth/token-hash';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { caseloadOf } from './caseload';
import { buildFollowUpIcs } from './follow-up-ics';
import { CASE_ROLES } from './service';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
// last_used_at is written at most this often: a phone polls every few minutes to hours
const TOUCH_EVERY_MS = 60 * 60 * 1000;

/**
 * The follow-ups of a user's caseload as a calendar a phone subscribes to (issue 19). The address
 * carries a 256-bit secret instead of a session (calendar apps cannot sign in); it can be
 * replaced, which ends the old one, or switched off. The feed has no personal data in it
 * (follow-up-ics.ts), so reading it is not a read of a student; making an address is audited.
 */
export function calendarFeedRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/calendar-feed', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const row = await db
      .selectFrom('calendar_feed')
      .select(['created_at', 'last_used_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    const body: CalendarFeedStatus = {
      active: Boolean(row),
      createdAt: row?.created_at ?? null,
      lastUsedAt: row?.last_used_at ?? null,
    };
    res.json(body);
  });

  // A new address; the previous one, if any, stops working in the same statement.
  router.post('/calendar-feed', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const token = randomBytes(32).toString('base64url');
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      const replaced = await trx.deleteFrom('calendar_feed').where('user_id', '=', user.id).executeTakeFirst();
      await trx
        .insertInto('calendar_feed')
        .values({ user_id: user.id, token_hash: hashToken(token), created_at: at, last_used_at: null })
        .execute();
      await audit(
        trx,
        { user, req },
        { action: 'calendar.feed.create', details: { replaced: Number(replaced.numDeletedRows) > 0 } },
      );
    });
    const body: CalendarFeedCreated = {
      active: true,
      createdAt: at,
      lastUsedAt: null,
      path: `/api/calendar/${token}.ics`,
    };
    res.status(201).json(body);
  });

  router.delete('/calendar-feed', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('calendar_feed').where('user_id', '=', user.id).execute();
      await audit(trx, { user, req }, { action: 'calendar.feed.delete' });
    });
    res.status(204).end();
  });

  // No session here: the secret in the path is the credential. An unknown, replaced or switched-off
  // address, or one of a user disabled or no longer working on cases, answers like any unknown path.
  router.get('/calendar/:file', async (req, res) => {
    const token = FEED_FILE.exec(String(req.params.file))?.[1];
    const feed = token
      ? await db.selectFrom('calendar_feed').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst()
      : undefined;
    const user = feed ? await loadAuthUser(db, feed.user_id) : undefined;
    if (!feed || !user || !(CASE_ROLES as readonly string[]).includes(user.role))
      throw notFound('Calendario non trovato');
    const at = now();
    const { followUps } = await caseloadOf(db, user, at.toISOString().slice(0, 10));
    if (!feed.last_used_at || at.getTime() - Date.parse(feed.last_used_at) >= TOUCH_EVERY_MS) {
      await db
        .updateTable('calendar_feed')
        .set({ last_used_at: at.toISOString() })
        .where('user_id', '=', user.id)
        .execute();
    }
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="primm-verifiche.ics"');
    res.send(buildFollowUpIcs(followUps, { origin: `${req.protocol}://${req.get('host')}`, now: at }));
  });

  return router;
}
