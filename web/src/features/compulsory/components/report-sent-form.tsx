import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { useRecordReport } from '../api/record-report';
import { todayIso } from '../days-left';
import { DatedActForm } from './dated-act-form';

type Props = {
  studentId: number;
  clock: AbsenceClock;
  onSaved: (message: string) => void;
  onConflict: (message: string) => void;
};

/** "Registra l'invio della segnalazione": from the eighth day after the notice (the server refuses earlier dates). */
export function ReportSentForm({ studentId, clock, onSaved, onConflict }: Props) {
  const record = useRecordReport(studentId);
  const from = clock.reportDueFrom ?? clock.windowFrom;
  const today = todayIso();
  return (
    <DatedActForm
      act="report"
      from={from}
      initialDate={today < from ? from : today}
      withNote={false}
      pending={record.isPending}
      error={record.error}
      save={(reportedOn) => record.mutateAsync({ reportedOn })}
      onSaved={onSaved}
      onConflict={onConflict}
    />
  );
}
