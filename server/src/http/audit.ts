import type { Request } from 'express';
import type { AuditAction } from '@primm/shared/contracts/audit';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import './service-token';

export interface AuditEvent {
  /** One of the actions every log reader has a label for (shared/src/contracts/audit.ts). */
  action: AuditAction;
  outcome?: 'ok' | 'denied' | 'failed';
  studentIds?: number[];
  classId?: number | null;
  details?: Record<string, unknown>;
}

/** Characters of a request path kept: enough for every route and its filters, not for padding. */
const MAX_PATH = 200;

/** A minute: anonymous refusals of one address and action are written at most this often. */
export const ANONYMOUS_DENIAL_EVERY_MS = 60_000;

/** The audit line of a refused anonymous request, written or only counted. */
export type AnonymousDenialAudit = (db: Db, req: Request, event: AuditEvent) => Promise<void>;

/**
 * Anonymous refusals cost the sender nothing, and each one was a row of the append-only log
 * (issue 17, finding 10: 500 rows in 1.1 s). Per address and action, the first refusal of a minute
 * is written; the next ones of that minute are only counted, and the next row written for that
 * address and action says how many were not (`details.notLogged`). The counts live in this
 * process: a restart, or more than `maxKeys` addresses at once, loses the ones not yet written.
 */
export function createAnonymousDenialAudit(now: () => Date, maxKeys = 10_000): AnonymousDenialAudit {
  const recent = new Map<string, { writtenAt: number; notLogged: number }>();
  return async (db, req, event) => {
    const key = `${event.action} ${req.ip ?? ''}`;
    const at = now().getTime();
    const entry = recent.get(key);
    if (entry && at - entry.writtenAt < ANONYMOUS_DENIAL_EVERY_MS) {
      entry.notLogged += 1;
      return;
    }
    // Re-inserted, so the map's first keys are the ones written longest ago: dropped first.
    recent.delete(key);
    recent.set(key, { writtenAt: at, notLogged: 0 });
    for (const oldest of recent.keys()) {
      if (recent.size <= maxKeys) break;
      recent.delete(oldest);
    }
    const notLogged = entry?.notLogged ?? 0;
    await audit(db, { req }, notLogged > 0 ? { ...event, details: { ...event.details, notLogged } } : event);
  };
}

/**
 * One append-only line of who did what to which students. Written for every read of a student
 * or a list of students, every write, every import, every login and every denied request.
 */
export async function audit(db: Db, who: { user?: AuthUser | null; req?: Request }, event: AuditEvent): Promise<void> {
  const { user, req } = who;
  // A service token's request is the token's (issue 24): its lines name it, as a user's name the user.
  const token = req?.serviceToken;
  const details = token ? { serviceToken: { id: token.id, name: token.name }, ...event.details } : event.details;
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: user?.id ?? null,
      role: user?.role ?? null,
      action: event.action,
      method: req?.method ?? null,
      path: req ? req.originalUrl.slice(0, MAX_PATH) : null,
      student_ids: event.studentIds && event.studentIds.length > 0 ? JSON.stringify(event.studentIds) : null,
      class_id: event.classId ?? null,
      outcome: event.outcome ?? 'ok',
      ip: req?.ip ?? null,
      details: details ? JSON.stringify(details) : null,
    })
    .execute();
}
