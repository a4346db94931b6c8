import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { BacktestPanel } from '../../features/backtest/components/backtest-panel';
import { LevelChooser } from '../../features/backtest/components/level-chooser';
import { RiskLegendNote } from '../../features/risk-legend/components/risk-legend-note';
import { useRiskSettings } from '../../features/risk-settings/api/get-risk-settings';
import { RecomputePanel } from '../../features/risk-settings/components/recompute-panel';

/** "Affidabilità del modello" (issue 18): the backtest, the legend it gives the lists, the level cut points. */
export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('backtest.title')} />
      <h1>{t('backtest.title')}</h1>
      {me?.role === 'admin' ? <AdminPage /> : <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />}
    </>
  );
}

function AdminPage() {
  const { t } = useTranslation();
  const settings = useRiskSettings();
  return (
    <>
      <p className="lead">{t('backtest.intro')}</p>
      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t('backtest.legendTitle')}</h2>
        <RiskLegendNote />
      </section>
      <BacktestPanel />
      {settings.isPending ? (
        <LoadingStatus />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        // Not keyed by the version: saving new levels makes one, and the confirmation must stay.
        <LevelChooser current={settings.data.data.levels} />
      )}
      <RecomputePanel />
    </>
  );
}
