import { z } from 'zod';

export const AuditOutcome = z.enum(['ok', 'denied', 'failed']);

export const AuditQuery = z.object({
  userId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().max(100).optional(),
  outcome: AuditOutcome.optional(),
  studentId: z.coerce.number().int().positive().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
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

export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
