import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@primm/shared/contracts/users';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime, formatNumber } from '../../../lib/format';

export function UsersTable({ users }: { users: User[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();

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
            <th scope="col" className="num">{t('users.classCount')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.disabled')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'row-muted' : undefined}>
              <th scope="row" className="code">{u.email}</th>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td className="code">{u.schools.length > 0 ? u.schools.join(', ') : t('common.none')}</td>
              <td className="num">{formatNumber(u.classIds.length, i18n.language)}</td>
              <td>{formatDateTime(u.createdAt, i18n.language)}</td>
              <td>{u.disabled ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
