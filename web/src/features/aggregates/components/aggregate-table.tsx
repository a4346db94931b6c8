import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { TableScroll } from '../../../components/table-scroll';
import { formatValue, type ChartModel, type ModelRow } from './chart-model';
import { useFormatNumber } from './use-shape-text';

/** The chart's numbers as a table: same rows, same columns, `<10` and `n.d.` as published. */
export function AggregateTable({
  model,
  caption,
  printed = false,
}: {
  model: ChartModel;
  caption: string;
  /** For paper only (the report's table under its chart): no scrolling box, nothing to reach by keyboard. */
  printed?: boolean;
}) {
  const captionId = useId();
  const format = useFormatNumber();
  const navigate = useNavigate();
  const cells = (row: ModelRow) =>
    model.series.map((s) => (
      <td key={s.key} className="num">
        {formatValue(row.values[s.key] ?? null, s.unit, format)}
      </td>
    ));

  const table = (
    <table className="table table-compact">
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{model.rowHeader}</th>
          {model.series.map((s) => (
            <th key={s.key} scope="col" className="num">
              {s.unit === 'share' ? `${s.label} (%)` : s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.rows.map((row) => (
          // the whole row opens its group for a pointer; the link in its header is the keyboard's way
          <tr
            key={row.key}
            className={row.href ? 'row-link' : undefined}
            onClick={row.href ? () => void navigate(row.href!) : undefined}
          >
            <th scope="row">{row.href ? <Link to={row.href}>{row.label}</Link> : row.label}</th>
            {cells(row)}
          </tr>
        ))}
      </tbody>
      {model.total && (
        <tfoot>
          <tr>
            <th scope="row">{model.total.label}</th>
            {cells(model.total)}
          </tr>
        </tfoot>
      )}
    </table>
  );
  return printed ? table : <TableScroll labelledBy={captionId}>{table}</TableScroll>;
}
