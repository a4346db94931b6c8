import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassStudent } from '@primm/shared/contracts/classes';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/format';

export function ClassStudentsTable({ students }: { students: ClassStudent[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const date = (iso: string) => formatDate(iso, i18n.language);

  function left(s: ClassStudent): string {
    if (!s.leftOn) return t('common.none');
    return s.exitReason
      ? t('classes.leftOnWithReason', { date: date(s.leftOn), reason: s.exitReason })
      : date(s.leftOn);
  }

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>{t('classes.studentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('classes.lastName')}</th>
            <th scope="col">{t('classes.firstName')}</th>
            <th scope="col">{t('classes.sex')}</th>
            <th scope="col">{t('classes.birthDate')}</th>
            <th scope="col">{t('classes.citizenship')}</th>
            <th scope="col">{t('classes.bornInItaly')}</th>
            <th scope="col">{t('classes.l2Level')}</th>
            <th scope="col">{t('classes.enteredOn')}</th>
            <th scope="col">{t('classes.leftOn')}</th>
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.id} className={s.leftOn ? 'row-muted' : undefined}>
              <th scope="row">{s.lastName}</th>
              <td>{s.firstName}</td>
              <td>{t(`domain.sex.${s.sex}`)}</td>
              <td>{date(s.birthDate)}</td>
              <td>{s.citizenship}</td>
              <td>{s.bornInItaly ? t('common.yes') : t('common.no')}</td>
              <td>{s.l2Level ?? t('common.none')}</td>
              <td>{date(s.enteredOn)}</td>
              <td>{left(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
