import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dataFormat from '../../../../docs/data-format.md?raw';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { FormatDocument } from '../../features/import-format/components/format-document';
import { TemplateLinks } from '../../features/import-format/components/template-links';

/** The format of the school files, from docs/data-format.md itself (read at build time), with the templates. */
export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  const imports = me?.role === 'admin' || me?.role === 'referente';

  return (
    <>
      <PageTitle page={t('importFormat.title')} />
      {imports && (
        <p className="back-link">
          <Link to="/importazioni">{t('importFormat.back')}</Link>
        </p>
      )}
      <h1>{t('importFormat.title')}</h1>
      <p className="lead">{t('importFormat.intro')}</p>
      {imports && <TemplateLinks />}
      <p>
        <Link to="/integrazione">{t('importFormat.apiLink')}</Link>
      </p>
      <FormatDocument markdown={dataFormat} />
    </>
  );
}
