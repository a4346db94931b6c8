import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseOutcome, type CaseDetail } from '@primm/shared/contracts/cases';
import { ErrorAlert } from '../../../components/error-alert';
import { useCloseCase } from '../api/close-case';
import { emptyDrafts, ParticipantViewsFieldset, viewsOf } from './participant-views-fieldset';

/** "Chiudi il caso" asks for the outcome first: a case never closes without saying how it ended. */
/** `onClosed`: the page shows (and focuses) the outcome once the case is closed; this form is gone by then. */
export function CloseCaseForm({
  detail,
  onClosed,
}: {
  detail: Pick<CaseDetail, 'id' | 'student'>;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const close = useCloseCase(detail.id);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [drafts, setDrafts] = useState(emptyDrafts);
  const [viewsInvalid, setViewsInvalid] = useState(false);
  // The receiving organisation answers only for a reorientation (the server refuses it otherwise).
  const perspectives =
    outcome === 'reoriented'
      ? (['young_person', 'family', 'receiving_org'] as const)
      : (['young_person', 'family'] as const);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CaseOutcome.safeParse(outcome);
    if (!parsed.success) {
      setMissing(true);
      document.getElementById(`${id}-outcome`)?.focus();
      return;
    }
    setMissing(false);
    const participantViews = viewsOf(drafts, perspectives);
    setViewsInvalid(participantViews === null);
    if (participantViews === null) return;
    close.mutate(
      {
        outcome: parsed.data,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(participantViews.length > 0 ? { participantViews } : {}),
      },
      { onSuccess: onClosed },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="section">
      <h2 id={`${id}-heading`}>{t('cases.close.title')}</h2>
      <button
        type="button"
        className="btn btn-outline"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t('cases.close.open')}
      </button>
      <form
        id={id}
        hidden={!open}
        onSubmit={submit}
        className="stacked-form form-card"
        aria-label={t('cases.close.title')}
        noValidate
      >
        {close.isError && <ErrorAlert error={close.error} />}
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('cases.close.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-outcome-error` : undefined}
            onChange={(e) => setOutcome(CaseOutcome.safeParse(e.target.value).data ?? '')}
          >
            <option value="">{t('cases.close.choose')}</option>
            {CaseOutcome.options.map((o) => (
              <option key={o} value={o}>
                {t(`cases.outcome.${o}`)}
              </option>
            ))}
          </select>
          {missing && (
            <p id={`${id}-outcome-error`} className="field-error">
              {t('cases.close.outcomeRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('cases.close.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ParticipantViewsFieldset
          drafts={drafts}
          perspectives={perspectives}
          invalid={viewsInvalid}
          onChange={setDrafts}
        />
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={close.isPending}>
            {t('cases.close.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
