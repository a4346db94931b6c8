import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { ChartBesideTable } from '../../../components/chart-beside-table';
import { formatDate, formatNumber } from '../../../lib/format';
import { shapeAttendanceChart } from './attendance-chart-data';

const AttendanceChart = lazy(() => import('./attendance-chart'));

/**
 * Weekly attendance against the ¼ limit: a text summary, a lazily loaded chart and the same
 * numbers as a table. The page's CollapsibleSection gives it its heading.
 */
export function AttendanceSection({ series }: { series: StudentRisk['series'] }) {
  const { t, i18n } = useTranslation();
  const shaped = shapeAttendanceChart(series);
  const n = (v: number, digits = 0) => formatNumber(v, i18n.language, digits);
  const pct = (v: number | null) => (v === null ? t('common.none') : `${n(v, 1)} %`);

  return (
    <>
      <p>
        {t('risk.attendance.summary', {
          counted: n(shaped.countedHours),
          limit: n(shaped.limitHours),
          share: n(shaped.limitPct),
          annual: n(series.limit.annualHours),
        })}{' '}
        {shaped.projectedCrossingDate
          ? t('risk.attendance.crossing', { date: formatDate(shaped.projectedCrossingDate, i18n.language) })
          : t('risk.attendance.noCrossing')}
      </p>
      {shaped.data.length === 0 ? (
        <p className="empty-state">{t('risk.attendance.empty')}</p>
      ) : (
        <ChartBesideTable
          chart={<AttendanceChart shaped={shaped} />}
          caption={t('risk.attendance.tableCaption')}
          columns={[
            { label: t('risk.attendance.week') },
            { label: t('risk.attendance.held'), numeric: true },
            { label: t('risk.attendance.absent'), numeric: true },
            { label: t('risk.attendance.weekly'), numeric: true },
            { label: t('risk.attendance.cumulative'), numeric: true },
          ]}
          rows={shaped.data.map((p) => ({
            key: p.weekStart,
            header: formatDate(p.weekStart, i18n.language),
            cells: [
              { value: n(p.hoursHeld, 1) },
              { value: n(p.hoursAbsent, 1) },
              { value: pct(p.attendancePct) },
              { value: pct(p.cumulativeAbsencePct) },
            ],
          }))}
        />
      )}
    </>
  );
}
