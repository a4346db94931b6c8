import { z } from 'zod';
import { Cell } from './aggregates';
import { SchoolYearLabel } from './domain';

/**
 * Open data (issue 22 item 4): the regional indicators by province and school year, published by
 * the admin as immutable releases and served without a session at `/api/open-data/*`.
 *
 * The measures are the aggregates' (shared/src/contracts/aggregates.ts), each with a stable
 * column name: the CSV header and the keys of the JSON API. Once a column is published its name
 * never changes (re-users' scripts read it); a new indicator is a new column.
 */
export const OPEN_DATA_COLUMNS = {
  students: 'studenti',
  tier1: 'livello_1',
  tier2: 'livello_2',
  tier3: 'livello_3',
  attended95: 'frequenza_95_e_oltre',
  attended90to95: 'frequenza_90_95',
  attended80to90: 'frequenza_80_90',
  attendedBelow80: 'frequenza_sotto_80',
  action_family_meeting: 'intervento_incontro_famiglia',
  action_cultural_mediation: 'intervento_mediazione_culturale',
  action_tutoring: 'intervento_tutoraggio',
  action_italian_l2: 'intervento_italiano_l2',
  action_other: 'intervento_altro',
  reorient_school: 'riorientamento_scuola',
  reorient_iefp: 'riorientamento_iefp',
  reorient_work: 'riorientamento_lavoro',
  reorient_cpia: 'riorientamento_cpia',
  pua_referral: 'invio_pua',
  outcome_back_on_track: 'esito_rientrato',
  outcome_reoriented: 'esito_riorientato',
  outcome_left_education: 'esito_uscito_da_istruzione',
  outcome_moved_away: 'esito_trasferito',
  outcome_other: 'esito_altro',
} as const;

export type OpenDataMeasure = keyof typeof OPEN_DATA_COLUMNS;
export const OPEN_DATA_MEASURES = Object.keys(OPEN_DATA_COLUMNS) as OpenDataMeasure[];
export const OpenDataMeasure = z.enum(OPEN_DATA_MEASURES as [OpenDataMeasure, ...OpenDataMeasure[]]);

/** The groups of measures a page shows together (and a chart each). */
export const OPEN_DATA_SECTIONS = {
  students: ['students'],
  levels: ['tier1', 'tier2', 'tier3'],
  attendance: ['attended95', 'attended90to95', 'attended80to90', 'attendedBelow80'],
  interventions: [
    'action_family_meeting',
    'action_cultural_mediation',
    'action_tutoring',
    'action_italian_l2',
    'action_other',
    'reorient_school',
    'reorient_iefp',
    'reorient_work',
    'reorient_cpia',
    'pua_referral',
  ],
  outcomes: [
    'outcome_back_on_track',
    'outcome_reoriented',
    'outcome_left_education',
    'outcome_moved_away',
    'outcome_other',
  ],
} as const satisfies Record<string, readonly OpenDataMeasure[]>;

export const OpenDataValues = z.record(OpenDataMeasure, Cell);
export type OpenDataValues = z.infer<typeof OpenDataValues>;

export const OpenDataRow = z.object({
  /** The province's code (AN, AP, FM, MC, PU). */
  province: z.string(),
  provinceName: z.string(),
  values: OpenDataValues,
});
export type OpenDataRow = z.infer<typeof OpenDataRow>;

/**
 * Columns withheld from a release (every province and the total shown `n.d.`) because, compared
 * with a release already published for the same school year, a published number would differ by
 * 1 to threshold − 1 students, which would tell what happened to those few between the two.
 */
export const OpenDataWithheld = z.object({
  measures: z.array(OpenDataMeasure),
  /** The earlier releases the comparison was with. */
  releaseIds: z.array(z.number().int()),
  reason: z.string(),
});
export type OpenDataWithheld = z.infer<typeof OpenDataWithheld>;

/** What a release publishes: counts of students by province, suppressed like every aggregate. */
export const OpenDataTable = z.object({
  schoolYear: SchoolYearLabel,
  /** Counts from 1 to threshold − 1 read `<threshold`; `n.d.` hides a count so that none can be computed back. */
  threshold: z.number().int(),
  measures: z.array(OpenDataMeasure),
  rows: z.array(OpenDataRow),
  total: OpenDataValues,
  withheld: z.array(OpenDataWithheld),
});
export type OpenDataTable = z.infer<typeof OpenDataTable>;

const Localized = z.object({ it: z.string(), en: z.string() });

export const OpenDataDistribution = z.object({
  format: z.enum(['CSV', 'JSON']),
  mediaType: z.string(),
  title: Localized,
  downloadURL: z.string(),
  accessURL: z.string(),
  license: z.string(),
});

/**
 * Metadata in the style of DCAT-AP_IT (the Italian profile of DCAT-AP, AgID): the mandatory
 * dataset fields (title, description, publisher, theme, rights holder, modified, identifier,
 * temporal coverage, frequency) and one distribution per format, each with its licence.
 */
export const OpenDataMetadata = z.object({
  '@type': z.literal('dcatapit:Dataset'),
  identifier: z.string(),
  title: Localized,
  description: Localized,
  publisher: z.object({ name: z.string(), identifier: z.string() }),
  rightsHolder: z.object({ name: z.string(), identifier: z.string() }),
  theme: z.string(),
  keyword: z.array(z.string()),
  language: z.array(z.string()),
  spatial: z.string(),
  license: z.object({ name: z.literal('CC BY 4.0'), uri: z.literal('https://creativecommons.org/licenses/by/4.0/') }),
  temporal: z.object({ startDate: z.string(), endDate: z.string() }),
  accrualPeriodicity: z.string(),
  issued: z.string(),
  modified: z.string(),
  conformsTo: z.string(),
  distribution: z.array(OpenDataDistribution),
});
export type OpenDataMetadata = z.infer<typeof OpenDataMetadata>;

export const OpenDataReleaseSummary = z.object({
  id: z.number().int(),
  schoolYear: SchoolYearLabel,
  publishedAt: z.string(),
  title: Localized,
});
export type OpenDataReleaseSummary = z.infer<typeof OpenDataReleaseSummary>;

export const OpenDataReleaseList = z.object({ releases: z.array(OpenDataReleaseSummary) });
export type OpenDataReleaseList = z.infer<typeof OpenDataReleaseList>;

/** `GET /api/open-data/releases/{id}`: the release as published, with its metadata. */
export const OpenDataRelease = z.object({
  id: z.number().int(),
  schoolYear: SchoolYearLabel,
  publishedAt: z.string(),
  metadata: OpenDataMetadata,
  data: OpenDataTable,
});
export type OpenDataRelease = z.infer<typeof OpenDataRelease>;

export const OpenDataPreviewQuery = z.object({ year: SchoolYearLabel.optional() });

/** Admin only: what publishing now would publish, and the years that could be published. */
export const OpenDataPreview = z.object({
  dataVersion: z.number().int(),
  years: z.array(SchoolYearLabel),
  data: OpenDataTable,
  /** The releases already published for this school year, the new one was audited against. */
  comparedWith: z.array(OpenDataReleaseSummary),
  /**
   * For the admin only, never published: each group of provinces and measures that differed by a
   * few from an earlier release, and by how much (the reason its columns are withheld).
   */
  conflicts: z.array(
    z.object({
      releaseId: z.number().int(),
      provinces: z.array(z.string()),
      measures: z.array(OpenDataMeasure),
      difference: z.number().int(),
    }),
  ),
});
export type OpenDataPreview = z.infer<typeof OpenDataPreview>;

/**
 * Publishing names the data version the admin previewed: if the data changed since, the server
 * refuses (409) rather than publish a table nobody has seen.
 */
export const PublishOpenDataInput = z.object({ year: SchoolYearLabel, dataVersion: z.number().int().nonnegative() });
export type PublishOpenDataInput = z.infer<typeof PublishOpenDataInput>;
