import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { HomeLink } from '../home-link';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('notFound.title')} />
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <HomeLink />
    </>
  );
}

export { NotFound as Component };
