import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@primm/shared/contracts/cases';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateCase } from '../api/create-case';

type Props = {
  studentId: number;
  /** The flag the case answers, when opened from one. */
  flagId?: number;
  /** Who is signed in: "affida a me" sends their id as owner. */
  meId: number;
  label: string;
  onCreated: (created: CaseDetail) => void;
  /** Full width with a "…", like the other forms of the student page's actions (FormDisclosure). */
  block?: boolean;
};

/** A disclosure: the button shows the short form (goal, owner); the new case opens on success. */
export function OpenCaseButton({ studentId, flagId, meId, label, onCreated, block = false }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const create = useCreateCase();
  const [open, setOpen] = useState(false);
  const [goal, setGoal] = useState('');
  const [mine, setMine] = useState(true);
  const toggle = useRef<HTMLButtonElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { studentId, goal: goal.trim(), ...(flagId ? { flagId } : {}), ...(mine ? { ownerId: meId } : {}) },
      { onSuccess: onCreated },
    );
  }

  return (
    <div className="disclosure">
      <button
        ref={toggle}
        type="button"
        className={block ? 'btn btn-outline btn-block' : 'btn btn-outline btn-small'}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        {block ? `${label}…` : label}
      </button>
      <form id={formId} hidden={!open} onSubmit={submit} className="stacked-form form-card" aria-label={label}>
        {create.isError && <ErrorAlert error={create.error} />}
        <div className="field">
          <label htmlFor={`${formId}-goal`}>{t('cases.open.goal')}</label>
          <textarea
            id={`${formId}-goal`}
            rows={2}
            required
            minLength={3}
            maxLength={2000}
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('cases.open.ownerMe')}
        </label>
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('cases.open.submit')}
          </button>
          {/* the Cancel button hides with the form: the focus goes back to what opened it */}
          <button
            type="button"
            className="btn btn-outline"
            onClick={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
