import { useTranslation } from 'react-i18next';
import type { SnapshotInfo } from '@primm/shared/contracts/aggregates';
import { dayLabel } from './compare-chart-data';

type Props = {
  compare: boolean;
  onChange: (compare: boolean) => void;
  /** The answer shown (a table, the fairness report): says whether the previous year at the same date could be had. */
  result?: { previous?: { snapshot: SnapshotInfo } | null };
};

/** How the previous year's series are labelled: "2024/25 al 31/01/2025". */
export function usePreviousLabel(): (p: { year: string; snapshot: SnapshotInfo }) => string {
  const { t } = useTranslation();
  return (p) => t('yearOnYear.previousLabel', { year: p.year, date: dayLabel(p.snapshot.periodEnd) });
}

/**
 * "Confronta con l'anno precedente alla stessa data" (issue 22.3): the charts below then show
 * each value beside the previous year's frozen snapshot, and the tables both columns. Says which
 * snapshot, whether it was frozen late, or that there is none for this view.
 */
export function YearOnYearToggle({ compare, onChange, result }: Props) {
  const { t } = useTranslation();
  const previous = compare ? result?.previous : undefined;
  const snapshot = previous?.snapshot;
  const late = snapshot?.dataThrough != null && snapshot.dataThrough > snapshot.periodEnd;
  return (
    // On paper only the notes remain: they say which year and date the printed charts compare with.
    <div>
      <p className="no-print">
        <label className="checkbox">
          <input type="checkbox" checked={compare} onChange={(e) => onChange(e.target.checked)} />
          {t('yearOnYear.toggle')}
        </label>
      </p>
      {compare && result?.previous === null && (
        <p className="hint" role="status">
          {t('yearOnYear.none')}
        </p>
      )}
      {snapshot && (
        <p className="hint">
          {t('yearOnYear.note', { year: snapshot.year, date: dayLabel(snapshot.periodEnd) })}
          {late &&
            ` ${t('yearOnYear.late', { frozen: dayLabel(snapshot.frozenOn), through: dayLabel(snapshot.dataThrough!), date: dayLabel(snapshot.periodEnd) })}`}
        </p>
      )}
    </div>
  );
}
