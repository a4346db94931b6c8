import { AuditQuery } from '@primm/shared/contracts/audit';
import type { AuditFilters } from '../api/get-audit';

// userId and studentId: links made before the e-mail and student searches keep working.
const keys = ['action', 'outcome', 'email', 'student', 'userId', 'studentId', 'from', 'to'] as const;

/** A hand-edited or stale link keeps its valid filters and drops the rest, instead of failing. */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const parsed = AuditQuery.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') filters[key] = parsed.data;
  }
  return filters as AuditFilters;
}

export function toAuditParams(filters: AuditFilters): Record<string, string> {
  const entries = keys.flatMap((key) => (filters[key] === undefined ? [] : [[key, String(filters[key])] as const]));
  return Object.fromEntries(entries);
}
