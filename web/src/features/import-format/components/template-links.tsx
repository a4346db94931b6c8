import { useTranslation } from 'react-i18next';
import { SCHOOL_FILE_NAMES } from '@primm/shared/import-format/school-files';

/**
 * One template per file of a school folder, from the server (the columns the importer reads, one
 * example row), named as the folder wants it: save, fill in, upload.
 */
export function TemplateLinks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-templates-heading" className="form-card">
      <h2 id="import-templates-heading">{t('importFormat.templates.title')}</h2>
      <p>{t('importFormat.templates.intro')}</p>
      <ul className="template-links">
        {SCHOOL_FILE_NAMES.map((file) => (
          <li key={file}>
            <a href={`/api/imports/templates/${file}`} download={file}>
              {t('importFormat.templates.download', { file })}
            </a>{' '}
            <span className="hint">– {t(`importFormat.templates.describe.${file.replace('.csv', '')}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
