import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deadlines } from '@primm/shared/contracts/compulsory';
import { TableScroll } from '../../../components/table-scroll';

export type DeadlineRow = Deadlines['toNotify'][number];
export type DeadlineColumn = { header: string; cell: (row: DeadlineRow) => ReactNode; numeric?: boolean };

type Props = { title: string; hint: string; empty: string; rows: DeadlineRow[]; columns: DeadlineColumn[] };

/** One group of deadlines: a table whose first cell links to the student's page, or a reassuring empty state. */
export function DeadlineSection({ title, hint, empty, rows, columns }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  return (
    <section aria-labelledby={headingId} className="section deadline-section">
      <h2 id={headingId}>
        {title}{' '}
        {rows.length > 0 && <span className="badge">{t('compulsory.deadlines.count', { n: rows.length })}</span>}
      </h2>
      <p className="hint">{hint}</p>
      {rows.length === 0 ? (
        <p className="empty-state empty-state-ok">
          <span aria-hidden="true">✓ </span>
          {empty}
        </p>
      ) : (
        <TableScroll labelledBy={captionId}>
          {/* on a phone each student is a card: the deadline and days left were off screen to the right */}
          <table className="table table-cards">
            <caption id={captionId} className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('compulsory.deadlines.student')}</th>
                <th scope="col">{t('compulsory.deadlines.class')}</th>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.studentId}>
                  <th scope="row">
                    <Link to={`/studenti/${row.studentId}`}>
                      {row.lastName} {row.firstName}
                    </Link>
                  </th>
                  <td data-label={t('compulsory.deadlines.class')}>{row.className}</td>
                  {columns.map((c) => (
                    <td key={c.header} className={c.numeric ? 'num' : undefined} data-label={c.header}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
