import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingStudents as Missing } from '@primm/shared/contracts/imports';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

/**
 * Students the school holds that the new studenti.csv does not list. The import keeps them
 * enrolled: a file of another school or year would otherwise add its students to these unnoticed.
 */
export function MissingStudents({ missing }: { missing: Missing[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <div className="callout callout-warning" role="region" aria-label={t('importDetails.missing.region')}>
      {missing.map((m) => (
        <MissingOfFile key={m.file} m={m} />
      ))}
    </div>
  );
}

function MissingOfFile({ m }: { m: Missing }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <div>
      <h3>
        {t('importDetails.missing.title', {
          count: m.count,
          n: n(m.count),
          school: `${m.school.code} ${m.school.name}`,
        })}
      </h3>
      <p>{t('importDetails.missing.explain', { file: m.file })}</p>
      <details open={m.count <= 10}>
        <summary>{t('importDetails.missing.show', { count: m.count, n: n(m.count) })}</summary>
        <TableScroll labelledBy={captionId}>
          <table className="table table-compact">
            <caption id={captionId} className="visually-hidden">
              {t('importDetails.missing.caption', { school: m.school.code })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('importDetails.missing.student')}</th>
                <th scope="col">{t('importDetails.missing.class')}</th>
              </tr>
            </thead>
            <tbody>
              {m.students.map((s, i) => (
                <tr key={`${s.lastName}|${s.firstName}|${s.className}|${i}`}>
                  <th scope="row">
                    {s.lastName} {s.firstName}
                  </th>
                  <td>{s.className}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {m.count > m.students.length && (
          <p className="hint">
            {t('importDetails.missing.more', { count: m.count - m.students.length, n: n(m.count - m.students.length) })}
          </p>
        )}
      </details>
    </div>
  );
}
