import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../../lib/format';
import type { shapeAttendanceChart } from './attendance-chart-data';

/**
 * Loaded lazily (recharts stays out of the first page's JavaScript). The table next to it has
 * the same numbers, so the chart is one image with a text label.
 */
export default function AttendanceChart({ shaped }: { shaped: ReturnType<typeof shapeAttendanceChart> }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => formatDate(iso, i18n.language).slice(0, 5);
  return (
    <figure className="chart">
      <figcaption className="chart-title">{t('risk.attendance.chartTitle')}</figcaption>
      <div role="img" aria-label={t('risk.attendance.chartLabel', { limit: shaped.limitPct })} className="chart-canvas">
        <LineChart
          data={shaped.data}
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#c5c7c9" />
          <XAxis dataKey="weekStart" tickFormatter={day} tick={{ fill: '#33485c' }} />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(v: number) => `${formatNumber(v, i18n.language)} %`}
            tick={{ fill: '#33485c' }}
            width={56}
          />
          <ReferenceLine
            y={shaped.limitPct}
            stroke="#c0262d"
            strokeDasharray="6 3"
            label={{
              value: t('risk.attendance.limitLine', { limit: shaped.limitPct }),
              fill: '#c0262d',
              position: 'insideTopRight',
            }}
          />
          <Line
            dataKey="attendancePct"
            name={t('risk.attendance.weekly')}
            stroke="#0066cc"
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="cumulativeAbsencePct"
            name={t('risk.attendance.cumulative')}
            stroke="#a66300"
            strokeWidth={2}
            strokeDasharray="4 2"
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    </figure>
  );
}
