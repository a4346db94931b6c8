import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Flag } from '@primm/shared/contracts/flags';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useStudentFlags } from '../api/get-student-flags';

type Props = {
  studentId: number;
  /** What the page offers on a flag without a case (the case feature's "open a case"), composed by the route. */
  renderFlagAction?: (flag: Flag) => ReactNode;
  /** false: the list only (a school the student has left reads, never writes). */
  canFlag?: boolean;
};

/** The student's flags, newest first; the form to add one is among the page's actions (FlagStudentForm). */
export function StudentFlags({ studentId, renderFlagAction }: Props) {
  const { t, i18n } = useTranslation();
  const flags = useStudentFlags(studentId);

  return (
    <section aria-labelledby="flags-heading" className="section">
      <h2 id="flags-heading">{t('flags.title')}</h2>
      {flags.isPending && <LoadingStatus />}
      {flags.isError && <ErrorAlert error={flags.error} onRetry={() => void flags.refetch()} />}
      {flags.isSuccess &&
        (flags.data.items.length === 0 ? (
          <p className="empty-state">{t('flags.empty')}</p>
        ) : (
          <ul className="card-list" aria-label={t('flags.listLabel')}>
            {flags.data.items.map((f) => (
              <li key={f.id} className="card">
                <p className="timeline-head">
                  <strong>{t(`flags.reason.${f.reasonCode}`)}</strong> – {f.createdBy.name},{' '}
                  {formatDateTime(f.createdAt, i18n.language)}
                </p>
                <p>{f.reason}</p>
                {f.caseId !== null ? (
                  <p>
                    <Link to={`/casi/${f.caseId}`}>{t('flags.openCase', { id: f.caseId })}</Link>
                  </p>
                ) : (
                  renderFlagAction?.(f)
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
