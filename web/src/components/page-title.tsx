import { useTranslation } from 'react-i18next';

/** React 19 hoists <title> into <head>: each view names the page (WCAG 2.4.2). */
export function PageTitle({ page }: { page: string }) {
  const { t } = useTranslation();
  return <title>{t('app.pageTitle', { page })}</title>;
}
