import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useRiskSettings } from '../api/get-risk-settings';
import { RiskSettingsForm } from './risk-settings-form';

/** The latest version, who saved it and when (null: the defaults the server stored itself), and its form. */
export function RiskSettingsEditor() {
  const { t, i18n } = useTranslation();
  const settings = useRiskSettings();

  if (settings.isPending) return <LoadingStatus />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  const { version, createdAt, createdBy, data } = settings.data;
  const at = formatDateTime(createdAt, i18n.language);
  return (
    <>
      <p>
        {createdBy === null
          ? t('riskSettings.versionSystem', { version, at })
          : t('riskSettings.version', { version, by: createdBy, at })}
      </p>
      {/* Keyed by nothing on purpose: a save updates the version above but keeps what was typed. */}
      <RiskSettingsForm current={data} />
    </>
  );
}
