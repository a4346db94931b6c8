import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@primm/shared/contracts/auth';
import { useMe } from '../features/auth/api/get-me';

/**
 * The way back to where this role starts (app/routes/home.tsx): a teacher's classes, a
 * mediator's cases, the regional overview for the others (issue 19: a teacher was offered the
 * regional overview).
 */
const HOME_LABEL: Partial<Record<Role, string>> = {
  docente: 'notFound.home.docente',
  mediatore: 'notFound.home.mediatore',
};

export function HomeLink() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  return (
    <p>
      <Link to="/">{t((role && HOME_LABEL[role]) ?? 'notFound.home.default')}</Link>
    </p>
  );
}
