import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Province } from '@primm/shared/contracts/provinces';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

export function ProvincesTable({ provinces }: { provinces: Province[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const total = provinces.reduce(
    (sum, p) => ({ schools: sum.schools + p.schools, students: sum.students + p.students }),
    { schools: 0, students: 0 },
  );
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>{t('regions.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regions.province')}</th>
            <th scope="col">{t('regions.code')}</th>
            <th scope="col" className="num">
              {t('regions.schools')}
            </th>
            <th scope="col" className="num">
              {t('regions.students')}
            </th>
          </tr>
        </thead>
        <tbody>
          {provinces.map((p) => (
            <tr key={p.code}>
              <th scope="row">{p.name}</th>
              <td>{p.code}</td>
              <td className="num">{n(p.schools)}</td>
              <td className="num">{n(p.students)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('regions.total')}
            </th>
            <td className="num">{n(total.schools)}</td>
            <td className="num">{n(total.students)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
