import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@primm/shared/contracts/imports';
import { ImportCounts } from './import-counts';
import { ImportErrorsTable } from './import-errors-table';
import { ImportFileBreakdown } from './import-file-breakdown';
import { ImportTransfersTable } from './import-transfers-table';
import { ImportWarnings } from './import-warnings';
import { NothingImported } from './nothing-imported';

/** Announced (status) and focused: after a long commit the user may be looking elsewhere. */
export function ImportResultPanel({ result, onRestart }: { result: ImportResult; onRestart: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby="import-result-heading" className="import-step">
      <div role="status" className="callout callout-success">
        <h2 id="import-result-heading" tabIndex={-1} ref={headingRef}>
          {t('imports.result.title')}
        </h2>
        <ImportCounts counts={result} tense="result" title={t('imports.result.countsTitle')} />
      </div>
      <NothingImported reason={result.nothingImported} tense="result" />
      <ImportFileBreakdown files={result.fileSummaries} tense="result" />
      <ImportWarnings warnings={result.warnings} />
      <ImportTransfersTable transfers={result.transfers} />
      {result.errors.length > 0 && (
        <ImportErrorsTable errors={result.errors} caption={t('imports.result.errorsCaption')} />
      )}
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={onRestart}>
          {t('imports.result.again')}
        </button>
      </div>
    </section>
  );
}
