import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { TemplateLinks } from '../../features/import-format/components/template-links';
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
            <Trans i18nKey="imports.formatHelp" components={{ formatLink: <Link to="/importazioni/formato" /> }} />
          </p>
          <ImportWizard canConfirmTransfers={me.role === 'admin'} />
          <TemplateLinks />
          <ImportHistory />
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
