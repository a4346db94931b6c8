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
      <table className="table">
        <caption id={captionId}>{t('users.tableCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.schools')}</th>
            <th scope="col">{t('users.classes')}</th>
            {served && <th scope="col">{t('users.municipalities')}</th>}
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.actions.header')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'row-muted' : undefined}>
              <th scope="row" className="code">
                {u.email}
              </th>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td className="code">{u.schools.length > 0 ? u.schools.join(', ') : t('common.none')}</td>
              <td>{classesByName(u) ?? t('common.none')}</td>
              {served && (
                <td>
                  {u.municipalities.length > 0
                    ? u.municipalities.map((c) => `${municipalityName(c)} (${c})`).join(', ')
                    : t('common.none')}
                </td>
              )}
              <td>{formatDateTime(u.createdAt, i18n.language)}</td>
              <td>{t(u.disabled ? 'users.statusDisabled' : 'users.statusActive')}</td>
              <td>
                <div className="row-actions">
                  {button(u, 'edit')}
                  {!u.disabled && button(u, 'password')}
                  {u.id !== meId && button(u, u.disabled ? 'reactivate' : 'deactivate')}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
