import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';

/** A page the role may not open: the server refuses too; this spares requests that can only fail, and leads home. */
export function Forbidden({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={title} />
      <h1>{title}</h1>
      <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
