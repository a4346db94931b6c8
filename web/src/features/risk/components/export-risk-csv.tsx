import { useTranslation } from 'react-i18next';
import type { RiskRow } from '@primm/shared/contracts/risk';
import { formatNumber } from '../../../lib/format';
import { toRiskCsv } from './risk-csv';

/** Downloads exactly the rows on screen as `rischio-<classe>.csv`. */
export function ExportRiskCsv({ rows, className }: { rows: RiskRow[]; className: string }) {
  const { t, i18n } = useTranslation();

  function download() {
    const csv = toRiskCsv(rows, {
      header: [
        'lastName',
        'firstName',
        'computedTier',
        'tier',
        'overrideReason',
        'attendance',
        'projected',
        'failing',
        'trend',
        'average',
        'indicators',
      ].map((k) => t(`risk.csv.${k}`)),
      level: (level) => t(`risk.level.${level}`),
      indicator: (key) => t(`risk.indicator.${key}`),
      number: (value, digits) => formatNumber(value, i18n.language, digits),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rischio-${className.replace(/[^\w-]+/g, '_')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <button type="button" className="btn btn-outline" onClick={download} disabled={rows.length === 0}>
      {t('risk.export', { count: rows.length })}
    </button>
  );
}
