import { useTranslation } from 'react-i18next';
import type { IntervalPoint } from './effect-chart-data';

/**
 * A forest plot in plain HTML boxes (no chart library for a few bars, and it reflows on a phone):
 * the 95 % interval as a bar, the estimate as a dot, zero as a line. Hidden from screen readers,
 * who read the same numbers in the table beside it.
 */
export function EffectChart({ points, min, max }: { points: IntervalPoint[]; min: number; max: number }) {
  const { t } = useTranslation();
  const at = (v: number) => `${((v - min) / (max - min)) * 100}%`;
  return (
    <figure className="what-works-chart">
      <div aria-hidden="true">
        {points.map((p) => (
          <div key={p.label} className="what-works-chart-row">
            <span className="what-works-chart-label">{p.label}</span>
            <span className="what-works-chart-track">
              <span className="what-works-chart-zero" style={{ left: at(0) }} />
              <span
                className="what-works-chart-bar"
                style={{ left: at(p.low), width: `calc(${at(p.high)} - ${at(p.low)})` }}
              />
              <span className="what-works-chart-dot" style={{ left: at(p.estimate) }} />
            </span>
          </div>
        ))}
        <div className="what-works-chart-row">
          <span className="what-works-chart-label" />
          <span className="what-works-chart-axis">
            <span>{min}</span>
            <span>0</span>
            <span>+{max}</span>
          </span>
        </div>
      </div>
      <figcaption>{t('whatWorks.effects.chartNote')}</figcaption>
    </figure>
  );
}
