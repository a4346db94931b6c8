import { useId } from 'react';

type Props = { label: string; value?: number; max: number; status: string };

/** A labelled <progress> (no value: still unknown) and a polite status line for screen readers. */
export function ProgressBar({ label, value, max, status }: Props) {
  const id = useId();
  return (
    <div className="progress-block">
      <label htmlFor={id}>{label}</label>
      <progress id={id} value={value} max={Math.max(1, max)} />
      <p role="status" className="status">
        {status}
      </p>
    </div>
  );
}
