import { useTranslation } from 'react-i18next';
import { IndicatorKey, RiskTier } from '@primm/shared/contracts/risk';
import type { RiskFilters as Filters } from '../api/get-class-risk';

type Props = { value: Filters; onChange: (next: Filters) => void };

/** Selects apply at once; the filters go to the URL, so a filtered list can be shared by link. */
export function RiskFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <form role="search" className="filters" aria-label={t('risk.filters.legend')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="risk-tier">{t('risk.filters.tier')}</label>
        <select
          id="risk-tier"
          value={value.tier ?? ''}
          onChange={(e) => onChange({ ...value, tier: RiskTier.safeParse(Number(e.target.value)).data })}
        >
          <option value="">{t('risk.filters.allTiers')}</option>
          {([3, 2, 1] as const).map((tier) => (
            <option key={tier} value={tier}>
              {t('risk.tierN', { tier })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-indicator">{t('risk.filters.indicator')}</label>
        <select
          id="risk-indicator"
          value={value.indicator ?? ''}
          onChange={(e) => onChange({ ...value, indicator: IndicatorKey.safeParse(e.target.value).data })}
        >
          <option value="">{t('risk.filters.allIndicators')}</option>
          {IndicatorKey.options.map((key) => (
            <option key={key} value={key}>
              {t(`risk.indicator.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-actions">
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => onChange({ sort: value.sort, order: value.order })}
        >
          {t('risk.filters.reset')}
        </button>
      </div>
    </form>
  );
}
