import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskSettingsInput } from '@primm/shared/contracts/risk';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '@primm/shared/risk/settings';
import { ApiError } from '../../../lib/api-client';
import { useSaveRiskSettings } from '../api/save-risk-settings';
import {
  ALL_FIELDS,
  errorsByField,
  fieldsOf,
  GROUPS,
  serverErrorsByField,
  toFormValues,
  toSettingsInput,
  valueAt,
  type FieldError,
  type FormValues,
} from '../threshold-fields';
import { RecomputePanel } from './recompute-panel';
import { fieldId, ThresholdField } from './threshold-field';

/** The first refused field in page order, so focus lands where the eye would start; else the alert. */
function firstInvalidId(errors: Record<string, FieldError>): string | null {
  const first = ALL_FIELDS.find((f) => errors[f.path]);
  return first ? fieldId(first) : null;
}

function codeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'internal';
}

/**
 * Every threshold, typed in the page's units and checked with the contract's own schema before
 * anything is sent; a server 400 is shown by its fields too. A save is a new version; the
 * recompute is offered after it, not run by it.
 */
export function RiskSettingsForm({ current }: { current: RiskSettings }) {
  const { t, i18n } = useTranslation();
  const save = useSaveRiskSettings();
  const [values, setValues] = useState<FormValues>(() => toFormValues(current, i18n.language));
  const [clientErrors, setClientErrors] = useState<Record<string, FieldError>>({});
  const [defaultsFilled, setDefaultsFilled] = useState(false);
  // Saving the values in force would only add a version that changes nothing.
  const [nothingChanged, setNothingChanged] = useState(false);
  // A new object per refusal, so a second refused submit moves focus again.
  const [focusTarget, setFocusTarget] = useState<{ id: string | null } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  const serverErrors =
    save.error instanceof ApiError && save.error.code === 'validation_failed'
      ? serverErrorsByField(save.error.details)
      : {};
  const errors = { ...serverErrors, ...clientErrors };
  const errorCount = Object.keys(errors).length;
  // A 400 naming no field of the page (or none at all) still shows its messages, in the alert.
  const unplaced = Object.entries(errors).filter(([path]) => !ALL_FIELDS.some((f) => f.path === path));

  useEffect(() => {
    if (!focusTarget) return;
    (focusTarget.id ? document.getElementById(focusTarget.id) : alertRef.current)?.focus();
  }, [focusTarget]);

  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    setDefaultsFilled(false);
    setNothingChanged(false);
    const parsed = RiskSettingsInput.safeParse(toSettingsInput(values));
    if (!parsed.success) {
      const refused = errorsByField(parsed.error.issues);
      setClientErrors(refused);
      setFocusTarget({ id: firstInvalidId(refused) });
      return;
    }
    setClientErrors({});
    const { version: _version, ...inForce } = current;
    if (JSON.stringify(parsed.data) === JSON.stringify(RiskSettingsInput.parse(inForce))) {
      setNothingChanged(true);
      return;
    }
    save.mutate(parsed.data, {
      onError: (error) =>
        setFocusTarget({ id: error instanceof ApiError ? firstInvalidId(serverErrorsByField(error.details)) : null }),
    });
  }

  function fillDefaults() {
    setValues(toFormValues(DEFAULT_RISK_SETTINGS, i18n.language));
    setClientErrors({});
    save.reset();
    setDefaultsFilled(true);
  }

  return (
    <>
      <form onSubmit={submit} className="stacked-form" aria-labelledby="risk-settings-form-heading" noValidate>
        <h2 id="risk-settings-form-heading" className="visually-hidden">
          {t('riskSettings.form.title')}
        </h2>
        {(errorCount > 0 || save.isError) && (
          <div role="alert" tabIndex={-1} ref={alertRef} className="callout callout-danger">
            <p className="callout-title">{t('riskSettings.form.failed')}</p>
            <p>
              {errorCount > 0
                ? t('riskSettings.errors.summary', { count: errorCount })
                : t(`errors.${codeOf(save.error)}`)}
            </p>
            {unplaced.map(([path, e]) => (
              <p key={path}>{'text' in e ? `${path}: ${e.text}` : t(e.key)}</p>
            ))}
          </div>
        )}
        {GROUPS.map((group) => (
          <fieldset key={group} className="form-card">
            <legend>{t(`riskSettings.sections.${group}`)}</legend>
            {fieldsOf(group).map((field) => (
              <ThresholdField
                key={field.path}
                field={field}
                value={values[field.path] ?? ''}
                defaultValue={valueAt(DEFAULT_RISK_SETTINGS, field)}
                error={errors[field.path]}
                onChange={(value) => setValues((v) => ({ ...v, [field.path]: value }))}
              />
            ))}
          </fieldset>
        ))}
        {nothingChanged && (
          <p role="status" className="callout callout-info">
            {t('riskSettings.form.unchanged', { version: current.version })}
          </p>
        )}
        {defaultsFilled && (
          <p role="status" className="callout callout-info">
            {t('riskSettings.form.defaultsFilled')}
          </p>
        )}
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('riskSettings.form.submit')}
          </button>
          <button type="button" className="btn btn-outline" onClick={fillDefaults}>
            {t('riskSettings.form.defaults')}
          </button>
        </div>
        {save.isPending && (
          <p role="status" className="status">
            {t('riskSettings.form.saving')}
          </p>
        )}
      </form>
      {save.isSuccess && (
        <div role="status" tabIndex={-1} ref={savedRef} className="callout callout-success">
          <p>{t('riskSettings.form.saved', { version: save.data.version })}</p>
        </div>
      )}
      {/* Always offered: thresholds saved earlier may not have been applied yet. */}
      <RecomputePanel />
    </>
  );
}
