import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { LoadingStatus } from '../../../components/loading-status';
import { formatNumber } from '../../../lib/format';
import { useClass } from '../api/get-class';
import { ClassTimetable } from './class-timetable';

/**
 * The class in one line (school code, year, grade, track, hours) and its timetable folded: the
 * risk list is what a teacher opens the page for, and it must start above the fold at 1366×768
 * (issue 19; it started about 1 030 px down, below these details).
 */
export function ClassHeader({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const detail = useClass(id);

  if (detail.isPending) return <LoadingStatus />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const n = (value: number) => formatNumber(value, i18n.language, 1);
  const facts: [string, string][] = [
    [t('classes.schoolCode'), c.school.code],
    [t('classes.schoolYear'), c.schoolYear],
    [t('classes.gradeLevel'), String(c.gradeLevel)],
    [t('classes.track'), c.track ? t(`domain.track.${c.track}`) : t('common.none')],
    [t('classes.weeklyHours'), n(c.weeklyHours)],
    [t('classes.annualHours'), n(c.annualHours)],
  ];

  return (
    <header className="page-header page-header-compact">
      <p className="back-link">
        <Link to={`/scuole/${encodeURIComponent(c.school.code)}`}>{c.school.name}</Link>
      </p>
      <PageTitle page={t('classes.pageTitle', { name: c.name, school: c.school.name })} />
      <h1>{t('classes.title', { name: c.name })}</h1>
      <div className="summary-line">
        <dl className="facts-inline">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <details className="inline-details">
          <summary>{t('classes.timetableToggle')}</summary>
          <ClassTimetable hours={c.timetable} />
        </details>
      </div>
    </header>
  );
}
