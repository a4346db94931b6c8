import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveCapacity } from '../api/save-capacity';

/** "We can follow N students" of one school: empty removes it. The lists can then show the N most at risk. */
export function CapacityField({
  code,
  name,
  capacity,
  onSaved,
}: {
  code: string;
  name: string;
  capacity: number | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCapacity();
  const [value, setValue] = useState(capacity === null ? '' : String(capacity));
  const parsed = value.trim() === '' ? null : Number(value);
  const valid = parsed === null || (Number.isInteger(parsed) && parsed > 0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (valid) save.mutate({ code, capacity: parsed }, { onSuccess: onSaved });
  }

  return (
    <form className="capacity-field" onSubmit={submit} noValidate>
      <input
        aria-label={t('backtest.levels.capacityOf', { school: name })}
        inputMode="numeric"
        size={5}
        value={value}
        aria-invalid={!valid || undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="submit"
        className="btn btn-outline"
        disabled={!valid || save.isPending}
        aria-label={t('backtest.levels.capacitySave', { school: name })}
      >
        {t('backtest.levels.capacitySaveShort')}
      </button>
      {save.isError && (
        <span role="alert" className="field-error">
          {t('backtest.levels.capacityError')}
        </span>
      )}
    </form>
  );
}
