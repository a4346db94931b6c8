import type { AuditEntry, AuditQuery } from '@primm/shared/contracts/audit';
import type { Db } from '../db/open-database';

/**
 * Newest first, in pages of `limit` before the id `before`. Read only: there is no write path here.
 * `studentIds`: the lines naming any of these students (the `student` filter, resolved by the caller).
 */
export async function listAudit(
  db: Db,
  query: AuditQuery,
  studentIds?: number[],
): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'app_user.email',
      'audit_log.role',
      'audit_log.action',
      'audit_log.method',
      'audit_log.path',
      'audit_log.student_ids',
      'audit_log.class_id',
      'audit_log.outcome',
      'audit_log.ip',
      'audit_log.details',
    ]);
  if (query.userId) q = q.where('audit_log.user_id', '=', query.userId);
  if (query.email)
    q = q.where(({ eb, fn }) =>
      eb(fn('lower', ['app_user.email']), 'like', `%${query.email!.toLowerCase().replace(/[%_]/g, '')}%`),
    );
  if (query.action) q = q.where('audit_log.action', 'like', `${query.action}%`);
  if (query.outcome) q = q.where('audit_log.outcome', '=', query.outcome);
  // student_ids is a JSON array: match the id as a whole element.
  const wanted = [...(query.studentId ? [query.studentId] : []), ...(studentIds ?? [])];
  if (studentIds !== undefined && wanted.length === 0) return { items: [], nextBefore: null }; // nobody found: no line
  if (wanted.length > 0)
    q = q.where((eb) =>
      eb.or(
        wanted.flatMap((id) => [
          eb('audit_log.student_ids', 'like', `[${id}]`),
          eb('audit_log.student_ids', 'like', `[${id},%`),
          eb('audit_log.student_ids', 'like', `%,${id},%`),
          eb('audit_log.student_ids', 'like', `%,${id}]`),
        ]),
      ),
    );
  if (query.from) q = q.where('audit_log.at', '>=', query.from);
  if (query.to) q = q.where('audit_log.at', '<', `${query.to}T99`); // the whole "to" day
  if (query.before) q = q.where('audit_log.id', '<', query.before);
  const rows = await q
    .orderBy('audit_log.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userEmail: r.email,
      role: r.role,
      action: r.action,
      method: r.method,
      path: r.path,
      studentIds: r.student_ids ? (JSON.parse(r.student_ids) as number[]) : [],
      classId: r.class_id,
      outcome: r.outcome,
      ip: r.ip,
      details: parseDetails(r.details),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** `details` is JSON written by `audit()`; a line that is not an object (never expected) shows as written. */
function parseDetails(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { value: text };
  }
}
