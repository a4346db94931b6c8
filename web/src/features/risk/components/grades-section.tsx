import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { ChartBesideTable } from '../../../components/chart-beside-table';
import { formatDate, formatNumber } from '../../../lib/format';
import { shapeGradesChart } from './grades-chart-data';

const GradesChart = lazy(() => import('./grades-chart'));

/** Grades over time, one subject at a time against the pass line; every grade in the table. */
export function GradesSection({ grades }: { grades: StudentRisk['series']['grades'] }) {
  const { t, i18n } = useTranslation();
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
                <GradesChart shaped={shaped} subject={subject} />
              </figure>
            }
            caption={t('risk.grades.tableCaption')}
            columns={[
              { label: t('risk.grades.subject') },
              { label: t('risk.grades.date') },
              { label: t('risk.grades.kind') },
              { label: t('risk.grades.grade'), numeric: true },
            ]}
            rows={grades.flatMap((g) =>
              g.points.map((p, i) => {
                const below = p.value !== null && p.value < shaped.passMark;
                return {
                  key: `${g.subject}-${p.date}-${i}`,
                  header: g.subject,
                  cells: [
                    { value: formatDate(p.date, i18n.language) },
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
              }),
            )}
          />
        </>
      )}
    </section>
  );
}
