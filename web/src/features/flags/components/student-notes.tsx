import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useStudentNotes } from '../api/get-student-notes';

/** Notes colleagues and mediators share about the student, newest first; the form is among the page's actions (NoteForm). */
export function StudentNotes({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const notes = useStudentNotes(studentId);

  return (
    <section aria-labelledby="notes-heading" className="section">
      <h2 id="notes-heading">{t('notes.title')}</h2>
      {notes.isPending && <LoadingStatus />}
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.isSuccess &&
        (notes.data.items.length === 0 ? (
          <p className="empty-state">{t('notes.empty')}</p>
        ) : (
          <ul className="card-list" aria-label={t('notes.listLabel')}>
            {notes.data.items.map((n) => (
              <li key={n.id} className="card">
                <p className="timeline-head">
                  {n.createdBy.name}, {formatDateTime(n.createdAt, i18n.language)}
                </p>
                <p className="pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
