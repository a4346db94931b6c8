import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate } from '../../../lib/format';
import { useStudentCompulsory } from '../api/get-student-compulsory';
import { AbsenceClockView } from './absence-clock-view';
import { NoticeForm } from './notice-form';
import { ReportSentForm } from './report-sent-form';
import { ValiditySummary } from './validity-summary';

type Feedback = { kind: 'saved' | 'conflict'; text: string };

type Props = {
  studentId: number;
  /** Referents, mediators and the admin record notices and reports; teachers read (server: ACT_ROLES). */
  canAct: boolean;
};

/** "Obbligo e frequenza": legal status, the absence clock of art. 114 and its acts, the validity of the year. */
export function StudentCompulsoryPanel({ studentId, canAct }: Props) {
  const { t, i18n } = useTranslation();
  const compulsory = useStudentCompulsory(studentId);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const feedbackRef = useRef<HTMLParagraphElement>(null);

  // the form that was used disappears once the clock moves on: the focus goes to what happened
  useEffect(() => {
    if (feedback) feedbackRef.current?.focus();
  }, [feedback]);

  function conflict(text: string) {
    setFeedback({ kind: 'conflict', text });
    void compulsory.refetch();
  }

  const data = compulsory.data;
  const clock = data?.clock ?? null;
  return (
    <section aria-labelledby="compulsory-heading" className="section compulsory-panel">
      <h2 id="compulsory-heading">{t('compulsory.panel.title')}</h2>
      {/* always in the page, so the saved message is announced (a live region must exist before it changes) */}
      <div role="status">
        {feedback?.kind === 'saved' && (
          <p ref={feedbackRef} tabIndex={-1} className="callout callout-success">
            {feedback.text}
          </p>
        )}
      </div>
      {feedback?.kind === 'conflict' && (
        <p ref={feedbackRef} tabIndex={-1} role="alert" className="callout callout-warning">
          {feedback.text}
        </p>
      )}
      {compulsory.isPending && <LoadingStatus />}
      {compulsory.isError && <ErrorAlert error={compulsory.error} onRetry={() => void compulsory.refetch()} />}
      {data && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('compulsory.panel.legalStatus')}</dt>
              <dd>{t(`compulsory.panel.status.${data.legalStatus}`)}</dd>
            </div>
            <div>
              <dt>{t('compulsory.panel.age')}</dt>
              <dd>{t('compulsory.panel.ageYears', { n: data.age })}</dd>
            </div>
            <div>
              <dt>{t('compulsory.panel.asOfLabel')}</dt>
              <dd>{formatDate(data.asOf, i18n.language)}</dd>
            </div>
          </dl>
          <div className="two-columns">
            <div>
              {clock ? (
                <AbsenceClockView clock={clock} asOf={data.asOf} />
              ) : (
                <p className="callout callout-info">{t('compulsory.panel.noClock')}</p>
              )}
              {clock && canAct && clock.state !== 'ok' && (
                <p>
                  <Link to={`/studenti/${studentId}/comunicazione-famiglia`} className="btn btn-outline link-button">
                    {t('compulsory.panel.openNotice')}
                  </Link>
                </p>
              )}
              {clock && canAct && (clock.state === 'report_due' || clock.state === 'reported') && (
                <p>
                  <Link to={`/studenti/${studentId}/segnalazione`} className="btn btn-outline link-button">
                    {t('compulsory.panel.openReport')}
                  </Link>
                </p>
              )}
              {clock && !canAct && (clock.state === 'to_notify' || clock.state === 'report_due') && (
                <p className="hint">{t('compulsory.panel.readOnly')}</p>
              )}
            </div>
            <div>
              {canAct && clock?.state === 'to_notify' && (
                <NoticeForm
                  studentId={studentId}
                  clock={clock}
                  onSaved={(text) => setFeedback({ kind: 'saved', text })}
                  onConflict={conflict}
                />
              )}
              {canAct && clock?.state === 'report_due' && (
                <ReportSentForm
                  studentId={studentId}
                  clock={clock}
                  onSaved={(text) => setFeedback({ kind: 'saved', text })}
                  onConflict={conflict}
                />
              )}
              <ValiditySummary validity={data.validity} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
