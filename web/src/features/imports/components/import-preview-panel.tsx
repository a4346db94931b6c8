import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@primm/shared/contracts/imports';
import { ImportCounts } from './import-counts';
import { ImportErrorsTable } from './import-errors-table';
import { ImportFileBreakdown } from './import-file-breakdown';
import { ImportTransfersTable } from './import-transfers-table';
import { ImportWarnings } from './import-warnings';
import { MissingStudents } from './missing-students';
import { NothingImported } from './nothing-imported';
import { UploadedFilesTable } from './uploaded-files-table';

/** The dry run's answer. Focus moves to its heading, so keyboard and screen-reader users land on it. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby="import-preview-heading" className="import-step">
      <h2 id="import-preview-heading" tabIndex={-1} ref={headingRef}>
        {t('imports.preview.title')}
      </h2>
      <div className="callout callout-info">
        <p>{t('imports.preview.nothingWritten')}</p>
      </div>
      <NothingImported reason={preview.nothingImported} tense="preview" />
      <h3>{t('imports.preview.schools')}</h3>
      <ul className="school-list">
        {preview.schools.map((school) => (
          <li key={school.code}>
            <span className="code">{school.code}</span> {school.name}{' '}
            {!school.known && (
              <span className="badge" title={t('imports.preview.newHint')}>
                {t('imports.preview.new')}
                <span className="visually-hidden"> ({t('imports.preview.newHint')})</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ImportCounts counts={preview} tense="preview" title={t('imports.preview.countsTitle')} />
      <MissingStudents missing={preview.missingStudents} />
      <ImportFileBreakdown files={preview.fileSummaries} tense="preview" />
      <UploadedFilesTable files={preview.files} />
      <ImportWarnings warnings={preview.warnings} />
      <ImportTransfersTable transfers={preview.transfers} />
      {preview.errors.length > 0 && (
        <ImportErrorsTable errors={preview.errors} caption={t('imports.preview.errorsCaption')} />
      )}
    </section>
  );
}
