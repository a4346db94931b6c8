import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { AuditLog } from '../../features/audit/components/audit-log';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('audit.title')} />
      <h1>{t('audit.title')}</h1>
      {me?.role === 'admin' ? (
        <>
          <p className="lead">{t('audit.intro')}</p>
          <AuditLog />
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
