import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * What a form's submit did, focused as it appears: keyboard and screen-reader users land on the
 * result instead of on a button that may have gone (issue 19). Key it by the submit
 * (`key={mutation.submittedAt}`) so that a second save is focused and read again.
 */
export function Confirmation({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  const ref = useRef<HTMLDivElement>(null);
  // on commit, before the browser paints: nothing can act on the old focus in between
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={`callout callout-${tone} confirmation`}>
      {children}
    </div>
  );
}
