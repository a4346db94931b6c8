import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The contract's timetable is six numbers, Monday to Saturday (many Italian schools teach on Saturday). */
export function ClassTimetable({ hours }: { hours: number[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table-compact">
        <caption id={captionId}>{t('classes.timetableCaption')}</caption>
        <thead>
          <tr>
            {days.map((day) => (
              <th key={day} scope="col" className="num">
                {t(`classes.days.${day}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {days.map((day, i) => (
              <td key={day} className="num">
                {formatNumber(hours[i] ?? 0, i18n.language, 1)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
