import { useTranslation } from 'react-i18next';
import type { Me } from '@primm/shared/contracts/auth';
import { PageTitle } from '../../../components/page-title';
import { InboxCard } from '../../municipality-inbox/components/inbox-card';
import { PuaInboxLink } from '../../referrals/components/pua-inbox-link';

/**
 * The home of a PUA operator or a municipal office (issue 21): who they serve, and the way to what
 * waits for them (a PUA's referrals, a municipality's reports and October lists).
 */
export function AgencyHome({ me }: { me: Me & { role: 'pua' | 'comune' } }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('agencyHome.title')} />
      <h1>{t('agencyHome.title')}</h1>
      <p className="lead">{t(`agencyHome.intro_${me.role}`)}</p>
      <section aria-labelledby="agency-served">
        <h2 id="agency-served">{t('agencyHome.served')}</h2>
        {me.municipalities.length === 0 ? (
          <p>{t('agencyHome.none')}</p>
        ) : (
          <ul>
            {me.municipalities.map((m) => (
              <li key={m.code}>
                {m.name} <span className="hint">({m.code})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {me.role === 'comune' && <InboxCard />}
      {me.role === 'pua' && <PuaInboxLink />}
    </>
  );
}
