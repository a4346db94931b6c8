import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { PendingArrivalsAlert } from '../../features/arrivals/components/pending-arrivals-alert';
import { useMe } from '../../features/auth/api/get-me';
import { Caseload } from '../../features/cases/components/caseload';
import { Forbidden } from './forbidden';

/** Who works on cases (server: CASE_ROLES); a mediator also lands here from `/` (home.tsx). */
export const CASELOAD_ROLES = ['mediatore', 'referente', 'admin'];

export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !CASELOAD_ROLES.includes(me.role)) return <Forbidden title={t('cases.caseload.title')} />;
  return (
    <>
      <PageTitle page={t('cases.caseload.title')} />
      <h1>{t('cases.caseload.title')}</h1>
      <p className="lead">{t('cases.caseload.intro')}</p>
      <PendingArrivalsAlert />
      <Caseload meId={me.id} />
    </>
  );
}

export { CaseloadPage as Component, CaseloadPage as default };
