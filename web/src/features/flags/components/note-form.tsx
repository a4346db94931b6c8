import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDisclosure } from '../../../components/form-disclosure';
import { useCreateNote } from '../api/create-note';

/** A note for colleagues and mediators, behind the "Aggiungi una nota…" button. */
export function NoteForm({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const create = useCreateNote(studentId);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');

  function openChange(next: boolean) {
    if (next) create.reset();
    setOpen(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          setOpen(false);
        },
      },
    );
  }

  return (
    <FormDisclosure
      label={t('notes.form.open')}
      open={open}
      onOpenChange={openChange}
      confirmation={create.isSuccess && <Confirmation key={create.submittedAt}>{t('notes.form.saved')}</Confirmation>}
    >
      {(close) => (
        <form onSubmit={submit} className="stacked-form form-card" aria-label={t('notes.form.title')}>
          {create.isError && <ErrorAlert error={create.error} />}
          <div className="field">
            <label htmlFor="note-body">{t('notes.form.body')}</label>
            <textarea
              id="note-body"
              rows={3}
              required
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
          <div className="field-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t('notes.form.submit')}
            </button>
            <button type="button" className="btn btn-outline" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </FormDisclosure>
  );
}
