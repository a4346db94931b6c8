import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@primm/shared/contracts/audit';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/format';
import { actionLabel, roleLabel, schoolsOf } from './audit-labels';
import { formatAuditDetails } from './format-audit-details';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const none = t('common.none');

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>{t('audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.user')}</th>
            <th scope="col">{t('audit.role')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.school')}</th>
            <th scope="col">{t('audit.outcomeColumn')}</th>
            <th scope="col">{t('audit.request')}</th>
            <th scope="col">{t('audit.students')}</th>
            <th scope="col">{t('audit.details')}</th>
            <th scope="col">{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="nowrap">
                {formatDateTime(e.at, i18n.language)}
              </th>
              <td className="code">{e.userEmail ?? none}</td>
              <td>{roleLabel(t, e.role)}</td>
              <td>{actionLabel(t, e.action)}</td>
              <td className="code">{schoolsOf(e.details).join(', ') || none}</td>
              <td>{t(`audit.outcome.${e.outcome}`)}</td>
              <td className="code">{e.method || e.path ? [e.method, e.path].filter(Boolean).join(' ') : none}</td>
              <td>{e.studentIds.length > 0 ? <StudentIds ids={e.studentIds} /> : none}</td>
              <td className="code">{formatAuditDetails(e.details) ?? none}</td>
              <td className="code">{e.ip ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Shown whole up to this many; a caseload read names dozens, and its row grew ≈ 1 000 px tall. */
const SHOWN = 5;

/** The students an entry concerns: the first few, the others behind "and N more" (all still there to read). */
function StudentIds({ ids }: { ids: number[] }) {
  const { t } = useTranslation();
  if (ids.length <= SHOWN) return <>{ids.join(', ')}</>;
  return (
    <details className="inline-details">
      <summary>
        {ids.slice(0, SHOWN).join(', ')} {t('audit.studentsMore', { count: ids.length - SHOWN })}
      </summary>
      {ids.slice(SHOWN).join(', ')}
    </details>
  );
}
