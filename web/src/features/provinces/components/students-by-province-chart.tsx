import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { Province } from '@primm/shared/contracts/provinces';
import { formatNumber } from '../../../lib/format';

/**
 * Loaded lazily (recharts is the heaviest dependency). The table beside it carries the same
 * numbers, so the chart is one image for assistive technology, not an interactive widget.
 */
export default function StudentsByProvinceChart({ provinces }: { provinces: Province[] }) {
  const { t, i18n } = useTranslation();
  return (
    <figure className="chart">
      <figcaption className="chart-title">{t('regions.chartTitle')}</figcaption>
      <div role="img" aria-label={t('regions.chartLabel')} className="chart-canvas">
        <BarChart
          data={provinces}
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#c5c7c9" />
          <XAxis dataKey="code" tick={{ fill: '#33485c' }} />
          <YAxis tick={{ fill: '#33485c' }} tickFormatter={(v: number) => formatNumber(v, i18n.language)} width={64} />
          <Bar dataKey="students" fill="#0066cc" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
