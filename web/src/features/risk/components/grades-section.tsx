import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { ChartBesideTable } from '../../../components/chart-beside-table';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { defaultSubject, shapeGradesChart } from './grades-chart-data';

const GradesChart = lazy(() => import('./grades-chart'));

/**
 * Grades per subject (the averages in a small table), then one subject at a time: its line
 * against the pass line and its grades. The chart opens on the weakest subject (`defaultSubject`).
 */
export function GradesSection({ grades }: { grades: StudentRisk['series']['grades'] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const [subject, setSubject] = useState(() => defaultSubject(grades));
  const shaped = shapeGradesChart(grades, subject);
  const n = (v: number | null) => (v === null ? t('common.none') : formatNumber(v, i18n.language, 2));
  const points =
    grades.find((g) => g.subject === subject)?.points.toSorted((a, b) => a.date.localeCompare(b.date)) ?? [];

  if (grades.length === 0) return <p className="empty-state">{t('risk.grades.empty')}</p>;
  const label = {
    average: t('risk.grades.average'),
    count: t('risk.grades.count'),
    below: t('risk.grades.below'),
    unvalued: t('risk.grades.unvalued'),
  };
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact table-cards">
          <caption id={captionId}>{t('risk.grades.subjectsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.grades.subject')}</th>
              <th scope="col" className="num">
                {label.average}
              </th>
              <th scope="col" className="num">
                {label.count}
              </th>
              <th scope="col" className="num">
                {label.below}
              </th>
              <th scope="col" className="num">
                {label.unvalued}
              </th>
            </tr>
          </thead>
          <tbody>
            {shaped.subjects.map((s) => (
              <tr key={s.subject}>
                <th scope="row">{s.subject}</th>
                {/* judgements only (religion): no average, and the table says why instead of "— su 0 voti" */}
                <td className="num" data-label={label.average}>
                  {s.count === 0 ? t('risk.grades.noAverage') : n(s.average)}
                </td>
                <td className="num" data-label={label.count}>
                  {s.count}
                </td>
                <td className={s.belowPass > 0 ? 'num below-pass' : 'num'} data-label={label.below}>
                  {s.belowPass}
                </td>
                <td className="num" data-label={label.unvalued}>
                  {s.unvalued}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ChartBesideTable
        chart={
          <figure className="chart">
            <figcaption className="chart-title">
              <label htmlFor="grades-subject">{t('risk.grades.subject')}</label>{' '}
              <select id="grades-subject" value={subject} onChange={(e) => setSubject(e.target.value)}>
                {grades.map((g) => (
                  <option key={g.subject}>{g.subject}</option>
                ))}
              </select>
            </figcaption>
            {/* the subject's select stays while the chart's code loads */}
            {shaped.data.length === 0 ? (
              <p className="empty-state">{t('risk.grades.noLine', { subject })}</p>
            ) : (
              <Suspense fallback={<LoadingStatus />}>
                <GradesChart shaped={shaped} subject={subject} />
              </Suspense>
            )}
          </figure>
        }
        caption={t('risk.grades.tableCaption', { subject })}
        columns={[
          { label: t('risk.grades.date') },
          { label: t('risk.grades.kind') },
          { label: t('risk.grades.grade'), numeric: true },
        ]}
        rows={points.map((p, i) => {
          const below = p.value !== null && p.value < shaped.passMark;
          return {
            key: `${p.date}-${i}`,
            header: formatDate(p.date, i18n.language),
            cells: [
              { value: p.kind },
              {
                value: (
                  <>
                    {p.raw}
                    {below && <span className="visually-hidden"> ({t('risk.grades.belowPass')})</span>}
                  </>
                ),
                className: below ? 'num below-pass' : 'num',
              },
            ],
          };
        })}
      />
    </>
  );
}
