import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { shapeAttendanceChart } from './attendance-chart-data';

const AttendanceChart = lazy(() => import('./attendance-chart'));

/** Weekly attendance against the ¼ limit: a text summary, a lazily loaded chart and the same numbers as a table. */
export function AttendanceSection({ series }: { series: StudentRisk['series'] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const shaped = shapeAttendanceChart(series);
  const n = (v: number, digits = 0) => formatNumber(v, i18n.language, digits);
  const pct = (v: number | null) => (v === null ? t('common.none') : `${n(v, 1)} %`);

  return (
    <section aria-labelledby="attendance-heading" className="section">
      <h2 id="attendance-heading">{t('risk.attendance.title')}</h2>
      <p>
        {t('risk.attendance.summary', { counted: n(shaped.countedHours), limit: n(shaped.limitHours), share: n(shaped.limitPct), annual: n(series.limit.annualHours) })}{' '}
        {shaped.projectedCrossingDate
          ? t('risk.attendance.crossing', { date: formatDate(shaped.projectedCrossingDate, i18n.language) })
          : t('risk.attendance.noCrossing')}
      </p>
      {shaped.data.length === 0 ? (
        <p className="empty-state">{t('risk.attendance.empty')}</p>
      ) : (
        <div className="overview-grid">
          <Suspense fallback={<LoadingStatus />}>
            <AttendanceChart shaped={shaped} />
          </Suspense>
          <TableScroll labelledBy={captionId}>
            <table className="table table-compact">
              <caption id={captionId}>{t('risk.attendance.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risk.attendance.week')}</th>
                  <th scope="col" className="num">{t('risk.attendance.held')}</th>
                  <th scope="col" className="num">{t('risk.attendance.absent')}</th>
                  <th scope="col" className="num">{t('risk.attendance.weekly')}</th>
                  <th scope="col" className="num">{t('risk.attendance.cumulative')}</th>
                </tr>
              </thead>
              <tbody>
                {shaped.data.map((p) => (
                  <tr key={p.weekStart}>
                    <th scope="row">{formatDate(p.weekStart, i18n.language)}</th>
                    <td className="num">{n(p.hoursHeld, 1)}</td>
                    <td className="num">{n(p.hoursAbsent, 1)}</td>
                    <td className="num">{pct(p.attendancePct)}</td>
                    <td className="num">{pct(p.cumulativeAbsencePct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}
