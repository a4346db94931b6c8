import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { ImportHistory } from '../../features/imports/components/import-history';
import { ImportWizard } from '../../features/imports/components/import-wizard';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('imports.title')} />
      <h1>{t('imports.title')}</h1>
      {me?.role === 'admin' || me?.role === 'referente' ? (
        <>
          <p className="lead">{t('imports.intro')}</p>
          <p>
            {/* The format is documented in the repository only (docs/data-format.md); there is no web page for it. */}
            <Trans i18nKey="imports.formatHelp" components={{ code: <code className="code" /> }} />
          </p>
          <ImportWizard canConfirmTransfers={me.role === 'admin'} />
          <ImportHistory />
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
