import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileSummary } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { ImportUpdateReasons } from './import-update-reasons';

type Props = { files: ImportFileSummary[]; tense: 'preview' | 'result' };

/**
 * File by file what the import does, in the words of each kind (students new / updated /
 * unchanged, absences and grades added / changed) with the days each file covers; then, for
 * every file with updates, why its rows change. Rows left aside are shown with their reasons.
 */
export function ImportFileBreakdown({ files, tense }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  if (files.length === 0) return null;
  const n = (value: number) => formatNumber(value, i18n.language);
  // Rows left aside on purpose (another region, a teacher, `tobedeleted`): a column only when some file has them.
  const anySkipped = files.some((f) => (f.skipped ?? []).length > 0);
  const skipped = (f: ImportFileSummary) => (f.skipped ?? []).map((s) => `${n(s.rows)} ${s.reason}`).join(', ') || n(0);
  const period = (f: ImportFileSummary) =>
    f.dateFrom && f.dateTo
      ? t('importDetails.breakdown.period', {
          from: formatDate(f.dateFrom, i18n.language),
          to: formatDate(f.dateTo, i18n.language),
        })
      : t('common.none');

  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact">
          <caption id={captionId}>{t(`importDetails.breakdown.caption.${tense}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importDetails.breakdown.file')}</th>
              <th scope="col">{t('importDetails.breakdown.kind')}</th>
              <th scope="col" className="num">
                {t(`importDetails.breakdown.inserted.${tense}`)}
              </th>
              <th scope="col" className="num">
                {t(`importDetails.breakdown.updated.${tense}`)}
              </th>
              <th scope="col" className="num">
                {t('importDetails.breakdown.unchanged')}
              </th>
              <th scope="col" className="num">
                {t('importDetails.breakdown.rejected')}
              </th>
              {anySkipped && <th scope="col">{t('importDetails.breakdown.skipped')}</th>}
              <th scope="col">{t('importDetails.breakdown.dates')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.file}>
                <th scope="row" className="code">
                  {f.file}
                </th>
                <td>{t(`importDetails.kinds.${f.kind}`)}</td>
                <td className="num">{n(f.inserted)}</td>
                <td className="num">{n(f.updated)}</td>
                <td className="num">{n(f.unchanged)}</td>
                <td className="num">{n(f.rejected)}</td>
                {anySkipped && <td>{skipped(f)}</td>}
                <td className="nowrap">{period(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {files
        .filter((f) => f.updated > 0)
        .map((f) => (
          <ImportUpdateReasons key={f.file} file={f} tense={tense} />
        ))}
    </>
  );
}
