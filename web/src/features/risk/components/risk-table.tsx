import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RiskRow, RiskSort } from '@primm/shared/contracts/risk';
import { SpacerRow, useVirtualRows } from '../../../components/virtual-rows';
import { formatNumber } from '../../../lib/format';
import { IndicatorBadge } from './indicator-badge';
import { TierValue } from './tier-value';
import { TrendValue } from './trend-value';

type Sorting = { sort: RiskSort; order: 'asc' | 'desc' };
type Props = { rows: RiskRow[]; sorting: Sorting; onSort: (sort: RiskSort) => void };

/** One line per row so the windowing can count on a fixed height (styles.css `.virtual-row`). */
const ROW_HEIGHT = 48;
const COLUMNS = 8;
/** DPR 122/2009 art. 14: at most a quarter of the personalised annual hours absent. */
const LIMIT = 0.25;

/** A header that sorts: the button does it, `aria-sort` on the header says the current order. */
function SortHeader({ sort, label, num, sorting, onSort }: { sort: RiskSort; label: string; num?: boolean; sorting: Sorting; onSort: (sort: RiskSort) => void }) {
  const active = sorting.sort === sort;
  return (
    <th scope="col" className={num ? 'num' : undefined} aria-sort={active ? (sorting.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true" className="sort-icon">
          {active ? (sorting.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The class risk list. Up to 199 rows every row is rendered (a class has ~25); from 200 on
 * (a school's list) the rows are windowed with `useVirtualRows`, the header staying in place.
 */
export function RiskTable({ rows, sorting, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const { enabled, window: win, boxProps } = useVirtualRows(rows.length, { rowHeight: ROW_HEIGHT, viewport: 640 });
  const pct = (v: number | null) => (v === null ? t('common.none') : `${formatNumber(v * 100, i18n.language, 1)} %`);

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0} {...boxProps}>
      <table className={enabled ? 'table table-sticky' : 'table'} aria-rowcount={enabled ? rows.length + 1 : undefined}>
        <caption id={captionId}>{t('risk.tableCaption', { count: rows.length })}</caption>
        <thead>
          <tr aria-rowindex={enabled ? 1 : undefined}>
            <SortHeader sorting={sorting} onSort={onSort} sort="name" label={t('risk.columns.student')} />
            <SortHeader sorting={sorting} onSort={onSort} sort="tier" label={t('risk.columns.tier')} />
            <th scope="col">{t('risk.columns.indicators')}</th>
            <SortHeader sorting={sorting} onSort={onSort} sort="attendance" label={t('risk.columns.attendance')} num />
            <th scope="col" className="num">
              {t('risk.columns.projected')}
            </th>
            <th scope="col" className="num">
              {t('risk.columns.failing')}
            </th>
            <th scope="col">{t('risk.columns.trend')}</th>
            <SortHeader sorting={sorting} onSort={onSort} sort="average" label={t('risk.columns.average')} num />
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={win.padTop} colSpan={COLUMNS} />
          {rows.slice(win.first, win.last).map((r, offset) => {
            const index = win.first + offset;
            const flagged = r.indicators.filter((i) => i.level !== 'ok');
            return (
              <tr key={r.studentId} data-index={index} aria-rowindex={enabled ? index + 2 : undefined} className={enabled ? 'virtual-row' : undefined}>
                <th scope="row">
                  <Link to={`/studenti/${r.studentId}`}>
                    {r.lastName} {r.firstName}
                  </Link>
                </th>
                <td>
                  <TierValue computedTier={r.computedTier} tier={r.tier} review={r.review} />
                </td>
                <td>
                  {/* only the indicators that signal: ten badges a row would bury them; all ten are on the student's page */}
                  <span className="badge-row">
                    {flagged.map((i) => (
                      <IndicatorBadge key={i.key} indicator={i} />
                    ))}
                    <span className="hint">{t('risk.okCount', { count: r.indicators.length - flagged.length })}</span>
                  </span>
                </td>
                <td className="num">{pct(r.attendanceRate)}</td>
                <td className="num">
                  {pct(r.projectedAbsenceRate)}
                  {r.projectedAbsenceRate !== null && r.projectedAbsenceRate > LIMIT && <span className="over-limit"> {t('risk.overLimit')}</span>}
                </td>
                <td className="num">{r.failingSubjects ?? t('common.none')}</td>
                <td>
                  <TrendValue points={r.trend} />
                </td>
                <td className="num">{r.average === null ? t('common.none') : formatNumber(r.average, i18n.language, 2)}</td>
              </tr>
            );
          })}
          <SpacerRow height={win.padBottom} colSpan={COLUMNS} />
        </tbody>
      </table>
    </div>
  );
}
