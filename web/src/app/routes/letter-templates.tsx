import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { LetterTemplatesAdmin } from '../../features/letters/components/letter-templates-admin';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('letters.admin.title')} />
      <h1>{t('letters.admin.title')}</h1>
      {me?.role === 'admin' ? (
        <>
          <p className="lead">{t('letters.admin.intro')}</p>
          <LetterTemplatesAdmin />
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
