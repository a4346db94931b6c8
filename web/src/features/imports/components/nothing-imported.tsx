import { useTranslation } from 'react-i18next';

/**
 * An import that takes no row at all, and the server's reason (rows read, rejected, left aside by
 * reason): a bundle without a school, a registry of another region must not look like success.
 */
export function NothingImported({ reason, tense }: { reason: string | null | undefined; tense: 'preview' | 'result' }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <div role="alert" className="callout callout-danger">
      <p className="callout-title">{t(`imports.nothingImported.${tense}`)}</p>
      <p>{reason}</p>
      <p>{t('imports.nothingImported.hint')}</p>
    </div>
  );
}
