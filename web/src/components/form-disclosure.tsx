import { useId, useRef, type ReactNode } from 'react';

type Props = {
  /** The toggle's text, e.g. "Segnala…"; the form is named after it (without the ellipsis). */
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Shown under the toggle once the form closed after a submit (a `Confirmation`, which takes the focus). */
  confirmation?: ReactNode;
  /** The form; `close` hides it and gives the focus back to the toggle (a Cancel button). */
  children: (close: () => void) => ReactNode;
};

/**
 * A form behind a button (the student page's actions, issue 19): hidden until asked for, really
 * hidden when hidden (`[hidden]` beats `.stacked-form`, styles.css), and after a submit the form
 * closes and its confirmation takes the focus.
 */
export function FormDisclosure({ label, open, onOpenChange, confirmation, children }: Props) {
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  function close() {
    onOpenChange(false);
    toggle.current?.focus();
  }
  return (
    <div className="disclosure">
      <button
        ref={toggle}
        type="button"
        className="btn btn-outline btn-block"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      {!open && confirmation}
      <div id={id} hidden={!open} className="disclosure-body">
        {open && children(close)}
      </div>
    </div>
  );
}
