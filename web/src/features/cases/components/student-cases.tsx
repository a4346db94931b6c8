import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '@primm/shared/contracts/cases';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useCase } from '../api/get-case';
import { useStudentCases } from '../api/get-student-cases';
import { CaseActionsTimeline } from './case-actions-timeline';

function CaseItem({ summary }: { summary: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const detail = useCase(summary.id);
  return (
    <li className="card">
      <h3>
        <Link to={`/casi/${summary.id}`}>{t('cases.caseN', { id: summary.id })}</Link> –{' '}
        {t(`cases.status.${summary.status}`)}
      </h3>
      <p>
        {t('cases.openedBy', {
          by: summary.openedBy.name,
          at: formatDateTime(summary.openedAt, i18n.language),
          owner: summary.owner.name,
        })}
      </p>
      <p>
        <strong>{t('cases.goal')}:</strong> {summary.goal}
      </p>
      {summary.outcome && <p>{t('cases.closedWith', { outcome: t(`cases.outcome.${summary.outcome}`) })}</p>}
      {detail.isPending && <LoadingStatus />}
      {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isSuccess && <CaseActionsTimeline actions={detail.data.actions} />}
    </li>
  );
}

/** The student's cases with their actions; everyone who sees the student sees it, only some may open one (`openCase`). */
export function StudentCases({ studentId, openCase }: { studentId: number; openCase?: ReactNode }) {
  const { t } = useTranslation();
  const cases = useStudentCases(studentId);
  return (
    <section aria-labelledby="cases-heading" className="section">
      <h2 id="cases-heading">{t('cases.studentTitle')}</h2>
      {openCase}
      {cases.isPending && <LoadingStatus />}
      {cases.isError && <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isSuccess &&
        (cases.data.items.length === 0 ? (
          <p className="empty-state">{t('cases.studentEmpty')}</p>
        ) : (
          <ul className="card-list">
            {cases.data.items.map((c) => (
              <CaseItem key={c.id} summary={c} />
            ))}
          </ul>
        ))}
    </section>
  );
}
