import { useTranslation } from 'react-i18next';
import { ANSWER_TIME_BANDS, ReferralReason, type ReferralCountsRow } from '@primm/shared/contracts/referrals';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { useReferralCounts } from '../api/get-referral-counts';

/** The analyst's counts of referrals: per province, by reason and by time to a first answer; small cells hidden. */
export function ReferralCountsTable() {
  const { t } = useTranslation();
  const counts = useReferralCounts();
  const columns = [
    ...ReferralReason.options.map((r) => ({
      key: `r-${r}`,
      label: t(`referrals.reason.${r}`),
      cell: (x: ReferralCountsRow) => x.reasons[r],
    })),
    ...ANSWER_TIME_BANDS.map((b) => ({
      key: `b-${b}`,
      label: t(`referrals.counts.band.${b}`),
      cell: (x: ReferralCountsRow) => x.answerTime[b],
    })),
  ];
  return (
    <section aria-labelledby="referral-counts" className="section">
      <h2 id="referral-counts">{t('referrals.counts.title')}</h2>
      {counts.isPending ? (
        <LoadingStatus />
      ) : counts.isError ? (
        <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <>
          <p className="hint">{t('referrals.counts.intro', { threshold: counts.data.threshold })}</p>
          <TableScroll labelledBy="referral-counts">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('referrals.counts.province')}</th>
                  <th scope="col">{t('referrals.counts.referrals')}</th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...counts.data.rows, counts.data.total].map((row) => (
                  <tr key={row.province ?? 'total'}>
                    <th scope="row">{row.province ?? t('referrals.counts.region')}</th>
                    <td>{row.referrals}</td>
                    {columns.map((c) => (
                      <td key={c.key}>{c.cell(row)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
