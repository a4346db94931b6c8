import { useTranslation } from 'react-i18next';
import type { Role } from '@primm/shared/contracts/auth';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { ReferralCountsTable } from '../../features/referrals/components/referral-counts-table';
import { WhatWorksView } from '../../features/what-works/components/what-works-view';
import { Forbidden } from './forbidden';

/** The roles the server answers (GET /api/what-works). */
export const WHAT_WORKS_ROLES: readonly Role[] = ['mediatore', 'referente', 'analista', 'admin'];

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !WHAT_WORKS_ROLES.includes(me.role)) return <Forbidden title={t('whatWorks.title')} />;
  return (
    <>
      <PageTitle page={t('whatWorks.title')} />
      <h1>{t('whatWorks.title')}</h1>
      <p className="lead">{t('whatWorks.intro')}</p>
      <WhatWorksView />
      {/* issue 21: the analyst sees referrals to the PUA only as counts */}
      {(me.role === 'analista' || me.role === 'admin') && <ReferralCountsTable />}
    </>
  );
}
