import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { RiskSettingsEditor } from '../../features/risk-settings/components/risk-settings-editor';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('riskSettings.title')} />
      <h1>{t('riskSettings.title')}</h1>
      {me?.role === 'admin' ? (
        <>
          <p className="lead">{t('riskSettings.intro')}</p>
          <RiskSettingsEditor />
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
