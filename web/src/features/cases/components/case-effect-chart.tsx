import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../../lib/format';
import type { shapeCaseEffect } from './case-effect-chart-data';

/** Loaded lazily. Weekly attendance around the first action, the action's week marked; the table has the numbers. */
export default function CaseEffectChart({ shaped }: { shaped: ReturnType<typeof shapeCaseEffect> }) {
  const { t, i18n } = useTranslation();
  const firstAfter = shaped.data.find((p) => p.side === 'after')?.weekStart;
  return (
    <figure className="chart">
      <figcaption className="chart-title">{t('cases.effect.chartTitle')}</figcaption>
      <div role="img" aria-label={t('cases.effect.chartLabel')} className="chart-canvas chart-small">
        {/* room above the plot for the "prima azione" label, which sat on a bar inside it (issue 19) */}
        <BarChart
          data={shaped.data}
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 32, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#c5c7c9" />
          <XAxis
            dataKey="weekStart"
            tickFormatter={(iso: string) => formatDate(iso, i18n.language).slice(0, 5)}
            tick={{ fill: '#33485c' }}
          />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(v: number) => `${formatNumber(v, i18n.language)} %`}
            tick={{ fill: '#33485c' }}
            width={56}
          />
          {/* between the last week before and the first after (the band's start), not through a bar; its label above the plot */}
          {firstAfter && (
            <ReferenceLine
              x={firstAfter}
              position="start"
              stroke="#17324d"
              strokeWidth={2}
              ifOverflow="visible"
              label={{ value: t('cases.effect.firstAction'), position: 'top', fill: '#17324d' }}
            />
          )}
          <Bar dataKey="attendancePct" fill="#0066cc" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
