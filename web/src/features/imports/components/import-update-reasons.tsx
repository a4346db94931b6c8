import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileSummary } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

/**
 * Why a file's rows update: each changed column with how many rows, then the first rows with
 * their values, old → new. A value the server does not show (personal data of a student the
 * school does not hold yet, an internal id) is said to be hidden, never guessed.
 */
export function ImportUpdateReasons({ file, tense }: { file: ImportFileSummary; tense: 'preview' | 'result' }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  const value = (v: string | null, shown: boolean) =>
    !shown ? (
      <em>{t('importDetails.reasons.hidden')}</em>
    ) : v === null ? (
      <em>{t('importDetails.reasons.empty')}</em>
    ) : (
      v
    );

  return (
    <section aria-labelledby={headingId} className="update-reasons">
      <h4 id={headingId}>
        {t(`importDetails.reasons.title.${tense}`, { count: file.updated, n: n(file.updated), file: file.file })}
      </h4>
      <ul>
        {file.changedColumns.map((c) => (
          <li key={c.column}>{t('importDetails.reasons.column', { column: c.column, count: c.rows, n: n(c.rows) })}</li>
        ))}
      </ul>
      {file.samples.length > 0 && (
        <TableScroll labelledBy={captionId}>
          <table className="table table-compact">
            <caption id={captionId}>{t('importDetails.reasons.samples', { count: file.samples.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('importDetails.reasons.line')}
                </th>
                <th scope="col">{t('importDetails.reasons.columnHeader')}</th>
                <th scope="col">{t('importDetails.reasons.from')}</th>
                <th scope="col">{t('importDetails.reasons.to')}</th>
              </tr>
            </thead>
            <tbody>
              {file.samples.flatMap((s) =>
                s.changes.map((c, i) => (
                  <tr key={`${s.line}:${c.column}`}>
                    {i === 0 ? (
                      <th scope="row" className="num" rowSpan={s.changes.length}>
                        {n(s.line)}
                      </th>
                    ) : null}
                    <td>{c.column}</td>
                    <td>{value(c.from, c.shown)}</td>
                    <td>{value(c.to, c.shown)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
