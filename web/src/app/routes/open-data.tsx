import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { OpenDataPage } from '../../features/open-data/components/open-data-page';

/** `/dati`: public, no session (outside RequireSession in the router). */
export function Component() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = Number(params.get('pubblicazione'));

  return (
    <>
      <PageTitle page={t('openData.title')} />
      <h1>{t('openData.title')}</h1>
      <p className="lead">{t('openData.intro')}</p>
      <OpenDataPage selected={Number.isInteger(asked) && asked > 0 ? asked : undefined} />
    </>
  );
}
