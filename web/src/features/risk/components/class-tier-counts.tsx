import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatNumber } from '../../../lib/format';
import { useClassRisk } from '../api/get-class-risk';
import { ClassTierChanges } from './class-tier-changes';

/** A class card's body on the teacher's home: students per effective tier and the way to the list. */
export function ClassTierCounts({ classId }: { classId: number }) {
  const { t, i18n } = useTranslation();
  const risk = useClassRisk(classId);

  if (risk.isPending) return <LoadingStatus />;
  if (risk.isError) return <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  const count = (tier: number) => risk.data.items.filter((r) => r.tier === tier).length;

  return (
    <>
      {risk.data.items.length === 0 ? (
        <p className="hint">{t('risk.empty')}</p>
      ) : (
        <dl className="tier-counts">
          {([3, 2, 1] as const).map((tier) => (
            <div key={tier} className={`tier-count tier-${tier}`}>
              <dt>{t('risk.tierN', { tier })}</dt>
              <dd>{formatNumber(count(tier), i18n.language)}</dd>
            </div>
          ))}
        </dl>
      )}
      <ClassTierChanges classId={classId} />
      <p>
        <Link to={`/classi/${classId}`}>{t('risk.openList')}</Link>
      </p>
    </>
  );
}
