import { AggregateQuery, CitizenshipGroup } from '@primm/shared/contracts/aggregates';
import { SchoolYearLabel, SchoolLevel, Sex, Track } from '@primm/shared/contracts/domain';
import type { AggregateFilters } from '../api/get-aggregates';

/** The filters an analyst sets; province and school come from the page (drill-down, report). */
export type RegionalFilters = Pick<
  AggregateFilters,
  'year' | 'level' | 'gradeLevel' | 'track' | 'citizenshipGroup' | 'sex'
>;

export const FILTER_KEYS = [
  'year',
  'level',
  'gradeLevel',
  'track',
  'citizenshipGroup',
  'sex',
] as const satisfies readonly (keyof RegionalFilters)[];

/** A hand-edited or stale link keeps its valid filters and drops the rest, instead of failing. */
export function readRegionalFilters(params: URLSearchParams): RegionalFilters {
  const get = (key: string) => params.get(key) ?? undefined;
  return {
    year: SchoolYearLabel.safeParse(get('year')).data,
    level: SchoolLevel.safeParse(get('level')).data,
    gradeLevel: AggregateQuery.shape.gradeLevel.safeParse(get('gradeLevel')).data,
    track: Track.safeParse(get('track')).data,
    citizenshipGroup: CitizenshipGroup.safeParse(get('citizenshipGroup')).data,
    sex: Sex.safeParse(get('sex')).data,
  };
}

/** The filters written into `params`, keeping the other parameters (the open tab) as they are. */
export function writeRegionalFilters(params: URLSearchParams, filters: RegionalFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** Only the filters that are set, e.g. for a link that keeps them. */
export function filterParams(filters: RegionalFilters & { province?: string; school?: string }): string {
  const entries = Object.entries(filters).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== '',
  );
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

/**
 * A CSV file name that says what and for which filters:
 * `analisi_studenti-per-provincia_2025-26_secondo-grado_classe-3.csv`.
 */
export function csvFileName(what: string, filters: RegionalFilters & { province?: string; school?: string }): string {
  const parts = [
    'analisi',
    what,
    filters.province,
    filters.school,
    filters.year?.replace('/', '-'),
    filters.level,
    filters.gradeLevel === undefined ? undefined : `classe-${filters.gradeLevel}`,
    filters.track,
    filters.citizenshipGroup,
    filters.sex === undefined ? undefined : `sesso-${filters.sex}`,
  ];
  return `${parts
    .filter((p): p is string => Boolean(p))
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .join('_')}.csv`;
}
