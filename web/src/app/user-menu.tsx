import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@primm/shared/contracts/auth';
import { useLogout } from '../features/auth/api/logout';
import { PASSWORD_PATH } from './require-session';

/** Who is signed in, their password, and the way out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <p className="user-menu-name">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        {me.displayName} <span className="user-menu-role">({t(`roles.${me.role}`)})</span>
      </p>
      <Link to={PASSWORD_PATH} className="btn-header">
        {t('auth.changePassword.menuLink')}
      </Link>
      <button type="button" className="btn-header" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('auth.logout')}
      </button>
    </div>
  );
}
