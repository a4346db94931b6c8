import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StudentDetail } from '@primm/shared/contracts/students';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { formatDate } from '../../../lib/format';
import { useStudent } from '../api/get-student';

/** The enrolment still open, else the latest: where the student is (or was last). */
function currentEnrolment(s: StudentDetail) {
  return s.enrolments.find((e) => e.leftOn === null) ?? s.enrolments.at(-1);
}

export function StudentHeader({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const student = useStudent(id);

  if (student.isPending) return <LoadingStatus />;
  if (student.isError) {
    return (
      <>
        <PageTitle page={t('students.title')} />
        <h1>{t('students.title')}</h1>
        <ErrorAlert error={student.error} onRetry={() => void student.refetch()} />
      </>
    );
  }
  const s = student.data;
  const enrolment = currentEnrolment(s);
  const name = `${s.lastName} ${s.firstName}`;

  const facts: [string, string][] = [
    [
      t('students.class'),
      enrolment ? `${enrolment.className} (${enrolment.schoolYear}) – ${enrolment.schoolName}` : t('common.none'),
    ],
    [t('students.birthDate'), formatDate(s.birthDate, i18n.language)],
    [t('students.citizenship'), s.newlyArrived ? `${s.citizenship} (${t('students.newlyArrived')})` : s.citizenship],
    [t('students.l2Level'), s.l2Level ?? t('common.none')],
  ];

  // one line of facts: the summary and the actions come next, above the fold (issue 19)
  return (
    <header className="page-header page-header-compact">
      {enrolment && (
        <p className="back-link">
          <Link to={`/classi/${enrolment.classId}`}>{t('students.backToClass', { name: enrolment.className })}</Link>
        </p>
      )}
      <PageTitle page={name} />
      <h1>{name}</h1>
      <dl className="facts-inline">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
