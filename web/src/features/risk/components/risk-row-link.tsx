import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A student's name in a risk list: the row's only tab stop (issue 19), and its details on demand.
 * The details (why each chip signals, a reviewer's reason) show while the name has the focus or
 * the pointer, describe the link for screen readers, and Escape hides them (WCAG 1.4.13).
 * `onOpen` runs on the click, before the navigation: the page's data is asked for at once.
 */
export function RiskRowLink({
  to,
  children,
  details,
  onOpen,
}: {
  to: string;
  children: ReactNode;
  details: ReactNode | null;
  onOpen?: () => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="tooltip-anchor" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <Link
        to={to}
        aria-describedby={details ? id : undefined}
        onClick={onOpen}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {children}
      </Link>
      {details && (
        <span role="tooltip" id={id} className="tooltip tooltip-wide" hidden={!open}>
          {details}
        </span>
      )}
    </span>
  );
}
