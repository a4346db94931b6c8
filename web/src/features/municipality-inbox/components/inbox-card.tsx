import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useInbox } from '../api/get-inbox';

/** The municipal office's home: how many items wait for an acknowledgement, and the way to the inbox. */
export function InboxCard() {
  const { t } = useTranslation();
  const inbox = useInbox();
  if (inbox.isPending) return <LoadingStatus />;
  if (inbox.isError) return <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const count = (status: string) => inbox.data.items.filter((i) => i.status === status).length;
  return (
    <section aria-labelledby="inbox-card-heading" className="section card">
      <h2 id="inbox-card-heading">{t('municipalityInbox.title')}</h2>
      <p>
        {t('municipalityInbox.card.summary', {
          toAck: count('delivered'),
          overdue: count('overdue'),
          done: count('acknowledged'),
        })}
      </p>
      <p>
        <Link to="/casella" className="btn btn-primary">
          {t('municipalityInbox.card.open')}
        </Link>
      </p>
    </section>
  );
}
