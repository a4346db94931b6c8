import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { LoadingStatus } from '../../../components/loading-status';
import { formatNumber } from '../../../lib/format';
import { useClass } from '../api/get-class';
import { ClassTimetable } from './class-timetable';

export function ClassHeader({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const detail = useClass(id);

  if (detail.isPending) return <LoadingStatus />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const n = (value: number) => formatNumber(value, i18n.language, 1);

  return (
    <header className="page-header">
      <p className="back-link">
        <Link to={`/scuole/${encodeURIComponent(c.school.code)}`}>{c.school.name}</Link>
      </p>
      <PageTitle page={t('classes.pageTitle', { name: c.name, school: c.school.name })} />
      <h1>{t('classes.title', { name: c.name })}</h1>
      <dl className="facts">
        <div>
          <dt>{t('classes.school')}</dt>
          <dd>
            {c.school.name} (<span className="code">{c.school.code}</span>)
          </dd>
        </div>
        <div>
          <dt>{t('classes.schoolYear')}</dt>
          <dd>{c.schoolYear}</dd>
        </div>
        <div>
          <dt>{t('classes.gradeLevel')}</dt>
          <dd>{c.gradeLevel}</dd>
        </div>
        <div>
          <dt>{t('classes.track')}</dt>
          <dd>{c.track ? t(`domain.track.${c.track}`) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('classes.weeklyHours')}</dt>
          <dd>{n(c.weeklyHours)}</dd>
        </div>
        <div>
          <dt>{t('classes.annualHours')}</dt>
          <dd>{n(c.annualHours)}</dd>
        </div>
      </dl>
      <ClassTimetable hours={c.timetable} />
    </header>
  );
}
