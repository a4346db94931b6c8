import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { useRecordNotice } from '../api/record-notice';
import { todayIso } from '../days-left';
import { DatedActForm } from './dated-act-form';

type Props = {
  studentId: number;
  clock: AbsenceClock;
  /** The panel announces the outcome: this form disappears once the clock moves on. */
  onSaved: (message: string) => void;
  onConflict: (message: string) => void;
};

/** "Registra la comunicazione alla famiglia": the date (today by default, not before the trigger) and a note. */
export function NoticeForm({ studentId, clock, onSaved, onConflict }: Props) {
  const record = useRecordNotice(studentId);
  const today = todayIso();
  return (
    <DatedActForm
      act="notice"
      from={clock.triggeredOn ?? clock.windowFrom}
      max={today}
      initialDate={today}
      withNote
      pending={record.isPending}
      error={record.error}
      save={(notifiedOn, note) => record.mutateAsync({ notifiedOn, ...(note ? { note } : {}) })}
      onSaved={onSaved}
      onConflict={onConflict}
    />
  );
}
