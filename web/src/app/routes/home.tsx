import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { ProvincesOverview } from '../../features/regions/components/provinces-overview';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('regions.title')} />
      <h1>{t('regions.title')}</h1>
      <p className="lead">{t('regions.intro')}</p>
      <ProvincesOverview />
    </>
  );
}
