import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Caseload as CaseloadBody } from '@primm/shared/contracts/cases';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCaseload } from '../api/get-caseload';
import { CalendarFeedPanel } from './calendar-feed-panel';
import { DueThisWeek } from './due-this-week';
import { FollowUpCalendar } from './follow-up-calendar';
import { OpenCaseButton } from './open-case-button';
import { orderCaseload } from './order-caseload';
import { SchoolName } from './school-name';

/**
 * A mediator's landing page (issue 19): this week's follow-ups on top, then the open and
 * monitored cases (overdue first), the flagged students waiting for a case (with their past
 * cases), the calendar of follow-ups and the address that puts it on a phone.
 */
export function Caseload({ meId }: { meId: number }) {
  const { t } = useTranslation();
  const caseload = useCaseload();

  if (caseload.isPending) return <LoadingStatus />;
  if (caseload.isError) return <ErrorAlert error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const { cases, followUps, today } = caseload.data;

  return (
    <>
      <p className="page-links">
        <Link to="/casi/archivio">{t('caseArchive.link')}</Link>
      </p>
      <DueThisWeek cases={cases} followUps={followUps} today={today} />
      <OpenCases cases={orderCaseload(cases)} />
      <FlaggedWithoutCase flagged={caseload.data.flaggedWithoutCase} meId={meId} />
      <FollowUpCalendar followUps={followUps} today={today} />
      <CalendarFeedPanel />
    </>
  );
}

function OpenCases({ cases }: { cases: CaseloadBody['cases'] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const col = {
    followUp: t('cases.caseload.nextFollowUp'),
    status: t('cases.caseload.status'),
    class: t('cases.caseload.class'),
    school: t('cases.caseload.school'),
    owner: t('cases.caseload.owner'),
    case: t('cases.caseload.case'),
  };
  return (
    <section aria-labelledby={captionId} className="section">
      {cases.length === 0 ? (
        <>
          <h2 id={captionId}>{t('cases.caseload.casesTitle')}</h2>
          <EmptyState>{t('cases.caseload.noCases')}</EmptyState>
        </>
      ) : (
        // on a phone the rows become cards, each cell labelled by its column (styles.css .table-cards)
        <TableScroll labelledBy={captionId}>
          <table className="table table-cards">
            <caption id={captionId}>{t('cases.caseload.casesCaption', { count: cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.caseload.student')}</th>
                <th scope="col">{col.followUp}</th>
                <th scope="col">{col.status}</th>
                <th scope="col">{col.class}</th>
                <th scope="col">{col.school}</th>
                <th scope="col">{col.owner}</th>
                <th scope="col">{col.case}</th>
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
                  <td data-label={col.followUp}>
                    {c.nextFollowUp ? formatDate(c.nextFollowUp, i18n.language) : t('common.none')}
                    {c.overdue && <strong className="overdue"> {t('cases.caseload.overdue')}</strong>}
                  </td>
                  <td data-label={col.status}>{t(`cases.status.${c.status}`)}</td>
                  <td data-label={col.class}>{c.student.className ?? t('common.none')}</td>
                  <td data-label={col.school}>
                    <SchoolName name={c.schoolName} code={c.schoolCode} />
                  </td>
                  <td data-label={col.owner}>{c.owner.name}</td>
                  <td data-label={col.case}>
                    <Link to={`/casi/${c.id}`}>{t('cases.caseN', { id: c.id })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function FlaggedWithoutCase({ flagged, meId }: { flagged: CaseloadBody['flaggedWithoutCase']; meId: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('cases.caseload.flaggedTitle')}</h2>
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
                – {f.className ?? t('common.none')}, <SchoolName name={f.schoolName} code={f.schoolCode} />
              </p>
              <p>
                <strong>{t(`flags.reason.${f.reasonCode}`, { defaultValue: f.reasonCode })}</strong>: {f.reason}
              </p>
              <p className="hint">
                {t('cases.caseload.flaggedBy', { by: f.flaggedBy, at: formatDateTime(f.flaggedAt, i18n.language) })}
              </p>
              {f.pastCases.length > 0 && (
                <div className="past-cases">
                  <p className="hint">{t('cases.caseload.pastCases')}</p>
                  <ul>
                    {f.pastCases.map((c) => (
                      <li key={c.id}>
                        <Link to={`/casi/${c.id}`}>
                          {t('cases.caseload.pastCase', {
                            id: c.id,
                            at: c.closedAt ? formatDate(c.closedAt.slice(0, 10), i18n.language) : t('common.none'),
                            outcome: c.outcome ? t(`cases.outcome.${c.outcome}`) : t('common.none'),
                          })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
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
  );
}
