import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { drawnSeries, toChartData, type ChartModel } from './chart-model';

/** Risk tiers keep their colours across the app; other series take the palette in order (all ≥ 3:1 on white). */
const FIXED: Record<string, string> = { tier1: '#008055', tier2: '#b35c00', tier3: '#c0262d' };
const PALETTE = ['#0066cc', '#b35c00', '#008055', '#7a1fa2', '#c0262d', '#17324d'];

/**
 * Loaded lazily (recharts is the heaviest dependency). Horizontal bars, so long school names
 * stay readable; lines for a trend over months. One image for assistive technology, labelled with
 * every value (the table view carries the same numbers). Unpublished values are simply not drawn.
 */
export default function AggregateChart({ model, label }: { model: ChartModel; label: string }) {
  const { i18n } = useTranslation();
  const series = drawnSeries(model);
  const share = series.every((s) => s.unit === 'share');
  const bars = model.kind === 'stacked' ? 1 : series.length;
  const height = Math.max(160, model.rows.length * (bars * 14 + 18) + 72);
  const tick = (v: number) => (share ? `${formatNumber(v, i18n.language)} %` : formatNumber(v, i18n.language));

  if (model.kind === 'line') {
    // Months left to right; an unpublished month is a gap in its line, never joined across.
    return (
      <div role="img" aria-label={label} className="chart-canvas regional-chart" style={{ height: 280 }}>
        <LineChart data={toChartData(model)} responsive accessibilityLayer={false} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#c5c7c9" />
          <XAxis dataKey="label" tick={{ fill: '#33485c' }} />
          <YAxis tick={{ fill: '#33485c' }} tickFormatter={tick} allowDecimals={false} />
          <Legend />
          {series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={PALETTE[i % PALETTE.length]} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </div>
    );
  }

  return (
    <div role="img" aria-label={label} className="chart-canvas regional-chart" style={{ height }}>
      <BarChart
        data={toChartData(model)}
        layout="vertical"
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#c5c7c9" />
        <XAxis type="number" tick={{ fill: '#33485c' }} tickFormatter={tick} domain={share ? [0, 'auto'] : undefined} />
        <YAxis type="category" dataKey="label" tick={{ fill: '#33485c' }} width={180} />
        {series.length > 1 && <Legend />}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={FIXED[s.key] ?? PALETTE[i % PALETTE.length]}
            isAnimationActive={false}
            {...(model.kind === 'stacked' ? { stackId: 'all' } : {})}
          />
        ))}
      </BarChart>
    </div>
  );
}
