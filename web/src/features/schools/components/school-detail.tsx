import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { LoadingStatus } from '../../../components/loading-status';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { formatNumber } from '../../../lib/format';
import { useSchool } from '../api/get-school';
import { SchoolClassesTable } from './school-classes-table';
import { SchoolFreshnessFacts } from './school-freshness';

type Props = {
  code: string;
  /** The analyst's role sees aggregates only: no class pages (the server also sends no classes). */
  aggregatesOnly?: boolean;
  /** A teacher sees only the classes assigned to them (the server sends only those): the page says so. */
  ownClassesOnly?: boolean;
};

export function SchoolDetail({ code, aggregatesOnly = false, ownClassesOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  const school = useSchool(code);

  return (
    <>
      <p className="back-link">
        <Link to="/scuole">{t('schools.detail.backToList')}</Link>
      </p>
      <PageTitle page={school.data?.name ?? code} />
      {school.isPending && (
        <>
          <h1>{code}</h1>
          <LoadingStatus />
        </>
      )}
      {school.isError && (
        <>
          <h1>{code}</h1>
          <ErrorAlert error={school.error} onRetry={() => void school.refetch()} />
        </>
      )}
      {school.isSuccess && (
        <>
          <h1>{school.data.name}</h1>
          <dl className="facts">
            <div>
              <dt>{t('schools.detail.code')}</dt>
              <dd className="code">{school.data.code}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.institute')}</dt>
              <dd className="code">{school.data.instituteCode}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.municipality')}</dt>
              <dd>
                {school.data.municipality} ({school.data.province})
              </dd>
            </div>
            <div>
              <dt>{t('schools.detail.address')}</dt>
              <dd>{school.data.address ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.level')}</dt>
              <dd>{t(`domain.level.${school.data.level}`)}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.kind')}</dt>
              <dd>{school.data.kind}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.classes')}</dt>
              <dd>{formatNumber(school.data.classes, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('schools.detail.students')}</dt>
              <dd>{formatNumber(school.data.students, i18n.language)}</dd>
            </div>
            <SchoolFreshnessFacts freshness={school.data.freshness} />
          </dl>
          <StudentsCountedNote />
          {/* "10 classi, 264 studenti" above two classes read as missing data (issue 19): say whose they are and why */}
          {ownClassesOnly && (
            <p className="callout callout-info">
              {t('schools.detail.ownClasses', { count: school.data.classList.length, total: school.data.classes })}{' '}
              {school.data.classList.length < school.data.classes &&
                t('schools.detail.othersHidden', { count: school.data.classes - school.data.classList.length })}
            </p>
          )}
          {school.data.classList.length === 0 ? (
            <EmptyState>
              {t(
                aggregatesOnly
                  ? 'schools.detail.aggregatesOnly'
                  : ownClassesOnly
                    ? 'schools.detail.noOwnClasses'
                    : 'schools.detail.noClasses',
              )}
            </EmptyState>
          ) : (
            <SchoolClassesTable
              classes={school.data.classList}
              linkToClasses={!aggregatesOnly}
              caption={t(ownClassesOnly ? 'schools.detail.ownClassesCaption' : 'schools.detail.classesCaption')}
            />
          )}
        </>
      )}
    </>
  );
}
