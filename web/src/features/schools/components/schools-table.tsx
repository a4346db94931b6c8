import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolSummary } from '@primm/shared/contracts/schools';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

export function SchoolsTable({ schools }: { schools: SchoolSummary[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <TableScroll labelledBy={captionId}>
      {/* a card per school on a phone: municipality and students were off screen to the right */}
      <table className="table table-cards">
        <caption id={captionId}>{t('schools.tableCaption', { count: schools.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schools.code')}</th>
            <th scope="col">{t('schools.name')}</th>
            <th scope="col">{t('schools.municipality')}</th>
            <th scope="col">{t('schools.province')}</th>
            <th scope="col">{t('schools.kind')}</th>
            <th scope="col" className="num">
              {t('schools.classes')}
            </th>
            <th scope="col" className="num">
              {t('schools.students')}
            </th>
          </tr>
        </thead>
        <tbody>
          {schools.map((school) => (
            <tr key={school.code}>
              <td className="code" data-label={t('schools.code')}>
                {school.code}
              </td>
              <th scope="row">
                <Link to={`/scuole/${encodeURIComponent(school.code)}`}>{school.name}</Link>
              </th>
              <td data-label={t('schools.municipality')}>{school.municipality}</td>
              <td data-label={t('schools.province')}>
                <abbr title={t(`domain.province.${school.province}`)}>{school.province}</abbr>
              </td>
              <td data-label={t('schools.kind')}>
                {school.kind}
                {school.paritaria && (
                  <>
                    {' '}
                    <span className="badge">{t('schools.paritaria')}</span>
                  </>
                )}
              </td>
              <td className="num" data-label={t('schools.classes')}>
                {n(school.classes)}
              </td>
              <td className="num" data-label={t('schools.students')}>
                {n(school.students)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
