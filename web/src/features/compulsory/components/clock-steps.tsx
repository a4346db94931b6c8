import { useTranslation } from 'react-i18next';
import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { formatDate } from '../../../lib/format';

type Step = {
  key: 'trigger' | 'notice' | 'countdown' | 'report';
  status: 'done' | 'current' | 'todo';
  date: string | null;
};

/** The four steps of art. 114, from the data: what is done, where the procedure stands, what comes next. */
function stepsOf(clock: AbsenceClock): Step[] {
  const { state } = clock;
  const closed = state === 'report_due' || state === 'reported' || state === 'returned';
  const steps: Step[] = [
    { key: 'trigger', status: 'done', date: clock.triggeredOn },
    { key: 'notice', status: clock.notifiedOn ? 'done' : 'current', date: clock.notifiedOn },
    {
      key: 'countdown',
      status: closed ? 'done' : state === 'countdown' ? 'current' : 'todo',
      date: clock.returnedOn ?? clock.countdownEndsOn,
    },
  ];
  // a return within the seven days closes the procedure: no report follows
  if (state !== 'returned') {
    steps.push({
      key: 'report',
      status: state === 'reported' ? 'done' : state === 'report_due' ? 'current' : 'todo',
      date: clock.reportedOn ?? clock.reportDueFrom,
    });
  }
  return steps;
}

export function ClockSteps({ clock }: { clock: AbsenceClock }) {
  const { t, i18n } = useTranslation();
  if (!clock.triggeredOn) return null;
  return (
    <ol className="clock-steps" aria-label={t('compulsory.panel.steps.label')}>
      {stepsOf(clock).map((step) => (
        <li
          key={step.key}
          className={`clock-step clock-step-${step.status}`}
          aria-current={step.status === 'current' ? 'step' : undefined}
        >
          <span className="clock-step-name">{t(`compulsory.panel.steps.${step.key}`)}</span>
          <span className="clock-step-meta">
            {t(`compulsory.panel.steps.${step.status}`)}
            {step.date && ` · ${formatDate(step.date, i18n.language)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
