import { useId } from 'react';
import { Link } from 'react-router';
import type { ModelRow } from './chart-model';

/**
 * One link per group drawn in the charts below it (issue 20: "Apri una provincia" had nothing to
 * open until the table view). A chart is one image to assistive technology and a bar cannot take
 * the focus, so keyboards and screen readers open a group here; a pointer can also click its bar,
 * its label or its table row. Once per section, not under each chart: the charts share the groups.
 */
export function GroupLinks({ label, rows }: { label: string; rows: ModelRow[] }) {
  const id = useId();
  const linked = rows.filter((r): r is ModelRow & { href: string } => Boolean(r.href));
  if (linked.length === 0) return null;
  return (
    <div className="chart-links no-print">
      <span id={id}>{label}</span>
      <ul aria-labelledby={id}>
        {linked.map((r) => (
          <li key={r.key}>
            <Link to={r.href}>{r.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
