import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatBytes, formatDateTime, formatNumber } from '../../../lib/format';

/** 12 hex digits tell files apart at a glance; the full hash is in the title, to compare with `sha256sum`. */
const shortHash = (sha256: string) => sha256.slice(0, 12);

export function ImportHistoryTable({ batches }: { batches: ImportBatch[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>{t('imports.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.history.startedAt')}</th>
            <th scope="col">{t('imports.history.user')}</th>
            <th scope="col">{t('imports.history.source')}</th>
            <th scope="col">{t('imports.history.status')}</th>
            <th scope="col" className="num">
              {t('imports.history.inserted')}
            </th>
            <th scope="col" className="num">
              {t('imports.history.updated')}
            </th>
            <th scope="col" className="num">
              {t('imports.history.unchanged')}
            </th>
            <th scope="col" className="num">
              {t('imports.history.rejected')}
            </th>
            <th scope="col">{t('imports.history.files')}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id}>
              <th scope="row" className="nowrap">
                {formatDateTime(batch.startedAt, i18n.language)}
              </th>
              <td className="code">
                {batch.userEmail ??
                  (batch.serviceToken
                    ? t('imports.history.serviceToken', { name: batch.serviceToken })
                    : batch.inboxFolder
                      ? t('importInbox.folder', { name: batch.inboxFolder })
                      : t('common.none'))}
              </td>
              <td>{batch.source === 'inbox' ? t('importInbox.source') : t(`imports.source.${batch.source}`)}</td>
              <td>{t(`imports.status.${batch.status}`)}</td>
              <td className="num">{n(batch.inserted)}</td>
              <td className="num">{n(batch.updated)}</td>
              <td className="num">{n(batch.unchanged)}</td>
              <td className="num">{n(batch.rejected)}</td>
              <td>
                {batch.files.length === 0 ? (
                  t('common.none')
                ) : (
                  <details>
                    <summary>{t('imports.history.filesSummary', { count: batch.files.length })}</summary>
                    <ul className="file-hashes">
                      {batch.files.map((file) => (
                        <li key={`${file.name}:${file.sha256}`}>
                          <span className="code">{file.name}</span> ({formatBytes(file.bytes, i18n.language)}){' '}
                          <span className="code" title={file.sha256}>
                            <span className="visually-hidden">SHA-256 </span>
                            {shortHash(file.sha256)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
