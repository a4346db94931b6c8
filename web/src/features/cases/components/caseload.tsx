import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCaseload } from '../api/get-caseload';
import { OpenCaseButton } from './open-case-button';
import { orderCaseload } from './order-caseload';

/** "I miei casi": open and monitored cases, overdue follow-ups first; then flagged students with no case yet. */
export function Caseload({ meId }: { meId: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const casesCaption = useId();
  const flaggedCaption = useId();
  const caseload = useCaseload();

  if (caseload.isPending) return <LoadingStatus />;
  if (caseload.isError) return <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const cases = orderCaseload(caseload.data.cases);
  const flagged = caseload.data.flaggedWithoutCase;

  return (
    <>
      <section aria-labelledby={casesCaption} className="section">
        {cases.length === 0 ? (
          <>
            <h2 id={casesCaption}>{t('cases.caseload.casesTitle')}</h2>
            <EmptyState>{t('cases.caseload.noCases')}</EmptyState>
          </>
        ) : (
          <TableScroll labelledBy={casesCaption}>
            <table className="table">
              <caption id={casesCaption}>{t('cases.caseload.casesCaption', { count: cases.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.caseload.student')}</th>
                  <th scope="col">{t('cases.caseload.nextFollowUp')}</th>
                  <th scope="col">{t('cases.caseload.status')}</th>
                  <th scope="col">{t('cases.caseload.class')}</th>
                  <th scope="col">{t('cases.caseload.school')}</th>
                  <th scope="col">{t('cases.caseload.owner')}</th>
                  <th scope="col">{t('cases.caseload.case')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/studenti/${c.student.id}`}>
                        {c.student.lastName} {c.student.firstName}
                      </Link>
                    </th>
                    <td>
                      {c.nextFollowUp ? formatDate(c.nextFollowUp, i18n.language) : t('common.none')}
                      {c.overdue && <strong className="overdue"> {t('cases.caseload.overdue')}</strong>}
                    </td>
                    <td>{t(`cases.status.${c.status}`)}</td>
                    <td>{c.student.className ?? t('common.none')}</td>
                    <td className="code">{c.schoolCode}</td>
                    <td>{c.owner.name}</td>
                    <td>
                      <Link to={`/casi/${c.id}`}>{t('cases.caseN', { id: c.id })}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby={flaggedCaption} className="section">
        <h2 id={flaggedCaption}>{t('cases.caseload.flaggedTitle')}</h2>
        {flagged.length === 0 ? (
          <EmptyState>{t('cases.caseload.noFlagged')}</EmptyState>
        ) : (
          <ul className="card-list">
            {flagged.map((f) => (
              <li key={f.flagId} className="card">
                <p className="timeline-head">
                  <Link to={`/studenti/${f.studentId}`}>
                    {f.lastName} {f.firstName}
                  </Link>{' '}
                  – {f.className ?? t('common.none')}, <span className="code">{f.schoolCode}</span>
                </p>
                <p>
                  <strong>{t(`flags.reason.${f.reasonCode}`, { defaultValue: f.reasonCode })}</strong>: {f.reason}
                </p>
                <p className="hint">{t('cases.caseload.flaggedBy', { by: f.flaggedBy, at: formatDateTime(f.flaggedAt, i18n.language) })}</p>
                <OpenCaseButton
                  studentId={f.studentId}
                  flagId={f.flagId}
                  meId={meId}
                  label={t('cases.open.fromFlag')}
                  onCreated={(created) => void navigate(`/casi/${created.id}`)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
