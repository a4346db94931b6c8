import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/api/get-me';
import { PuaInbox } from '../../features/referrals/components/pua-inbox';
import { Forbidden } from './forbidden';

/** The PUA's inbox (issue 21); the admin reads it too, every PUA's. */
export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || (me.role !== 'pua' && me.role !== 'admin')) return <Forbidden title={t('referrals.inbox.title')} />;
  return <PuaInbox />;
}
