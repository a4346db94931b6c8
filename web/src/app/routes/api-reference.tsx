import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { ApiReference } from '../../features/api-reference/components/api-reference';

/** For the people who connect a register or a regional system: the routes, from /api/openapi.json. */
export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('apiReference.title')} />
      <h1>{t('apiReference.title')}</h1>
      <p className="lead">{t('apiReference.intro')}</p>
      <ApiReference />
    </>
  );
}
