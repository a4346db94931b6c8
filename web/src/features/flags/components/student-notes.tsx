import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useCreateNote } from '../api/create-note';
import { useStudentNotes } from '../api/get-student-notes';

/** Notes colleagues and mediators share about the student, newest first; `canWrite` false: the list only. */
export function StudentNotes({ studentId, canWrite = true }: { studentId: number; canWrite?: boolean }) {
  const { t, i18n } = useTranslation();
  const notes = useStudentNotes(studentId);
  const create = useCreateNote(studentId);
  const [body, setBody] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
  }

  return (
    <section aria-labelledby="notes-heading" className="section">
      <h2 id="notes-heading">{t('notes.title')}</h2>
      <div className="two-columns">
        <div>
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
        </div>
        {canWrite && (
          <form onSubmit={submit} className="stacked-form form-card" aria-labelledby="note-form-heading">
            <h3 id="note-form-heading">{t('notes.form.title')}</h3>
            {create.isError && <ErrorAlert error={create.error} />}
            <div className="field">
              <label htmlFor="note-body">{t('notes.form.body')}</label>
              <textarea id="note-body" rows={3} required maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
            </div>
            <div className="field-actions">
              <button type="submit" className="btn btn-primary" disabled={create.isPending}>
                {t('notes.form.submit')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
