import type { Request } from 'express';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';

export interface AuditEvent {
  action: string;
  outcome?: 'ok' | 'denied' | 'failed';
  studentIds?: number[];
  classId?: number | null;
  details?: Record<string, unknown>;
}

/**
 * One append-only line of who did what to which students. Written for every read of a student
 * or a list of students, every write, every import, every login and every denied request.
 */
export async function audit(db: Db, who: { user?: AuthUser | null; req?: Request }, event: AuditEvent): Promise<void> {
  const { user, req } = who;
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: user?.id ?? null,
      role: user?.role ?? null,
      action: event.action,
      method: req?.method ?? null,
      path: req ? req.originalUrl.slice(0, 500) : null,
      student_ids: event.studentIds && event.studentIds.length > 0 ? JSON.stringify(event.studentIds) : null,
      class_id: event.classId ?? null,
      outcome: event.outcome ?? 'ok',
      ip: req?.ip ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}
