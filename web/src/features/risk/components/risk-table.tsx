import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskRow, RiskSort } from '@primm/shared/contracts/risk';
import { SpacerRow, useVirtualRows } from '../../../components/virtual-rows';
import { formatNumber } from '../../../lib/format';
import { wordExplanation } from '../../../lib/word-message';
import { IndicatorBadge } from './indicator-badge';
import { ProbabilityValue } from './probability-value';
import { RiskMarkersView } from './risk-markers';
import { RiskRowLink } from './risk-row-link';
import { TierValue } from './tier-value';
import { TrendValue } from './trend-value';

type Sorting = { sort: RiskSort; order: 'asc' | 'desc' };
type Props = {
  rows: RiskRow[];
  sorting: Sorting;
  onSort: (sort: RiskSort) => void;
  /** Called when a student's name is clicked, before the navigation (the page asks for its data then). */
  onOpenStudent?: (studentId: number) => void;
};

/** One line per row so the windowing can count on a fixed height (styles.css `.virtual-row`). */
const ROW_HEIGHT = 48;
const COLUMNS = 9;
/** DPR 122/2009 art. 14: at most a quarter of the personalised annual hours absent. */
const LIMIT = 0.25;

/** A header that sorts: the button does it, `aria-sort` on the header says the current order. */
function SortHeader({
  sort,
  label,
  num,
  sorting,
  onSort,
}: {
  sort: RiskSort;
  label: string;
  num?: boolean;
  sorting: Sorting;
  onSort: (sort: RiskSort) => void;
}) {
  const active = sorting.sort === sort;
  return (
    <th
      scope="col"
      className={num ? 'num' : undefined}
      aria-sort={active ? (sorting.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
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
 * The class risk list: every column fits 1366 px (issue 19), the signals are chips that wrap, and
 * a row is one tab stop (its name, whose details say why). Up to 199 rows every row is rendered
 * (a class has ~25) and on a phone each row is a card (styles.css `.table-cards`); from 200 on the
 * rows are windowed with `useVirtualRows` at a fixed height, the header staying in place.
 */
export function RiskTable({ rows, sorting, onSort, onOpenStudent }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const { enabled, window: win, boxProps } = useVirtualRows(rows.length, { rowHeight: ROW_HEIGHT, viewport: 640 });
  const pct = (v: number | null) => (v === null ? t('common.none') : `${formatNumber(v * 100, i18n.language, 1)} %`);
  const label = {
    tier: t('risk.columns.tier'),
    markers: t('riskList.columns.markers'),
    signals: t('riskList.columns.signals'),
    attendance: t('risk.columns.attendance'),
    projected: t('riskList.columns.projected'),
    failing: t('riskList.columns.failing'),
    trend: t('riskList.columns.trend'),
    average: t('risk.columns.average'),
  };

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0} {...boxProps}>
      <table
        className={enabled ? 'table table-sticky' : 'table table-cards risk-table'}
        aria-rowcount={enabled ? rows.length + 1 : undefined}
      >
        <caption id={captionId}>{t('risk.tableCaption', { count: rows.length })}</caption>
        <thead>
          <tr aria-rowindex={enabled ? 1 : undefined}>
            <SortHeader sorting={sorting} onSort={onSort} sort="name" label={t('risk.columns.student')} />
            <SortHeader sorting={sorting} onSort={onSort} sort="tier" label={label.tier} />
            <th scope="col">{label.markers}</th>
            <th scope="col">{label.signals}</th>
            <SortHeader sorting={sorting} onSort={onSort} sort="attendance" label={label.attendance} num />
            <th scope="col" className="num">
              {label.projected}
            </th>
            <th scope="col" className="num">
              {label.failing}
            </th>
            <th scope="col">{label.trend}</th>
            <SortHeader sorting={sorting} onSort={onSort} sort="average" label={label.average} num />
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={win.padTop} colSpan={COLUMNS} />
          {rows.slice(win.first, win.last).map((r, offset) => {
            const index = win.first + offset;
            // only the indicators that signal: ten chips a row would bury them; all ten are on the student's page
            const flagged = r.indicators.filter((i) => i.level !== 'ok');
            const overridden = r.tier !== r.computedTier && r.review;
            const details =
              flagged.length === 0 && !overridden ? null : (
                <>
                  {overridden && (
                    <span className="tooltip-line">
                      {t('risk.overrideReason', { reason: r.review!.reason, by: r.review!.by })}
                    </span>
                  )}
                  {flagged.map((i) => (
                    <span key={i.key} className="tooltip-line">
                      {t(`risk.indicator.${i.key}`)}: {wordExplanation(t, i.explanationKey, i.explanationParams)}
                    </span>
                  ))}
                </>
              );
            return (
              <tr
                key={r.studentId}
                data-index={index}
                aria-rowindex={enabled ? index + 2 : undefined}
                className={enabled ? 'virtual-row' : undefined}
              >
                <th scope="row">
                  <RiskRowLink
                    to={`/studenti/${r.studentId}`}
                    details={details}
                    onOpen={onOpenStudent && (() => onOpenStudent(r.studentId))}
                  >
                    {r.lastName} {r.firstName}
                  </RiskRowLink>
                </th>
                <td data-label={label.tier}>
                  <TierValue computedTier={r.computedTier} tier={r.tier} />{' '}
                  <ProbabilityValue probability={r.probability} />
                </td>
                <td data-label={label.markers}>
                  <RiskMarkersView markers={r.markers} />
                </td>
                <td data-label={label.signals}>
                  {flagged.length === 0 ? (
                    <span className="hint">{t('riskList.noSignals')}</span>
                  ) : (
                    <span className="badge-row">
                      {flagged.map((i) => (
                        <IndicatorBadge key={i.key} indicator={i} />
                      ))}
                    </span>
                  )}
                </td>
                <td className="num" data-label={label.attendance}>
                  {pct(r.attendanceRate)}
                </td>
                <td className="num" data-label={label.projected}>
                  {pct(r.projectedAbsenceRate)}
                  {r.projectedAbsenceRate !== null && r.projectedAbsenceRate > LIMIT && (
                    <span className="over-limit"> {t('risk.overLimit')}</span>
                  )}
                </td>
                <td className="num" data-label={label.failing}>
                  {r.failingSubjects ?? t('common.none')}
                </td>
                <td data-label={label.trend}>
                  <TrendValue points={r.trend} />
                </td>
                <td className="num" data-label={label.average}>
                  {r.average === null ? t('common.none') : formatNumber(r.average, i18n.language, 2)}
                </td>
              </tr>
            );
          })}
          <SpacerRow height={win.padBottom} colSpan={COLUMNS} />
        </tbody>
      </table>
    </div>
  );
}
