import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatBytes } from '../../../lib/format';

const encodingLabel: Record<UploadedFile['encoding'], string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' };

/** What the importer detected per file (docs/data-format.md "Varianti accettate"): shown so a wrong guess is seen before commit. */
export function UploadedFilesTable({ files }: { files: UploadedFile[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table-compact">
        <caption id={captionId}>{t('imports.files.caption', { count: files.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.files.name')}</th>
            <th scope="col" className="num">
              {t('imports.files.size')}
            </th>
            <th scope="col">{t('imports.files.encoding')}</th>
            <th scope="col">{t('imports.files.delimiter')}</th>
            <th scope="col">{t('imports.files.columns')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.name}>
              <th scope="row" className="code">
                {file.name}
              </th>
              <td className="num nowrap">{formatBytes(file.bytes, i18n.language)}</td>
              <td>{encodingLabel[file.encoding]}</td>
              <td className="code">{file.delimiter === '\t' ? t('imports.files.tab') : file.delimiter}</td>
              <td>{file.columns.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
