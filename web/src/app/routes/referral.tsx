import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { PuaReferralDetail } from '../../features/referrals/components/pua-referral-detail';
import { Forbidden } from './forbidden';
import { NotFound } from './not-found';

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  if (!id.success) return <NotFound />;
  if (!me || (me.role !== 'pua' && me.role !== 'admin'))
    return <Forbidden title={t('referrals.detail.title', { id: id.data })} />;
  // keyed: another referral starts from its own forms
  return <PuaReferralDetail key={id.data} id={id.data} />;
}
