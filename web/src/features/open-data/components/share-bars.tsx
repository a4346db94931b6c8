import { useTranslation } from 'react-i18next';
import type { OpenDataMeasure } from '@primm/shared/contracts/open-data';
import { formatNumber } from '../../../lib/format';
import type { ShareBar } from './share-bars-data';

/**
 * Stacked bars of shares, drawn with CSS (no chart library for four bars): hidden from screen
 * readers, which read the table of the same numbers beside it (ChartBesideTable).
 */
export function ShareBars({
  title,
  bars,
  measures,
}: {
  title: string;
  bars: ShareBar[];
  measures: readonly OpenDataMeasure[];
}) {
  const { t, i18n } = useTranslation();
  const percent = (share: number) => `${formatNumber(share * 100, i18n.language, 0)} %`;
  return (
    <figure className="share-bars chart">
      <figcaption>{title}</figcaption>
      <div aria-hidden="true">
        <ul className="share-bars-list">
          {bars.map((bar) => (
            <li key={bar.key}>
              <span>{bar.label}</span>
              {bar.segments ? (
                <span className="share-bar">
                  {bar.segments.map((s, i) => (
                    <span
                      key={s.measure}
                      className={`share-${i}`}
                      style={{ width: `${s.share * 100}%` }}
                      title={`${t(`openData.measures.${s.measure}`)}: ${percent(s.share)}`}
                    />
                  ))}
                </span>
              ) : (
                <span className="share-bar-missing">{t('openData.chart.hidden')}</span>
              )}
            </li>
          ))}
        </ul>
        <ul className="share-legend">
          {measures.map((m, i) => (
            <li key={m}>
              <span className={`share-swatch share-${i}`} />
              {t(`openData.measures.${m}`)}
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden">{t('openData.chart.seeTable')}</p>
    </figure>
  );
}
