import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LevelMove } from '@primm/shared/contracts/recompute-result';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';

/** How many students went from one level to another in the recompute: before → after, a small table. */
export function LevelMoves({ moves }: { moves: LevelMove[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  if (moves.length === 0) return <p>{t('riskSettings.recompute.noMoves')}</p>;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table-compact">
        <caption id={captionId}>{t('riskSettings.recompute.movesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('riskSettings.recompute.before')}</th>
            <th scope="col">{t('riskSettings.recompute.after')}</th>
            <th scope="col" className="num">
              {t('riskSettings.recompute.movedStudents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => (
            <tr key={`${m.from}-${m.to}`}>
              <th scope="row">{t('riskSettings.recompute.level', { level: m.from })}</th>
              <td>
                <span aria-hidden="true">→ </span>
                {t('riskSettings.recompute.level', { level: m.to })}
              </td>
              <td className="num">{formatNumber(m.students, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
