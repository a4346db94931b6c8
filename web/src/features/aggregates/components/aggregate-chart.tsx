import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../../lib/format';
import { isPhoneScreen } from '../../../lib/phone-screen';
import { seriesColour } from './chart-colours';
import { drawnSeries, legendOrder, toChartData, type ChartModel } from './chart-model';
import { PREVIOUS } from './trend-chart-data';

/**
 * A legend entry's text in the page's text colour: recharts writes it in the series' colour, and
 * the lightest of the attendance ramp (`attended95`, 3.3:1 on white) is enough for a bar, not for text.
 */
const legendText = (value: string) => <span style={{ color: 'var(--color-text)' }}>{value}</span>;

/**
 * Loaded lazily (recharts is the heaviest dependency). Horizontal bars, so long school names
 * stay readable; lines for a trend over months. One image for assistive technology, labelled with
 * every value (the table view carries the same numbers). Unpublished values are simply not drawn.
 */
export default function AggregateChart({ model, label }: { model: ChartModel; label: string }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const series = drawnSeries(model);
  const share = series.every((s) => s.unit === 'share');
  const bars = model.kind === 'stacked' ? 1 : series.length;
  // ≥ 28 px a row, so no category label has to be skipped (issue 20: stacked charts lost two provinces)
  const height = Math.max(160, model.rows.length * Math.max(28, bars * 14 + 18) + (series.length > 1 ? 104 : 72));
  // A pointer can open a bar's group; keyboards and screen readers get the links above the charts (group-links.tsx).
  const open = (index: number) => {
    const href = model.rows[index]?.href;
    if (href) void navigate(href);
  };
  const linked = model.rows.some((r) => r.href);
  // on a phone 180 px of names left the bars ≈ 150 px and their ticks on top of each other
  const narrow = isPhoneScreen();
  const tick = (v: number) => (share ? `${formatNumber(v, i18n.language)} %` : formatNumber(v, i18n.language));

  if (model.kind === 'line') {
    // Months left to right; an unpublished month is a gap in its line, never joined across.
    return (
      <div role="img" aria-label={label} className="chart-canvas regional-chart" style={{ height: 280 }}>
        <LineChart
          data={toChartData(model)}
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#c5c7c9" />
          <XAxis dataKey="label" tick={{ fill: '#33485c' }} />
          <YAxis tick={{ fill: '#33485c' }} tickFormatter={tick} allowDecimals={false} />
          <Legend itemSorter={legendOrder(series)} formatter={legendText} />
          {series.map((s) => {
            // the previous year's twin takes its series' colour, dashed (trend-chart-data.ts), so colours stay put when comparing
            const previous = s.key.endsWith(PREVIOUS);
            const own = s.key.slice(0, previous ? -PREVIOUS.length : undefined);
            const index = series.filter((o) => !o.key.endsWith(PREVIOUS)).findIndex((o) => o.key === own);
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={seriesColour(own, index)}
                strokeDasharray={previous ? '6 4' : undefined}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
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
        <YAxis
          type="category"
          dataKey="label"
          tick={{ fill: '#33485c', cursor: linked ? 'pointer' : undefined }}
          width={narrow ? 112 : 180}
          interval={0}
          onClick={linked ? (_: unknown, index: number) => open(index) : undefined}
        />
        {series.length > 1 && <Legend itemSorter={legendOrder(series)} formatter={legendText} />}
        {series.map((s, i) => {
          // the previous year's twin (compare-chart-data.ts): its series' colour, lighter, beside it
          const previous = s.key.endsWith(PREVIOUS);
          const own = previous ? s.key.slice(0, -PREVIOUS.length) : s.key;
          const index = previous ? series.findIndex((o) => o.key === own) : i;
          return (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={seriesColour(own, index)}
              fillOpacity={previous ? 0.45 : 1}
              stroke={model.kind === 'stacked' ? '#ffffff' : undefined}
              cursor={linked ? 'pointer' : undefined}
              onClick={linked ? (_: unknown, index: number) => open(index) : undefined}
              isAnimationActive={false}
              {...(model.kind === 'stacked' ? { stackId: 'all' } : {})}
            />
          );
        })}
      </BarChart>
    </div>
  );
}
