import type { BacktestReport } from '@primm/shared/contracts/backtest';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';

/**
 * A backtest's report as the admin reads it: what each level meant (students, share, bad-outcome
 * rate and its 95 % interval, suspended judgements apart), how well the level ≥ 2 rule and the
 * score did, the probability's calibration by deciles, and the errors by group.
 */
export function BacktestReportView({ report }: { report: BacktestReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, i18n.language, 1)} %`);
  const dec = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language, 3));
  const range = (low: number | null, high: number | null) =>
    low === null || high === null ? '—' : `${pct(low)} – ${pct(high)}`;
  const ratio = (v: number | null) => (v === null ? '—' : `× ${formatNumber(v, i18n.language, 2)}`);

  return (
    <div className="backtest-report">
      <p>
        {t('backtest.report.summary', {
          year: report.school_year,
          dates: report.cut_dates.map((d) => formatDate(d, i18n.language)).join(', '),
          students: n(report.n),
          bad: n(report.positives),
          rate: pct(report.bad_rate),
          suspended: n(report.suspended),
          source: t(`backtest.report.source.${report.source}`),
          version: report.settings_version,
        })}
      </p>
      {(report.excluded.no_outcome > 0 || report.excluded.transferred > 0) && (
        <p>
          {t('backtest.report.excluded', {
            noOutcome: n(report.excluded.no_outcome),
            transferred: n(report.excluded.transferred),
          })}
        </p>
      )}

      <TableScroll labelledBy="backtest-levels-caption">
        <table>
          <caption id="backtest-levels-caption">{t('backtest.report.levels.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backtest.report.levels.level')}</th>
              <th scope="col">{t('backtest.report.levels.n')}</th>
              <th scope="col">{t('backtest.report.levels.share')}</th>
              <th scope="col">{t('backtest.report.levels.badRate')}</th>
              <th scope="col">{t('backtest.report.levels.interval')}</th>
              <th scope="col">{t('backtest.report.levels.suspended')}</th>
            </tr>
          </thead>
          <tbody>
            {report.levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{t('backtest.levelName', { level: l.level })}</th>
                <td>{n(l.n)}</td>
                <td>{pct(l.share)}</td>
                <td>{pct(l.bad_rate)}</td>
                <td>{range(l.ci_low, l.ci_high)}</td>
                <td>{pct(l.suspended_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>{t('backtest.report.metrics.title')}</h3>
      <dl className="inline-facts">
        <dt>{t('backtest.report.metrics.sensitivity')}</dt>
        <dd>{pct(report.sensitivity)}</dd>
        <dt>{t('backtest.report.metrics.precision')}</dt>
        <dd>{pct(report.precision)}</dd>
        <dt>{t('backtest.report.metrics.specificity')}</dt>
        <dd>{pct(report.specificity)}</dd>
        <dt>{t('backtest.report.metrics.auc')}</dt>
        <dd>{dec(report.auc)}</dd>
        <dt>{t('backtest.report.metrics.aucProbability')}</dt>
        <dd>{dec(report.auc_probability)}</dd>
        <dt>{t('backtest.report.metrics.brier')}</dt>
        <dd>{dec(report.brier)}</dd>
      </dl>

      {report.calibration.length > 0 && (
        <TableScroll labelledBy="backtest-calibration-caption">
          <table>
            <caption id="backtest-calibration-caption">{t('backtest.report.calibration.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backtest.report.calibration.decile')}</th>
                <th scope="col">{t('backtest.report.levels.n')}</th>
                <th scope="col">{t('backtest.report.calibration.predicted')}</th>
                <th scope="col">{t('backtest.report.calibration.observed')}</th>
                <th scope="col">{t('backtest.report.levels.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {report.calibration.map((c) => (
                <tr key={c.decile}>
                  <th scope="row">{c.decile}</th>
                  <td>{n(c.n)}</td>
                  <td>{pct(c.mean_predicted)}</td>
                  <td>{pct(c.bad_rate)}</td>
                  <td>{range(c.ci_low, c.ci_high)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <TableScroll labelledBy="backtest-groups-caption">
        <table>
          <caption id="backtest-groups-caption">{t('backtest.report.groups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backtest.report.groups.group')}</th>
              <th scope="col">{t('backtest.report.levels.n')}</th>
              <th scope="col">{t('backtest.report.groups.fpr')}</th>
              <th scope="col">{t('backtest.report.groups.fprRatio')}</th>
              <th scope="col">{t('backtest.report.groups.fnr')}</th>
              <th scope="col">{t('backtest.report.groups.fnrRatio')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.by_group).flatMap(([variable, groups]) =>
              Object.entries(groups).map(([value, g]) => (
                <tr key={`${variable}-${value}`}>
                  <th scope="row">{`${t(`backtest.groups.${variable}`, { defaultValue: variable })}: ${t(`backtest.groups.values.${value}`, { defaultValue: value })}`}</th>
                  {'suppressed' in g ? (
                    <td colSpan={5}>{t('backtest.report.groups.suppressed')}</td>
                  ) : (
                    <>
                      <td>{n(g.n)}</td>
                      <td>{pct(g.fpr)}</td>
                      <td>{ratio(g.fpr_ratio)}</td>
                      <td>{pct(g.fnr)}</td>
                      <td>{ratio(g.fnr_ratio)}</td>
                    </>
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
