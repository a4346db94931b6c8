import { useTranslation } from 'react-i18next';
import { addDays } from '@primm/shared/dates';
import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { formatDate } from '../../../lib/format';
import { describeDaysLeft } from '../days-left';
import { ClockSteps } from './clock-steps';

/** Art. 114: the family is informed when the unjustified days in 3 months are more than 15. */
const MAX_DAYS = 15;

/** The clock: days in the window as a bar of 15, the steps, the state in words with its next date. */
export function AbsenceClockView({ clock, asOf }: { clock: AbsenceClock; asOf: string }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : t('common.none'));
  const over = clock.daysInWindow > MAX_DAYS;
  const left = clock.countdownEndsOn ? describeDaysLeft(clock.countdownEndsOn, asOf) : null;

  return (
    <div className="clock">
      <h3>{t('compulsory.panel.clockTitle')}</h3>
      <p className="clock-count">
        <strong>{t(over ? 'compulsory.panel.daysOver' : 'compulsory.panel.daysOf', { n: clock.daysInWindow })}</strong>
      </p>
      <div className={over ? 'clock-bar clock-bar-over' : 'clock-bar'} aria-hidden="true">
        {Array.from({ length: MAX_DAYS }, (_, i) => (
          <span key={i} className={i < clock.daysInWindow ? 'clock-cell clock-cell-on' : 'clock-cell'} />
        ))}
      </div>
      <p className="hint">{t('compulsory.panel.window', { from: date(clock.windowFrom) })}</p>
      <ClockSteps clock={clock} />
      <p
        className={
          clock.state === 'ok' || clock.state === 'returned' ? 'callout callout-info' : 'callout callout-warning'
        }
      >
        {t(`compulsory.panel.state.${clock.state}`, {
          triggeredOn: date(clock.triggeredOn),
          notifiedOn: date(clock.notifiedOn),
          countdownEndsOn: date(clock.countdownEndsOn),
          // in the countdown the server has no due date yet: it is the day after the seventh
          reportDueFrom: date(
            clock.reportDueFrom ?? (clock.countdownEndsOn ? addDays(clock.countdownEndsOn, 1) : null),
          ),
          reportedOn: date(clock.reportedOn),
          returnedOn: date(clock.returnedOn),
          left: left ? t(`compulsory.daysLeft.${left.key}`, { n: left.count }) : '',
        })}
      </p>
      {clock.countedDays.length > 0 && (
        <details className="disclosure">
          <summary>{t('compulsory.panel.countedDays', { n: clock.countedDays.length })}</summary>
          <p className="hint">{t('compulsory.panel.countedHint')}</p>
          <ul className="day-list">
            {clock.countedDays.map((d) => (
              <li key={d}>{date(d)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
