import { Suspense, useId, type ReactNode } from 'react';
import { LoadingStatus } from './loading-status';
import { TableScroll } from './table-scroll';

export interface DataColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface DataRow {
  key: string;
  /** The row's header cell (`<th scope="row">`): what the row is about, e.g. the week. */
  header: ReactNode;
  /** One per column after the first; `className` replaces the column's own (e.g. to flag a value). */
  cells: { value: ReactNode; className?: string }[];
}

/**
 * A chart (lazily loaded: recharts stays out of the first page's JS) beside a table of the same
 * numbers: people look at the chart, screen readers and anyone wanting exact values read the table.
 * `chart` may be wrapped in its own figure with controls.
 */
export function ChartBesideTable({
  chart,
  caption,
  columns,
  rows,
}: {
  chart: ReactNode;
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
}) {
  const captionId = useId();
  const numClass = (c: DataColumn | undefined) => (c?.numeric ? 'num' : undefined);
  return (
    <div className="overview-grid">
      <Suspense fallback={<LoadingStatus />}>{chart}</Suspense>
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={numClass(c)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.header}</th>
                {r.cells.map((cell, i) => (
                  <td key={i} className={cell.className ?? numClass(columns[i + 1])}>
                    {cell.value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
