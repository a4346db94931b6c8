import { useState, type ReactNode } from 'react';

type Props = {
  /** Prefix of the ids: `<id>-heading` names the region, `<id>-body` is what opens. */
  id: string;
  title: string;
  defaultOpen?: boolean;
  /** A line under the heading said whether open or closed (e.g. "16 materie, 93 voti"). */
  note?: ReactNode;
  children: ReactNode;
};

/**
 * A section that opens on demand (the WAI-ARIA accordion's heading button): the student page was
 * about 9 500 px long with every grade row shown (issue 19). The body is rendered only when open,
 * so a closed section fetches no chart code.
 */
export function CollapsibleSection({ id, title, defaultOpen = false, note, children }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section aria-labelledby={`${id}-heading`} className="section collapsible">
      <h2 id={`${id}-heading`} className="collapsible-heading">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="collapsible-icon">
            {open ? '▾' : '▸'}
          </span>{' '}
          {title}
        </button>
      </h2>
      {note && <p className="collapsible-note">{note}</p>}
      <div id={`${id}-body`} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
