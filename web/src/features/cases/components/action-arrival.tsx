import { useTranslation } from 'react-i18next';
import type { ActionArrival as Arrival } from '@primm/shared/contracts/arrivals';
import { formatDate } from '../../../lib/format';

/** The receiving school's answer to a reorientation toward it, as the case timeline says it. */
export function ActionArrival({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso, i18n.language);
  let text: string;
  if (arrival.status === 'enrolled' && arrival.autoReason)
    text = t(`arrivals.auto.${arrival.autoReason}`, { date: date(arrival.enrolledOn ?? '') });
  else if (arrival.status === 'enrolled')
    text = t('arrivals.status.enrolled', { date: date(arrival.enrolledOn ?? '') });
  else if (arrival.status === 'no_show') text = t('arrivals.status.no_show');
  else text = t(arrival.overdue ? 'arrivals.status.overdue' : 'arrivals.status.pending', { date: date(arrival.dueOn) });
  const by = arrival.answeredBy ? ` (${t('arrivals.timeline.answeredBy', { name: arrival.answeredBy })})` : '';
  // overdue: the mediator's cue to call the receiving school
  return arrival.overdue ? <strong>{text}</strong> : <>{text + by}</>;
}
