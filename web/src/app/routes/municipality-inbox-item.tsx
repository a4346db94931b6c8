import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { InboxItemView } from '../../features/municipality-inbox/components/inbox-item-view';
import { Forbidden } from './forbidden';
import { NotFound } from './not-found';

/** One report or list received by the municipal office, with its acknowledgement form. */
export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  if (!id.success) return <NotFound />;
  if (me?.role !== 'comune') return <Forbidden title={t('municipalityInbox.item.title')} />;
  return (
    <>
      <p className="back-link">
        <Link to="/casella">{t('municipalityInbox.item.back')}</Link>
      </p>
      <InboxItemView key={id.data} itemId={id.data} />
    </>
  );
}
