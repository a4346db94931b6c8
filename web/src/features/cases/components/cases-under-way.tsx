import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStudentCases } from '../api/get-student-cases';

/** The summary's line on cases: the ones open or in monitoring, each a link to its page. */
export function CasesUnderWay({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const cases = useStudentCases(studentId);
  if (!cases.isSuccess) return null; // the section below shows loading and errors
  const open = cases.data.items.filter((c) => c.status !== 'closed');
  return (
    <p>
      <strong>{t('cases.underWay.label')}</strong>{' '}
      {open.length === 0
        ? t('cases.underWay.none')
        : open.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <Link to={`/casi/${c.id}`}>{t('cases.caseN', { id: c.id })}</Link> ({t(`cases.status.${c.status}`)},{' '}
              {c.owner.name})
            </span>
          ))}
    </p>
  );
}
