import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '@primm/shared/contracts/cases';
import { formatDate } from '../../../lib/format';
import { ActionArrival } from './action-arrival';

type Props = {
  actions: CaseAction[];
  renderTools?: (action: CaseAction) => ReactNode;
  /** What other features add under an action (a PUA referral's answer and updates, composed by the route). */
  renderExtras?: (action: CaseAction) => ReactNode;
};

/** The actions of a case in date order: who, what, where to, and what came of it. */
export function CaseActionsTimeline({ actions, renderTools, renderExtras }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso, i18n.language);
  if (actions.length === 0) return <p className="empty-state">{t('cases.actions.empty')}</p>;
  const sorted = actions.toSorted((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

  return (
    <ol className="timeline" aria-label={t('cases.actions.timelineLabel')}>
      {sorted.map((a) => (
        <li key={a.id}>
          <p className="timeline-head">
            {date(a.date)} – <strong>{t(`cases.actionType.${a.type}`)}</strong>
          </p>
          <dl className="inline-facts">
            <dt>{t('cases.actions.participants')}</dt>
            <dd>{a.participants}</dd>
            {a.notes && (
              <>
                <dt>{t('cases.actions.notes')}</dt>
                <dd className="pre-line">{a.notes}</dd>
              </>
            )}
            {a.destination && (
              <>
                <dt>{t('cases.actions.destination')}</dt>
                <dd>
                  {a.destination} –{' '}
                  {a.arrival ? (
                    <ActionArrival arrival={a.arrival} />
                  ) : a.arrived && a.arrivedOn ? (
                    t('arrivals.manual.arrivedOnText', { date: date(a.arrivedOn) })
                  ) : (
                    t(`cases.arrived.${a.arrived === null ? 'unknown' : a.arrived ? 'yes' : 'no'}`)
                  )}
                </dd>
              </>
            )}
            {a.workKind && (
              <>
                <dt>{t('cases.newAction.workKind')}</dt>
                <dd>{t(`cases.workKind.${a.workKind}`)}</dd>
              </>
            )}
            {a.exceptionalReason && (
              <>
                <dt>{t('cases.newAction.exceptionalReason')}</dt>
                <dd>{a.exceptionalReason}</dd>
              </>
            )}
            <dt>{t('cases.actions.followUp')}</dt>
            <dd>{a.followUpOn ? date(a.followUpOn) : t('common.none')}</dd>
            <dt>{t('cases.actions.outcome')}</dt>
            <dd>{a.outcome ?? t('cases.actions.noOutcome')}</dd>
          </dl>
          {renderExtras?.(a)}
          {renderTools?.(a)}
        </li>
      ))}
    </ol>
  );
}
