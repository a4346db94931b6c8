import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '@primm/shared/contracts/imports';

/** Notes about whole files, not rows (a default taken, data the format cannot carry, a recompute to redo). */
export function ImportWarnings({ warnings }: { warnings: ImportIssue[] | undefined }) {
  const { t } = useTranslation();
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="callout callout-warning">
      <h3>{t('imports.warnings.title', { count: warnings.length })}</h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w.file ? `${w.file}: ${w.message}` : w.message}</li>
        ))}
      </ul>
    </div>
  );
}
