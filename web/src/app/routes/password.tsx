import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('auth.changePassword.title')} />
      <h1>{t('auth.changePassword.title')}</h1>
      {me?.mustChangePassword && (
        <div role="status" className="callout callout-info">
          <p>{t('auth.changePassword.mustChange')}</p>
        </div>
      )}
      <ChangePasswordForm onChanged={() => void navigate('/', { replace: true })} />
    </>
  );
}
