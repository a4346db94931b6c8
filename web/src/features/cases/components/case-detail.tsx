import { useState, type ReactNode } from 'react';
import type { CaseAction } from '@primm/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { formatDateTime } from '../../../lib/format';
import { useCase } from '../api/get-case';
import { ActionUpdateForm } from './action-update-form';
import { CaseActionsTimeline } from './case-actions-timeline';
import { CaseEffectPanel } from './case-effect-panel';
import { CaseStatusForm } from './case-status-form';
import { CloseCaseForm } from './close-case-form';
import { NewActionForm } from './new-action-form';

type Props = {
  id: number;
  canManage: boolean;
  /** What the page adds about the student (the family's language), composed by the route. */
  renderStudentExtras?: (studentId: number) => ReactNode;
  /** What the page adds under an action of the timeline (a PUA referral's steps), composed by the route. */
  renderActionExtras?: (action: CaseAction) => ReactNode;
};

/** A case: who, status, goal, owner, the actions, their effect; `canManage` (mediators, referents, admin) may change it. */
export function CaseDetailView({ id, canManage, renderStudentExtras, renderActionExtras }: Props) {
  const { t, i18n } = useTranslation();
  const detail = useCase(id);
  const [closedNow, setClosedNow] = useState(false);
  const title = t('cases.caseN', { id });

  if (detail.isPending) return <LoadingStatus />;
  if (detail.isError) {
    return (
      <>
        <PageTitle page={title} />
        <h1>{title}</h1>
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const c = detail.data;
  const student = `${c.student.lastName} ${c.student.firstName}`;
  const editable = canManage && c.status !== 'closed';

  return (
    <>
      <PageTitle page={`${title} – ${student}`} />
      <h1>
        {title}: {student}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('cases.caseload.student')}</dt>
          <dd>
            <Link to={`/studenti/${c.student.id}`}>{student}</Link>
            {c.student.className && ` (${c.student.className})`}
          </dd>
        </div>
        <div>
          <dt>{t('cases.caseload.school')}</dt>
          <dd>
            {c.schoolName} (<span className="code">{c.schoolCode}</span>)
          </dd>
        </div>
        <div>
          <dt>{t('cases.caseload.status')}</dt>
          <dd>{t(`cases.status.${c.status}`)}</dd>
        </div>
        <div>
          <dt>{t('cases.caseload.owner')}</dt>
          <dd>{c.owner.name}</dd>
        </div>
        <div>
          <dt>{t('cases.opened')}</dt>
          <dd>
            {formatDateTime(c.openedAt, i18n.language)} ({c.openedBy.name})
          </dd>
        </div>
      </dl>
      <p>
        <strong>{t('cases.goal')}:</strong> {c.goal}
      </p>
      {c.status === 'closed' &&
        c.outcome &&
        (() => {
          const outcome = (
            <>
              <p>{t('cases.closedWith', { outcome: t(`cases.outcome.${c.outcome}`) })}</p>
              {c.outcomeNote && <p>{c.outcomeNote}</p>}
              {c.participantViews.length > 0 && (
                <>
                  <h3>{t('whatWorks.caseViews.heading')}</h3>
                  <ul>
                    {c.participantViews.map((v) => (
                      <li key={v.perspective}>
                        <strong>{t(`whatWorks.perspective.${v.perspective}`)}</strong>:{' '}
                        {t('whatWorks.caseViews.helped', { helped: v.helped })};{' '}
                        {t('whatWorks.caseViews.helpedMost', { what: t(`whatWorks.helpedMost.${v.helpedMost}`) })}
                        {v.comment && <> – «{v.comment}»</>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
          // just closed here: the outcome is the form's confirmation, and takes the focus
          return closedNow ? (
            <Confirmation tone="info">{outcome}</Confirmation>
          ) : (
            <div className="callout callout-info">{outcome}</div>
          );
        })()}
      {renderStudentExtras?.(c.student.id)}
      {/* not keyed by status: a remount after the change would drop its confirmation */}
      {editable && <CaseStatusForm detail={c} />}
      <section aria-labelledby="actions-heading" className="section">
        <h2 id="actions-heading">{t('cases.actions.title')}</h2>
        <CaseActionsTimeline
          actions={c.actions}
          renderExtras={renderActionExtras}
          renderTools={editable ? (a) => <ActionUpdateForm key={a.id} detail={c} action={a} /> : undefined}
        />
      </section>
      {editable && <NewActionForm detail={c} />}
      <CaseEffectPanel caseId={c.id} />
      {editable && <CloseCaseForm detail={c} onClosed={() => setClosedNow(true)} />}
    </>
  );
}
