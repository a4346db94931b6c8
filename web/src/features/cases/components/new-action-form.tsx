import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTRY_DESTINATION_TYPES, type RegistrySchool } from '@primm/shared/contracts/arrivals';
import { CaseActionType, REORIENTATION_TYPES, type CaseDetail } from '@primm/shared/contracts/cases';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateCaseAction } from '../api/create-case-action';
import { RegistrySchoolPicker } from './registry-school-picker';

const today = () => new Date().toISOString().slice(0, 10);
const empty = () => ({
  type: 'family_meeting' as CaseActionType,
  date: today(),
  participants: '',
  notes: '',
  followUpOn: '',
  outcome: '',
  destination: '',
  arrived: 'unknown',
  arrivedOn: '',
  workKind: '',
  exceptionalReason: '',
  school: null as RegistrySchool | null,
});

/** "Nuova azione": reorientations and PUA referrals also say where to and whether the young person got there. */
export function NewActionForm({ detail }: { detail: Pick<CaseDetail, 'id' | 'student'> }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateCaseAction(detail);
  const [form, setForm] = useState(empty);
  const [missing, setMissing] = useState(false);
  const reorientation = REORIENTATION_TYPES.includes(form.type);
  // CFP, CPIA and employers are not in the registry: their arrival stays the mediator's to record
  const registry = (REGISTRY_DESTINATION_TYPES as readonly string[]).includes(form.type);
  const school = registry ? form.school : null;
  const set = (patch: Partial<ReturnType<typeof empty>>) => setForm((f) => ({ ...f, ...patch }));
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // the contract refuses a reorientation without destination: say so by the field
    if (reorientation && !school && form.destination.trim().length < 2) {
      setMissing(true);
      document.getElementById(`${id}-destination`)?.focus();
      return;
    }
    setMissing(false);
    create.mutate(
      {
        type: form.type,
        date: form.date,
        participants: form.participants.trim(),
        notes: optional(form.notes),
        followUpOn: optional(form.followUpOn),
        outcome: optional(form.outcome),
        ...(school
          ? { destinationSchoolCode: school.code }
          : reorientation
            ? {
                destination: form.destination.trim(),
                arrived: form.arrived === 'unknown' ? null : form.arrived === 'yes',
                ...(form.arrived === 'yes' && form.arrivedOn ? { arrivedOn: form.arrivedOn } : {}),
              }
            : {}),
        ...(form.type === 'reorient_work' && (form.workKind === 'apprendistato' || form.workKind === 'lavoro')
          ? { workKind: form.workKind }
          : {}),
        ...(form.type === 'reorient_cpia' && form.exceptionalReason.trim()
          ? { exceptionalReason: form.exceptionalReason.trim() }
          : {}),
      },
      { onSuccess: () => setForm(empty()) },
    );
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('cases.newAction.title')}</h2>
      {create.isSuccess && <Confirmation key={create.submittedAt}>{t('cases.newAction.saved')}</Confirmation>}
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('cases.newAction.type')}</label>
        <select
          id={`${id}-type`}
          value={form.type}
          onChange={(e) => set({ type: CaseActionType.parse(e.target.value) })}
        >
          {CaseActionType.options.map((type) => (
            <option key={type} value={type}>
              {t(`cases.actionType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('cases.newAction.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          value={form.date}
          onChange={(e) => set({ date: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-participants`}>{t('cases.actions.participants')}</label>
        <input
          id={`${id}-participants`}
          type="text"
          required
          minLength={2}
          maxLength={500}
          value={form.participants}
          onChange={(e) => set({ participants: e.target.value })}
        />
      </div>
      {registry && <RegistrySchoolPicker chosen={form.school} onChange={(s) => set({ school: s })} />}
      {reorientation && (
        <>
          {!school && (
            <div className="field">
              <label htmlFor={`${id}-destination`}>{t('cases.newAction.destination')}</label>
              <input
                id={`${id}-destination`}
                type="text"
                maxLength={300}
                aria-required="true"
                aria-invalid={missing}
                aria-describedby={missing ? `${id}-destination-error` : undefined}
                value={form.destination}
                onChange={(e) => set({ destination: e.target.value })}
              />
              {missing && (
                <p id={`${id}-destination-error`} className="field-error">
                  {t('cases.newAction.destinationRequired')}
                </p>
              )}
            </div>
          )}
          {form.type === 'reorient_work' && (
            <div className="field">
              <label htmlFor={`${id}-work-kind`}>{t('cases.newAction.workKind')}</label>
              <select
                id={`${id}-work-kind`}
                aria-describedby={`${id}-work-kind-hint`}
                value={form.workKind}
                onChange={(e) => set({ workKind: e.target.value })}
              >
                <option value="">{t('cases.newAction.workKindUnset')}</option>
                <option value="apprendistato">{t('cases.workKind.apprendistato')}</option>
                <option value="lavoro">{t('cases.workKind.lavoro')}</option>
              </select>
              <p id={`${id}-work-kind-hint`} className="hint">
                {t('cases.newAction.workKindHint')}
              </p>
            </div>
          )}
          {form.type === 'reorient_cpia' && (
            <div className="field">
              <label htmlFor={`${id}-exceptional`}>{t('cases.newAction.exceptionalReason')}</label>
              <input
                id={`${id}-exceptional`}
                type="text"
                maxLength={1000}
                value={form.exceptionalReason}
                onChange={(e) => set({ exceptionalReason: e.target.value })}
              />
            </div>
          )}
          {!school && (
            <fieldset className="radio-group">
              <legend>{t('cases.newAction.arrived')}</legend>
              {(['yes', 'no', 'unknown'] as const).map((v) => (
                <label key={v} className="radio">
                  <input
                    type="radio"
                    name={`${id}-arrived`}
                    value={v}
                    checked={form.arrived === v}
                    onChange={() => set({ arrived: v })}
                  />{' '}
                  {t(`cases.arrived.${v}`)}
                </label>
              ))}
            </fieldset>
          )}
          {!school && form.arrived === 'yes' && (
            <div className="field">
              <label htmlFor={`${id}-arrived-on`}>{t('arrivals.manual.arrivedOn')}</label>
              <input
                id={`${id}-arrived-on`}
                type="date"
                min={form.date}
                value={form.arrivedOn}
                onChange={(e) => set({ arrivedOn: e.target.value })}
              />
            </div>
          )}
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('cases.actions.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={4000}
          value={form.notes}
          onChange={(e) => set({ notes: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-follow-up`}>{t('cases.newAction.followUp')}</label>
        <input
          id={`${id}-follow-up`}
          type="date"
          min={form.date}
          value={form.followUpOn}
          onChange={(e) => set({ followUpOn: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('cases.actions.outcome')}</label>
        <input
          id={`${id}-outcome`}
          type="text"
          maxLength={1000}
          value={form.outcome}
          onChange={(e) => set({ outcome: e.target.value })}
        />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('cases.newAction.submit')}
        </button>
      </div>
    </form>
  );
}
