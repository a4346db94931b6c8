import { useTranslation } from 'react-i18next';
import { CitizenshipGroup } from '@primm/shared/contracts/aggregates';
import { SchoolLevel, Sex, Track } from '@primm/shared/contracts/domain';
import { useAggregateYears } from '../api/get-years';
import { readRegionalFilters, writeRegionalFilters, type RegionalFilters } from './regional-filters';

type Props = { params: URLSearchParams; onChange: (next: URLSearchParams) => void };

type Field = { key: keyof RegionalFilters; all: string; options: { value: string; label: string }[] };

/** Selects apply at once; the filters go to the URL, so a view can be shared by link. */
export function RegionalFiltersForm({ params, onChange }: Props) {
  const { t } = useTranslation();
  const value = readRegionalFilters(params);
  const known = useAggregateYears().data;
  // Only years with data (issue 20); a year from a stale link stays selectable, marked, so the select shows it.
  const years = (known?.years ?? []).map((y) => ({ value: y, label: y }));
  if (value.year && !known?.years.includes(value.year)) {
    years.push({
      value: value.year,
      label: known ? t('regional.filters.yearWithoutData', { year: value.year }) : value.year,
    });
  }
  const fields: Field[] = [
    {
      key: 'year',
      all: known?.current
        ? t('regional.filters.latestYear', { year: known.current })
        : t('regional.filters.currentYear'),
      options: years,
    },
    {
      key: 'level',
      all: t('regional.filters.allLevels'),
      options: SchoolLevel.options.map((v) => ({ value: v, label: t(`regional.domain.level.${v}`) })),
    },
    {
      key: 'gradeLevel',
      all: t('regional.filters.allGrades'),
      options: [1, 2, 3, 4, 5].map((g) => ({ value: String(g), label: t('regional.filters.gradeN', { grade: g }) })),
    },
    {
      key: 'track',
      all: t('regional.filters.allTracks'),
      options: Track.options.map((v) => ({ value: v, label: t(`regional.domain.track.${v}`) })),
    },
    {
      key: 'citizenshipGroup',
      all: t('regional.filters.allGroups'),
      options: CitizenshipGroup.options.map((v) => ({ value: v, label: t(`regional.domain.citizenshipGroup.${v}`) })),
    },
    {
      key: 'sex',
      all: t('regional.filters.allSexes'),
      options: Sex.options.map((v) => ({ value: v, label: t(`regional.domain.sex.${v}`) })),
    },
  ];

  function set(key: keyof RegionalFilters, raw: string) {
    // read back through the URL parser, so the form and a shared link accept the same values
    const next = writeRegionalFilters(params, { ...value, [key]: raw || undefined });
    onChange(writeRegionalFilters(next, readRegionalFilters(next)));
  }

  return (
    <form
      role="search"
      className="filters"
      aria-label={t('regional.filters.legend')}
      onSubmit={(e) => e.preventDefault()}
    >
      {fields.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`regional-${f.key}`}>{t(`regional.filters.${f.key}`)}</label>
          <select
            id={`regional-${f.key}`}
            value={value[f.key] === undefined ? '' : String(value[f.key])}
            onChange={(e) => set(f.key, e.target.value)}
          >
            <option value="">{f.all}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field-actions">
        <button type="button" className="btn btn-outline" onClick={() => onChange(writeRegionalFilters(params, {}))}>
          {t('regional.filters.reset')}
        </button>
      </div>
      <p className="hint field-grow">{t('regional.filters.shareHint')}</p>
    </form>
  );
}
