import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

/** The server sends the first 200 issues; a page shows the first 50, enough to see the pattern. */
const SHOWN = 50;

export function ImportErrorsTable({ errors, caption }: { errors: ImportIssue[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const shown = errors.slice(0, SHOWN);

  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.issues.file')}</th>
              <th scope="col" className="num">
                {t('imports.issues.line')}
              </th>
              <th scope="col">{t('imports.issues.column')}</th>
              <th scope="col">{t('imports.issues.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, index) => (
              <tr key={`${issue.file}:${issue.line}:${issue.column}:${index}`}>
                <td className="code">{issue.file}</td>
                <td className="num">{formatNumber(issue.line, i18n.language)}</td>
                <td>{issue.column || t('common.none')}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {errors.length > SHOWN && <p className="hint">{t('imports.issues.shown', { shown: SHOWN })}</p>}
    </>
  );
}
