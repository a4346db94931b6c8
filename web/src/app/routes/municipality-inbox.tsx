import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { InboxView } from '../../features/municipality-inbox/components/inbox-view';
import { Forbidden } from './forbidden';

/** The municipal office's inbox (server: GET /municipality-inbox, `comune` only). */
export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  const title = t('municipalityInbox.title');
  if (me?.role !== 'comune') return <Forbidden title={title} />;
  return (
    <>
      <PageTitle page={title} />
      <h1>{title}</h1>
      <InboxView />
    </>
  );
}
