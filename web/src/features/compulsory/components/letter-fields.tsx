import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type LetterFieldValues = { protocol: string; address?: string };

type Props = {
  value: LetterFieldValues;
  onChange: (next: LetterFieldValues) => void;
  /** The notice to the family asks for its address, which the data does not hold. */
  withAddress?: boolean;
};

/**
 * What the letter needs that the data has not: the protocol number the school's register gives
 * the act, and (family notice) the family's postal address. Typed at print time, never stored:
 * the register of protocol is the school's, not ours.
 */
export function LetterFields({ value, onChange, withAddress = false }: Props) {
  const { t } = useTranslation();
  const protocolId = useId();
  const addressId = useId();
  const hintId = useId();
  return (
    <fieldset className="form-card no-print letter-fields" aria-describedby={hintId}>
      <legend>{t('compulsory.letter.fields')}</legend>
      <p id={hintId} className="hint">
        {t('compulsory.letter.fieldsHint')}
      </p>
      <div className="field">
        <label htmlFor={protocolId}>{t('compulsory.letter.protocol')}</label>
        <input
          id={protocolId}
          type="text"
          maxLength={40}
          autoComplete="off"
          value={value.protocol}
          onChange={(e) => onChange({ ...value, protocol: e.target.value })}
        />
      </div>
      {withAddress && (
        <div className="field">
          <label htmlFor={addressId}>{t('compulsory.letter.address')}</label>
          <textarea
            id={addressId}
            rows={3}
            maxLength={300}
            value={value.address ?? ''}
            onChange={(e) => onChange({ ...value, address: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
