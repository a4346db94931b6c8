import type { TFunction } from 'i18next';

/** Actions the server writes today (server/src/http/audit.ts callers); others show as recorded. */
const knownActions = new Set([
  'auth.login',
  'auth.logout',
  'access.denied',
  'class.students.read',
  'student.read',
  'student.export',
  'user.create',
  'import.commit',
]);

export const auditActions = [...knownActions];

export function actionLabel(t: TFunction, action: string): string {
  return knownActions.has(action) ? t(`audit.actions.${action}`) : action;
}

const roles = new Set(['admin', 'referente', 'docente', 'mediatore', 'analista']);

/** The log keeps the role the user had at the time, as a plain string. */
export function roleLabel(t: TFunction, role: string | null): string {
  if (!role) return t('common.none');
  return roles.has(role) ? t(`roles.${role}`) : role;
}
