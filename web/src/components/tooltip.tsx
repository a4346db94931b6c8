import { useId, useState, type ReactNode } from 'react';

type Props = {
  /** What the trigger button shows. */
  children: ReactNode;
  /** The explanation, shown on hover and on keyboard focus, and read as the button's description. */
  content: ReactNode;
  /** Extra class of the trigger, e.g. the badge's level colour. */
  className?: string;
};

/**
 * WAI-ARIA tooltip: the trigger is a button (reachable by Tab) described by the tooltip through
 * `aria-describedby`, so the sentence is read whether or not it is shown. It appears on hover and
 * focus, stays while hovered, and Escape hides it (WCAG 1.4.13).
 */
export function Tooltip({ children, content, className }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="tooltip-anchor" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={className ? `tooltip-trigger ${className}` : 'tooltip-trigger'}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {children}
      </button>
      <span role="tooltip" id={id} className="tooltip" hidden={!open}>
        {content}
      </span>
    </span>
  );
}
