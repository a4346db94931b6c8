import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { Worklist } from '../../features/worklist/components/worklist';
import { CASELOAD_ROLES } from './cases';
import { Forbidden } from './forbidden';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !CASELOAD_ROLES.includes(me.role)) return <Forbidden title={t('worklist.title')} />;
  return (
    <>
      <PageTitle page={t('worklist.title')} />
      <h1>{t('worklist.title')}</h1>
      <p className="lead">{t('worklist.intro')}</p>
      <Worklist />
    </>
  );
}
