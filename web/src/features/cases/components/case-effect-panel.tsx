import { lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartBesideTable } from '../../../components/chart-beside-table';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { useCaseEffect } from '../api/get-case-effect';
import { shapeCaseEffect } from './case-effect-chart-data';

const CaseEffectChart = lazy(() => import('./case-effect-chart'));

/** DESIGN.md "Case management": attendance and grades before and after the first action. */
export function CaseEffectPanel({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const effect = useCaseEffect(caseId);

  const n = (v: number | null, digits: number, unit = '') =>
    v === null ? t('common.none') : `${formatNumber(v, i18n.language, digits)}${unit}`;
  const signed = (v: number | null, digits: number, unit = '') =>
    v === null ? t('common.none') : `${v > 0 ? '+' : ''}${n(v, digits, unit)}`;

  return (
    <section aria-labelledby="effect-heading" className="section">
      <h2 id="effect-heading">{t('cases.effect.title')}</h2>
      {effect.isPending && <LoadingStatus />}
      {effect.isError && <ErrorAlert error={effect.error} onRetry={() => void effect.refetch()} />}
      {effect.isSuccess &&
        (() => {
          const shaped = shapeCaseEffect(effect.data);
          if (!shaped.firstActionOn) return <p className="empty-state">{t('cases.effect.noAction')}</p>;
          return (
            <>
              <p>
                {t('cases.effect.intro', {
                  date: formatDate(shaped.firstActionOn, i18n.language),
                  weeks: effect.data.weeksEachSide,
                })}
              </p>
              <TableScroll labelledBy={captionId}>
                <table className="table table-compact">
                  <caption id={captionId}>{t('cases.effect.summaryCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.effect.measure')}</th>
                      <th scope="col" className="num">
                        {t('cases.effect.before')}
                      </th>
                      <th scope="col" className="num">
                        {t('cases.effect.after')}
                      </th>
                      <th scope="col" className="num">
                        {t('cases.effect.change')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">{t('cases.effect.attendance')}</th>
                      <td className="num">{n(shaped.before.attendancePct, 1, ' %')}</td>
                      <td className="num">{n(shaped.after.attendancePct, 1, ' %')}</td>
                      <td className="num">{signed(shaped.change.attendancePts, 1, ` ${t('cases.effect.points')}`)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t('cases.effect.average')}</th>
                      <td className="num">{n(shaped.before.average, 2)}</td>
                      <td className="num">{n(shaped.after.average, 2)}</td>
                      <td className="num">{signed(shaped.change.average, 2)}</td>
                    </tr>
                  </tbody>
                </table>
              </TableScroll>
              {shaped.data.length > 0 && (
                <ChartBesideTable
                  chart={<CaseEffectChart shaped={shaped} />}
                  caption={t('cases.effect.weeksCaption')}
                  columns={[
                    { label: t('cases.effect.week') },
                    { label: t('cases.effect.side') },
                    { label: t('cases.effect.attendance'), numeric: true },
                    { label: t('cases.effect.average'), numeric: true },
                  ]}
                  rows={shaped.data.map((p) => ({
                    key: p.weekStart,
                    header: formatDate(p.weekStart, i18n.language),
                    cells: [
                      { value: t(`cases.effect.${p.side}`) },
                      { value: n(p.attendancePct, 1, ' %') },
                      { value: n(p.average, 2) },
                    ],
                  }))}
                />
              )}
            </>
          );
        })()}
    </section>
  );
}
