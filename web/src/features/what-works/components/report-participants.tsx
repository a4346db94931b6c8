import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useWhatWorks } from '../api/get-what-works';
import { ParticipantsSection } from './participants-section';

/** The printable regional report's participants' views (issue 22): the latest year, the reader's scope. */
export function ReportParticipants({ year, compare = false }: { year: string | undefined; compare?: boolean }) {
  const { t } = useTranslation();
  const query = useWhatWorks('none', year);
  if (query.isPending) return <LoadingStatus />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="report-section">
      <ParticipantsSection participants={query.data.participants} />
      <p className="hint">{t('reportParticipants.note', { year: query.data.year, threshold: query.data.threshold })}</p>
      {/* the views are counted afresh each time: no snapshot keeps them at a period end to compare with */}
      {compare && <p className="hint">{t('reportParticipants.notCompared')}</p>}
    </div>
  );
}
