import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate, formatNumber } from '../../../lib/format';
import { useDeadlines } from '../api/get-deadlines';
import { describeDaysLeft } from '../days-left';
import { DeadlineSection } from './deadline-section';
import { OctoberListCard } from './october-list-card';

type Props = {
  schoolCode: string;
  /** Referents and the admin download the October list (server: GET october-list); mediators only see its status. */
  canExport: boolean;
};

/** What the school must do next under art. 114, in three groups, and the October list to the municipalities. */
export function DeadlinesView({ schoolCode, canExport }: Props) {
  const { t, i18n } = useTranslation();
  const deadlines = useDeadlines(schoolCode);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : t('common.none'));

  if (deadlines.isPending) return <LoadingStatus />;
  if (deadlines.isError) return <ErrorAlert error={deadlines.error} onRetry={() => void deadlines.refetch()} />;
  const d = deadlines.data;
  const open = d.toNotify.length + d.countdowns.length + d.reportsDue.length;

  return (
    <>
      <p className="hint">{t('compulsory.deadlines.asOf', { date: date(d.asOf) })}</p>
      {open === 0 && (
        <p className="callout callout-success">
          <span aria-hidden="true">✓ </span>
          {t('compulsory.deadlines.allClear')}
        </p>
      )}
      <DeadlineSection
        title={t('compulsory.deadlines.toNotify.title')}
        hint={t('compulsory.deadlines.toNotify.hint')}
        empty={t('compulsory.deadlines.toNotify.empty')}
        rows={d.toNotify}
        columns={[
          {
            header: t('compulsory.deadlines.toNotify.days'),
            cell: (r) => formatNumber(r.clock.daysInWindow, i18n.language),
            numeric: true,
          },
          { header: t('compulsory.deadlines.toNotify.since'), cell: (r) => date(r.clock.triggeredOn) },
        ]}
      />
      <DeadlineSection
        title={t('compulsory.deadlines.countdowns.title')}
        hint={t('compulsory.deadlines.countdowns.hint')}
        empty={t('compulsory.deadlines.countdowns.empty')}
        rows={d.countdowns}
        columns={[
          { header: t('compulsory.deadlines.countdowns.notifiedOn'), cell: (r) => date(r.clock.notifiedOn) },
          { header: t('compulsory.deadlines.countdowns.endsOn'), cell: (r) => date(r.clock.countdownEndsOn) },
          {
            header: t('compulsory.deadlines.countdowns.left'),
            cell: (r) => {
              if (!r.clock.countdownEndsOn) return t('common.none');
              const left = describeDaysLeft(r.clock.countdownEndsOn, d.asOf);
              return (
                <span className={left.days <= 1 ? 'overdue nowrap' : 'nowrap'}>
                  {left.days >= 0 && <strong aria-hidden="true">{left.days}</strong>}{' '}
                  {t(`compulsory.daysLeft.${left.key}`, { n: left.count })}
                </span>
              );
            },
          },
        ]}
      />
      <DeadlineSection
        title={t('compulsory.deadlines.reportsDue.title')}
        hint={t('compulsory.deadlines.reportsDue.hint')}
        empty={t('compulsory.deadlines.reportsDue.empty')}
        rows={d.reportsDue}
        columns={[
          { header: t('compulsory.deadlines.reportsDue.notifiedOn'), cell: (r) => date(r.clock.notifiedOn) },
          { header: t('compulsory.deadlines.reportsDue.dueFrom'), cell: (r) => date(r.clock.reportDueFrom) },
        ]}
      />
      <OctoberListCard schoolCode={schoolCode} status={d.octoberList} canExport={canExport} />
    </>
  );
}
