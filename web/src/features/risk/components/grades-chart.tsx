import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../../lib/format';
import type { shapeGradesChart } from './grades-chart-data';

/** Loaded lazily; one subject at a time against the pass line at 6. The table has every grade. */
export default function GradesChart({
  shaped,
  subject,
}: {
  shaped: ReturnType<typeof shapeGradesChart>;
  subject: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div role="img" aria-label={t('risk.grades.chartLabel', { subject })} className="chart-canvas">
      <LineChart
        data={shaped.data}
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#c5c7c9" />
        <XAxis
          dataKey="date"
          tickFormatter={(iso: string) => formatDate(iso, i18n.language).slice(0, 5)}
          tick={{ fill: '#33485c' }}
        />
        <YAxis
          domain={[1, 10]}
          ticks={[2, 4, 6, 8, 10]}
          tickFormatter={(v: number) => formatNumber(v, i18n.language)}
          tick={{ fill: '#33485c' }}
          width={40}
        />
        <ReferenceLine
          y={shaped.passMark}
          stroke="#c0262d"
          strokeDasharray="6 3"
          label={{ value: t('risk.grades.passLine'), fill: '#c0262d', position: 'insideTopRight' }}
        />
        <Line dataKey="value" name={subject} stroke="#0066cc" strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
