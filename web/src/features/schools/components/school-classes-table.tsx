import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassSummary } from '@primm/shared/contracts/schools';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

export function SchoolClassesTable({
  classes,
  linkToClasses,
  caption,
}: {
  classes: ClassSummary[];
  linkToClasses: boolean;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const n = (value: number) => formatNumber(value, i18n.language, 1);

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table-cards">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schools.detail.className')}</th>
            <th scope="col">{t('schools.detail.schoolYear')}</th>
            <th scope="col" className="num">
              {t('schools.detail.gradeLevel')}
            </th>
            <th scope="col">{t('schools.detail.track')}</th>
            <th scope="col" className="num">
              {t('schools.detail.weeklyHours')}
            </th>
            <th scope="col" className="num">
              {t('schools.detail.annualHours')}
            </th>
            <th scope="col" className="num">
              {t('schools.detail.classStudents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id}>
              <th scope="row">{linkToClasses ? <Link to={`/classi/${c.id}`}>{c.name}</Link> : c.name}</th>
              <td data-label={t('schools.detail.schoolYear')}>{c.schoolYear}</td>
              <td className="num" data-label={t('schools.detail.gradeLevel')}>
                {c.gradeLevel}
              </td>
              <td data-label={t('schools.detail.track')}>
                {c.track ? t(`domain.track.${c.track}`) : t('common.none')}
              </td>
              <td className="num" data-label={t('schools.detail.weeklyHours')}>
                {n(c.weeklyHours)}
              </td>
              <td className="num" data-label={t('schools.detail.annualHours')}>
                {n(c.annualHours)}
              </td>
              <td className="num" data-label={t('schools.detail.classStudents')}>
                {n(c.students)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
