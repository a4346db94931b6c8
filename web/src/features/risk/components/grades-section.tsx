import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { shapeGradesChart } from './grades-chart-data';

const GradesChart = lazy(() => import('./grades-chart'));

/** Grades over time, one subject at a time against the pass line; every grade in the table. */
export function GradesSection({ grades }: { grades: StudentRisk['series']['grades'] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const [subject, setSubject] = useState(grades[0]?.subject ?? '');
  const shaped = shapeGradesChart(grades, subject);
  const n = (v: number | null) => (v === null ? t('common.none') : formatNumber(v, i18n.language, 2));

  return (
    <section aria-labelledby="grades-heading" className="section">
      <h2 id="grades-heading">{t('risk.grades.title')}</h2>
      {grades.length === 0 ? (
        <p className="empty-state">{t('risk.grades.empty')}</p>
      ) : (
        <>
          <ul className="plain-list">
            {shaped.subjects.map((s) => (
              <li key={s.subject}>{t('risk.grades.subjectSummary', { subject: s.subject, average: n(s.average), count: s.count, below: s.belowPass })}</li>
            ))}
          </ul>
          <div className="overview-grid">
            <figure className="chart">
              <figcaption className="chart-title">
                <label htmlFor="grades-subject">{t('risk.grades.subject')}</label>{' '}
                <select id="grades-subject" value={subject} onChange={(e) => setSubject(e.target.value)}>
                  {grades.map((g) => (
                    <option key={g.subject}>{g.subject}</option>
                  ))}
                </select>
              </figcaption>
              <Suspense fallback={<LoadingStatus />}>
                <GradesChart shaped={shaped} subject={subject} />
              </Suspense>
            </figure>
            <TableScroll labelledBy={captionId}>
              <table className="table table-compact">
                <caption id={captionId}>{t('risk.grades.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('risk.grades.subject')}</th>
                    <th scope="col">{t('risk.grades.date')}</th>
                    <th scope="col">{t('risk.grades.kind')}</th>
                    <th scope="col" className="num">{t('risk.grades.grade')}</th>
                  </tr>
                </thead>
                <tbody>
                  {grades.flatMap((g) =>
                    g.points.map((p, i) => (
                      <tr key={`${g.subject}-${p.date}-${i}`}>
                        <th scope="row">{g.subject}</th>
                        <td>{formatDate(p.date, i18n.language)}</td>
                        <td>{p.kind}</td>
                        <td className={p.value !== null && p.value < shaped.passMark ? 'num below-pass' : 'num'}>
                          {p.raw}
                          {p.value !== null && p.value < shaped.passMark && <span className="visually-hidden"> ({t('risk.grades.belowPass')})</span>}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </TableScroll>
          </div>
        </>
      )}
    </section>
  );
}
