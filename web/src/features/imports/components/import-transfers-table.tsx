import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTransfer } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

/**
 * Students found by codice fiscale in another school, apart from the other rows: accepted
 * transfers (that school recorded the exit), conflicts (it still holds the student: rejected
 * unless the admin confirms) and confirmed ones. Only the other school is named, never what it
 * recorded about the student.
 */
export function ImportTransfersTable({ transfers }: { transfers: ImportTransfer[] | undefined }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  if (!transfers || transfers.length === 0) return null;
  const conflicts = transfers.filter((tr) => tr.status === 'conflict').length;

  return (
    <div className={conflicts > 0 ? 'callout callout-warning' : 'callout callout-info'}>
      <h3>{t('imports.transfers.title', { count: transfers.length })}</h3>
      <p>{t('imports.transfers.intro')}</p>
      {conflicts > 0 && <p>{t('imports.transfers.conflictHint', { count: conflicts })}</p>}
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact">
          <caption id={captionId}>{t('imports.transfers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.issues.file')}</th>
              <th scope="col" className="num">
                {t('imports.issues.line')}
              </th>
              <th scope="col">{t('imports.transfers.status')}</th>
              <th scope="col">{t('imports.transfers.school')}</th>
            </tr>
          </thead>
          <tbody>
            {transfers.map((tr) => (
              <tr key={`${tr.file}:${tr.line}`}>
                <td className="code">{tr.file}</td>
                <td className="num">{formatNumber(tr.line, i18n.language)}</td>
                <td>{t(`imports.transfers.statuses.${tr.status}`)}</td>
                <td>
                  <span className="code">{tr.school.code}</span> {tr.school.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
