/**
 * A line's details as one readable string, `key: value` in the order recorded (e.g. a failed
 * login's email, a denial's status and code, the anonymous refusals not written). Values that are
 * not text are shown as JSON, so nothing recorded is hidden from the admin.
 */
export function formatAuditDetails(details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  const parts = Object.entries(details).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return parts.length > 0 ? parts.join(', ') : null;
}
