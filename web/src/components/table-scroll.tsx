import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on small screens; the scrolling box must be reachable by keyboard
 * (WCAG 2.1.1), so it is focusable and named after the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
