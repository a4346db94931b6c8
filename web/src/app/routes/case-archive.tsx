import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { CaseArchive } from '../../features/cases/components/case-archive';
import { CASELOAD_ROLES } from './cases';
import { Forbidden } from './forbidden';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !CASELOAD_ROLES.includes(me.role)) return <Forbidden title={t('caseArchive.title')} />;
  return (
    <>
      <PageTitle page={t('caseArchive.title')} />
      <h1>{t('caseArchive.title')}</h1>
      <p className="lead">{t('caseArchive.intro')}</p>
      <CaseArchive />
    </>
  );
}
