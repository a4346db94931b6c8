import { useTranslation } from 'react-i18next';
import { formatNumberField, type Field, type FieldError } from '../threshold-fields';

export const fieldId = (field: Field) => `risk-${field.group}-${field.key}`;

type Props = {
  field: Field;
  value: string;
  defaultValue: number | string[];
  error: FieldError | undefined;
  onChange: (value: string) => void;
};

/** One threshold: label, what it does and where the default comes from, the default, and its error. */
export function ThresholdField({ field, value, defaultValue, error, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = fieldId(field);
  const text = `riskSettings.fields.${field.group}.${field.key}`;
  const percent = (n: number) => t('riskSettings.percent', { value: formatNumberField(n * 100, i18n.language) });
  const shown = (n: number) => (field.kind === 'share' ? percent(n) : formatNumberField(n, i18n.language));
  const defaultText = Array.isArray(defaultValue) ? defaultValue.join(', ') : shown(defaultValue);
  const message = !error
    ? null
    : 'text' in error
      ? error.text
      : t(error.key, error.bound === undefined ? {} : { min: shown(error.bound), max: shown(error.bound) });
  const describedBy = [message ? `${id}-error` : null, `${id}-help`, `${id}-default`].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.path,
    value,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  return (
    <div className="field">
      <label htmlFor={id}>{t(`${text}.label`)}</label>
      {field.kind === 'subjects' ? (
        <textarea {...common} rows={4} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          // Negative thresholds (grade slopes, z-scores) need the minus, which a decimal keypad lacks.
          inputMode={
            field.kind === 'integer'
              ? 'numeric'
              : typeof defaultValue === 'number' && defaultValue < 0
                ? 'text'
                : 'decimal'
          }
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
      <p id={`${id}-help`} className="hint">
        {t(`${text}.help`)}
      </p>
      <p id={`${id}-default`} className="hint">
        {t('riskSettings.default', { value: defaultText })}
      </p>
    </div>
  );
}
