import { z } from 'zod';

export const AuditOutcome = z.enum(['ok', 'denied', 'failed']);

/**
 * Every action the server writes to the audit log: `audit()` accepts only these, and the web has a
 * label for each in Italian and English (web/src/locales/features/auditActions.*.json, checked by
 * a test). A new action is added here first.
 */
export const AUDIT_ACTIONS = [
  'access.denied',
  'auth.login',
  'auth.logout',
  'auth.password',
  'audit.read',
  'aggregates.read',
  'aggregates.trend.read',
  'aggregates.history.read',
  'fairness.read',
  'case.create',
  'case.read',
  'case.update',
  'case.close',
  'case.participant_view.record',
  'what_works.read',
  'case.action.create',
  'case.action.update',
  'case.effect.read',
  'referral.create',
  'referral.read',
  'referral.answer',
  'referral.update',
  'referral.counts.read',
  'caseload.read',
  'case.archive.read',
  'arrival.read',
  'arrival.answer',
  'worklist.read',
  'calendar.feed.create',
  'calendar.feed.delete',
  'class.students.read',
  'class.risk.read',
  'class.risk.changes.read',
  'school.risk.read',
  'compulsory.read',
  'compulsory.notice',
  'compulsory.notice_letter.read',
  'compulsory.report',
  'compulsory.report.read',
  'compulsory.october_list',
  'deadlines.read',
  'municipality_inbox.read',
  'municipality_inbox.item.read',
  'municipality_inbox.acknowledge',
  'municipality_inbox.measure',
  'municipality_delivery.read',
  'contact.update',
  'letter.read',
  'letter_template.update',
  'letter_template.verify',
  'flag.create',
  'flag.read',
  'note.create',
  'note.read',
  'import.preview',
  'import.commit',
  'import.inbox',
  'risk.recompute',
  'risk.settings.update',
  'risk.review.confirm',
  'risk.review.dismiss',
  'risk.review.override',
  'risk.backtest.run',
  'risk.backtest.save',
  'risk.levels.update',
  'school.capacity.update',
  'student.read',
  'student.export',
  'student.risk.read',
  'student.family.read',
  'student.family.update',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.one_time_password',
  'service_token.create',
  'service_token.revoke',
  'service_token.use',
  'open_data.preview',
  'open_data.publish',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `compulsory.report.read` → `compulsory_report_read`: the label's key (i18next reads dots as nesting). */
export const auditActionKey = (action: string) => action.replace(/\./g, '_');

export const AuditQuery = z.object({
  userId: z.coerce.number().int().positive().optional(),
  /** Part of the user's e-mail, any case. */
  email: z.string().trim().max(254).optional(),
  /**
   * A student by internal id, codice fiscale or name (words of surname and first name): resolved
   * to ids on the server, which answers with the students it found.
   */
  student: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  outcome: AuditOutcome.optional(),
  studentId: z.coerce.number().int().positive().optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userEmail: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  studentIds: z.array(z.number().int()),
  classId: z.number().int().nullable(),
  outcome: AuditOutcome,
  ip: z.string().nullable(),
  /** What the line's action recorded besides the columns (e.g. a login's email, a denial's status and code). */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  nextBefore: z.number().int().nullable(),
  /** With the `student` filter: who it found (at most 20), so the admin sees whom the lines are about. */
  students: z.array(z.object({ id: z.number().int(), lastName: z.string(), firstName: z.string() })).optional(),
});
export type AuditPage = z.infer<typeof AuditPage>;
