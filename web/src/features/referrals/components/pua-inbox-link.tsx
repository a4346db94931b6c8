import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePuaReferrals } from '../api/get-pua-referrals';
import { inboxGroupOf } from './pua-inbox-groups';

/** On the PUA's home: how many referrals wait for an answer (how many overdue), and the way to the inbox. */
export function PuaInboxLink() {
  const { t } = useTranslation();
  const items = usePuaReferrals().data?.items;
  const count = (group: ReturnType<typeof inboxGroupOf>) => items?.filter((r) => inboxGroupOf(r) === group).length ?? 0;
  return (
    <section aria-labelledby="pua-inbox-link" className="section">
      <h2 id="pua-inbox-link">{t('referrals.inbox.title')}</h2>
      {items && (
        <p>
          {t('referrals.inbox.summary', {
            waiting: count('waiting') + count('overdue'),
            overdue: count('overdue'),
            inProgress: count('inProgress'),
          })}
        </p>
      )}
      <p>
        <Link to="/invii" className="btn btn-primary">
          {t('referrals.inbox.link')}
        </Link>
      </p>
    </section>
  );
}
