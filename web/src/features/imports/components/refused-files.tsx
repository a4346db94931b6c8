import { useTranslation } from 'react-i18next';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import type { CheckedFiles } from '../collect-files';

/** A folder may hold hundreds of stray files: the first ones are named, the rest counted. */
const SHOWN = 20;

export function RefusedFiles({ checked }: { checked: CheckedFiles }) {
  const { t } = useTranslation();
  const limits = { maxFiles: UPLOAD_LIMITS.maxFiles, maxMb: UPLOAD_LIMITS.maxFileBytes / 1024 / 1024 };
  const hidden = checked.refused.length - SHOWN;

  return (
    <div role="alert" className="callout callout-warning">
      <p className="callout-title">{t(checked.blocked ? 'imports.refused.blocked' : 'imports.refused.skipped')}</p>
      <ul>
        {checked.refused.slice(0, SHOWN).map((refusal) => (
          <li key={refusal.path}>
            <span className="code">{refusal.path}</span>: {t(`imports.refused.${refusal.reason}`, limits)}
          </li>
        ))}
        {hidden > 0 && <li>{t('imports.refused.more', { count: hidden })}</li>}
      </ul>
    </div>
  );
}
