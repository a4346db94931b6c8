import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

type Counts = { inserted: number; updated: number; unchanged: number; rejected: number };

/** The same four numbers before (`preview`: what would change) and after (`result`: what did). */
export function ImportCounts({ counts, tense, title }: { counts: Counts; tense: 'preview' | 'result'; title: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const keys = ['inserted', 'updated', 'unchanged', 'rejected'] as const;

  return (
    <>
      <h3 id={headingId}>{title}</h3>
      <ul className="counts" aria-labelledby={headingId}>
        {keys.map((key) => (
          <li key={key} className={key === 'rejected' && counts.rejected > 0 ? 'counts-rejected' : undefined}>
            {t(`imports.counts.${tense}.${key}`)}: <strong>{formatNumber(counts[key], i18n.language)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}
