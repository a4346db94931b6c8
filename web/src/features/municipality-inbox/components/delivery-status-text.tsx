import { useTranslation } from 'react-i18next';
import type { SchoolDelivery } from '@primm/shared/contracts/municipality-inbox';
import { formatDate } from '../../../lib/format';

type Props = Pick<SchoolDelivery, 'status' | 'dueBy' | 'acknowledgement'> & { pec?: string | null };

const TONE = {
  delivered: 'callout-info',
  overdue: 'callout-warning',
  acknowledged: 'callout-success',
  no_account: 'callout-warning',
} as const;

/**
 * Where an item sent to a municipality stands, in words: waiting (until when), overdue, received
 * (date and protocol), or no office account, in which case the letter goes by PEC.
 */
export function DeliveryStatusText({ status, dueBy, acknowledgement, pec }: Props) {
  const { t, i18n } = useTranslation();
  const d = (iso: string) => formatDate(iso, i18n.language);
  const text =
    status === 'acknowledged' && acknowledgement
      ? t('municipalityInbox.status.acknowledged', {
          date: d(acknowledgement.receivedOn),
          protocol: acknowledgement.protocolNumber,
        })
      : status === 'overdue'
        ? t('municipalityInbox.status.overdue', { date: d(dueBy) })
        : status === 'no_account'
          ? pec
            ? t('municipalityInbox.status.noAccountPec', { pec })
            : t('municipalityInbox.status.noAccount')
          : t('municipalityInbox.status.delivered', { date: d(dueBy) });
  return <span className={`delivery-status ${TONE[status]}`}>{text}</span>;
}
