import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useSchool } from '../api/get-school';
import { SchoolFreshnessFacts } from './school-freshness';

function SchoolCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const school = useSchool(code);
  return (
    <li className="card">
      <h3>
        <Link to={`/scuole/${code}`}>{school.data?.name ?? code}</Link>
      </h3>
      {school.isPending && <LoadingStatus />}
      {school.isError && <ErrorAlert error={school.error} onRetry={() => void school.refetch()} />}
      {school.data && (
        <dl className="facts">
          <SchoolFreshnessFacts freshness={school.data.freshness} />
        </dl>
      )}
      <p>
        <Link to="/importazioni">{t('schoolFreshness.importNew')}</Link>
      </p>
    </li>
  );
}

/** The referent's schools with the dates of their data: what the lists know, and since when. */
export function MySchoolsFreshness({ schools }: { schools: { code: string }[] }) {
  const { t } = useTranslation();
  if (schools.length === 0) return null;
  return (
    <section aria-labelledby="my-schools-freshness" className="section">
      <h2 id="my-schools-freshness">{t('schoolFreshness.title', { count: schools.length })}</h2>
      <ul className="card-grid">
        {schools.map((s) => (
          <SchoolCard key={s.code} code={s.code} />
        ))}
      </ul>
    </section>
  );
}
