import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@primm/shared/contracts/users';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/format';
import { useMunicipalityOptions } from '../api/get-municipality-options';

export type UserAction = 'edit' | 'password' | 'deactivate' | 'reactivate';

type Props = {
  users: User[];
  /** The signed-in user: they neither disable themselves nor change their own role. */
  meId: number;
  onAction: (user: User, action: UserAction, button: HTMLButtonElement) => void;
};

/** `3B, 1A (ANIS00800L 2025/26)`: a teacher's classes by name, grouped by school and year. */
export function classesByName(user: User): string | null {
  const groups = new Map<string, string[]>();
  for (const c of user.classes) {
    const key = `${c.schoolCode} ${c.schoolYear}`;
    groups.set(key, [...(groups.get(key) ?? []), c.name]);
  }
  return groups.size === 0 ? null : [...groups].map(([key, names]) => `${names.join(', ')} (${key})`).join('; ');
}

export function UsersTable({ users, meId, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  // PUA and comune accounts (the admin's list only): their municipalities by name, when there are any
  const served = users.some((u) => u.municipalities.length > 0);
  const municipalities = useMunicipalityOptions(served).data?.items;
  const municipalityName = (code: string) => municipalities?.find((m) => m.istatCode === code)?.name ?? code;
  const button = (user: User, action: UserAction) => (
    <button
      type="button"
      className="btn btn-outline btn-small"
      aria-label={t(`users.actions.${action}One`, { email: user.email })}
      onClick={(e) => onAction(user, action, e.currentTarget)}
    >
      {t(`users.actions.${action}`)}
    </button>
  );

  return (
    <TableScroll labelledBy={captionId}>
      {/* the actions beside the account they act on: last, after the municipalities served, they were
          off screen to the right at 1366 px; on a phone each account is a card */}
      <table className="table table-cards">
        <caption id={captionId}>{t('users.tableCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.actions.header')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.schools')}</th>
            <th scope="col">{t('users.classes')}</th>
            {served && <th scope="col">{t('users.municipalities')}</th>}
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'row-muted' : undefined}>
              <th scope="row" className="code">
                {u.email}
              </th>
              <td data-label={t('users.actions.header')}>
                <div className="row-actions">
                  {button(u, 'edit')}
                  {!u.disabled && button(u, 'password')}
                  {u.id !== meId && button(u, u.disabled ? 'reactivate' : 'deactivate')}
                </div>
              </td>
              <td data-label={t('users.displayName')}>{u.displayName}</td>
              <td data-label={t('users.role')}>{t(`roles.${u.role}`)}</td>
              <td className="code" data-label={t('users.schools')}>
                {u.schools.length > 0 ? u.schools.join(', ') : t('common.none')}
              </td>
              <td data-label={t('users.classes')}>{classesByName(u) ?? t('common.none')}</td>
              {served && (
                <td data-label={t('users.municipalities')}>
                  {u.municipalities.length > 0
                    ? u.municipalities.map((c) => `${municipalityName(c)} (${c})`).join(', ')
                    : t('common.none')}
                </td>
              )}
              <td data-label={t('users.createdAt')}>{formatDateTime(u.createdAt, i18n.language)}</td>
              <td data-label={t('users.status')}>{t(u.disabled ? 'users.statusDisabled' : 'users.statusActive')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
