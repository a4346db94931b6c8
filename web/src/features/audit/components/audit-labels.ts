import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, auditActionKey } from '@primm/shared/contracts/audit';
import { i18n } from '../../../lib/i18n';

/** Every action the server writes (shared/src/contracts/audit.ts), each with a label in both languages. */
export const auditActions: readonly string[] = AUDIT_ACTIONS;

/** The action's label; a line written before its action had one (never expected) shows its code. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `auditActions.${auditActionKey(action)}`;
  return i18n.exists(key) ? t(key) : action;
}

const roles = new Set(['admin', 'referente', 'docente', 'mediatore', 'analista', 'pua', 'comune']);

/** The log keeps the role the user had at the time, as a plain string. */
export function roleLabel(t: TFunction, role: string | null): string {
  if (!role) return t('common.none');
  return roles.has(role) ? t(`roles.${role}`) : role;
}

/**
 * The schools a line is about, as its details recorded them: an import's schools, a deadline
 * view's or an October list's school, the schools an import was refused for.
 */
export function schoolsOf(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const out: string[] = [];
  if (Array.isArray(details.schools))
    for (const s of details.schools)
      if (s && typeof s === 'object' && typeof (s as { code?: unknown }).code === 'string')
        out.push((s as { code: string }).code);
  if (typeof details.school === 'string') out.push(details.school);
  if (Array.isArray(details.refusedSchools))
    for (const s of details.refusedSchools) if (typeof s === 'string') out.push(s);
  return [...new Set(out)];
}
