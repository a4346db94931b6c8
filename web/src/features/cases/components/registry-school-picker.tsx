import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrySchool } from '@primm/shared/contracts/arrivals';
import { useRegistrySchools } from '../api/search-registry-schools';

type Props = { chosen: RegistrySchool | null; onChange: (school: RegistrySchool | null) => void };

/** The destination of a reorientation as a school of the registry: it then confirms the arrival itself (issue #21). */
export function RegistrySchoolPicker({ chosen, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const found = useRegistrySchools(deferred);

  if (chosen)
    return (
      <div className="field">
        <p role="status">{t('arrivals.picker.chosen', { name: chosen.name, code: chosen.code })}</p>
        <button type="button" className="btn btn-outline" onClick={() => onChange(null)}>
          {t('arrivals.picker.change')}
        </button>
      </div>
    );

  return (
    <div className="field">
      <label htmlFor={`${id}-q`}>{t('arrivals.picker.search')}</label>
      <input
        id={`${id}-q`}
        type="search"
        maxLength={100}
        aria-describedby={`${id}-hint`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t('arrivals.picker.hint')}
      </p>
      {deferred.trim().length >= 2 && found.data && (
        <ul className="plain-list" aria-label={t('arrivals.picker.results')}>
          {found.data.items.length === 0 && <li>{t('arrivals.picker.none')}</li>}
          {found.data.items.map((s) => (
            <li key={s.code}>
              <button
                type="button"
                className="btn btn-link"
                aria-label={t('arrivals.picker.choose', { name: `${s.name} (${s.code})` })}
                onClick={() => onChange(s)}
              >
                {s.name} ({s.code})
              </button>{' '}
              – {s.kind}, {s.municipalityName} ({s.provinceCode})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
