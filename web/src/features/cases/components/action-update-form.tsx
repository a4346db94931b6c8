import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetail } from '@primm/shared/contracts/cases';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateCaseAction } from '../api/update-case-action';

const arrivedValue = (a: boolean | null) => (a === null ? 'unknown' : a ? 'yes' : 'no');

/** Outcome and arrival are often known weeks later: they can be filled in on the action itself. */
export function ActionUpdateForm({
  detail,
  action,
}: {
  detail: Pick<CaseDetail, 'id' | 'student'>;
  action: CaseAction;
}) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateCaseAction(detail, action.id);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState(action.outcome ?? '');
  const [arrived, setArrived] = useState(arrivedValue(action.arrived));
  const [arrivedOn, setArrivedOn] = useState(action.arrivedOn ?? '');

  // Opening starts from what is stored now (another save may have changed it since).
  function toggle() {
    if (!open) {
      setOutcome(action.outcome ?? '');
      setArrived(arrivedValue(action.arrived));
      setArrivedOn(action.arrivedOn ?? '');
      update.reset();
    }
    setOpen(!open);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      {
        outcome: outcome.trim() || null,
        // a school of the registry answers for the arrival itself: the mediator does not overwrite it
        ...(action.destination && !action.arrival
          ? {
              arrived: arrived === 'unknown' ? null : arrived === 'yes',
              ...(arrived === 'yes' && arrivedOn ? { arrivedOn } : {}),
            }
          : {}),
      },
      // the form closes under the focus: the confirmation takes it
      { onSuccess: () => setOpen(false) },
    );
  }

  const label = t('cases.updateAction.open', { type: t(`cases.actionType.${action.type}`) });
  return (
    <div className="disclosure">
      <button
        type="button"
        className="btn btn-outline btn-small"
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
      >
        {label}
      </button>
      {update.isSuccess && !open && (
        <Confirmation key={update.submittedAt}>{t('cases.updateAction.saved')}</Confirmation>
      )}
      <form id={id} hidden={!open} onSubmit={submit} className="stacked-form" aria-label={label}>
        {update.isError && <ErrorAlert error={update.error} />}
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('cases.actions.outcome')}</label>
          <input
            id={`${id}-outcome`}
            type="text"
            maxLength={1000}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
        </div>
        {action.destination && !action.arrival && (
          <fieldset className="radio-group">
            <legend>{t('cases.newAction.arrived')}</legend>
            {(['yes', 'no', 'unknown'] as const).map((v) => (
              <label key={v} className="radio">
                <input
                  type="radio"
                  name={`${id}-arrived`}
                  value={v}
                  checked={arrived === v}
                  onChange={() => setArrived(v)}
                />{' '}
                {t(`cases.arrived.${v}`)}
              </label>
            ))}
          </fieldset>
        )}
        {action.destination && !action.arrival && arrived === 'yes' && (
          <div className="field">
            <label htmlFor={`${id}-arrived-on`}>{t('arrivals.manual.arrivedOn')}</label>
            <input
              id={`${id}-arrived-on`}
              type="date"
              min={action.date}
              value={arrivedOn}
              onChange={(e) => setArrivedOn(e.target.value)}
            />
          </div>
        )}
        <div className="field-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={update.isPending}>
            {t('cases.updateAction.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
