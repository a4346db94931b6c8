import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { schools: { code: string; name: string }[]; value: string; onChange: (code: string) => void };

/** Which school's deadlines: shown only when the user has more than one (the choice lives in the URL). */
export function SchoolPicker({ schools, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="filters">
      <div className="field field-grow">
        <label htmlFor={id}>{t('compulsory.deadlines.school')}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {schools.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name} ({s.code})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
