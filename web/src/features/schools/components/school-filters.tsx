import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProvinceCode, SchoolLevel } from '@primm/shared/contracts/domain';
import type { SchoolListQuery } from '@primm/shared/contracts/schools';

type Props = { value: SchoolListQuery; onChange: (next: SchoolListQuery) => void };

/** Selects apply at once; the text search applies on submit, so typing does not fire a request per key. */
export function SchoolFilters({ value, onChange }: Props) {
  const { t } = useTranslation();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onChange({ ...value, q: typeof q === 'string' && q.trim() ? q.trim() : undefined });
  }

  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('schools.filters.legend')}>
      <div className="field">
        <label htmlFor="school-province">{t('schools.filters.province')}</label>
        <select
          id="school-province"
          value={value.province ?? ''}
          onChange={(e) => onChange({ ...value, province: ProvinceCode.safeParse(e.target.value).data })}
        >
          <option value="">{t('schools.filters.allProvinces')}</option>
          {ProvinceCode.options.map((code) => (
            <option key={code} value={code}>
              {t(`domain.province.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="school-level">{t('schools.filters.level')}</label>
        <select
          id="school-level"
          value={value.level ?? ''}
          onChange={(e) => onChange({ ...value, level: SchoolLevel.safeParse(e.target.value).data })}
        >
          <option value="">{t('schools.filters.allLevels')}</option>
          {SchoolLevel.options.map((level) => (
            <option key={level} value={level}>
              {t(`domain.level.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor="school-q">{t('schools.filters.search')}</label>
        {/* keyed by the URL's q so Back/Forward and "clear" refill the box */}
        <input id="school-q" key={value.q ?? ''} name="q" type="search" defaultValue={value.q ?? ''} maxLength={100} />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary">
          {t('schools.filters.submit')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onChange({})}>
          {t('schools.filters.reset')}
        </button>
      </div>
    </form>
  );
}
