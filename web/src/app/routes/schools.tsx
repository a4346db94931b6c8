import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { SchoolSearch } from '../../features/schools/components/school-search';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('schools.title')} />
      <h1>{t('schools.title')}</h1>
      <p className="lead">{t('schools.intro')}</p>
      <SchoolSearch />
    </>
  );
}
