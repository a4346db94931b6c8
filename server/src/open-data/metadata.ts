import { toCsv } from '@primm/shared/csv/to-csv';
import {
  OPEN_DATA_COLUMNS,
  type OpenDataMetadata,
  type OpenDataRelease,
  type OpenDataReleaseSummary,
} from '@primm/shared/contracts/open-data';
import type { StoredRelease } from './repository';

/**
 * Who publishes: the Region, which runs the plan (PRIMM) and holds the data; `r_marche` is its
 * code in the Indice delle Pubbliche Amministrazioni (IPA), which DCAT-AP_IT asks for as the
 * publisher's identifier.
 */
const PUBLISHER = { name: 'Regione Marche', identifier: 'r_marche' } as const;
const LICENSE = { name: 'CC BY 4.0', uri: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** Base path of the public API: metadata links are relative to the site that serves them. */
export const OPEN_DATA_BASE = '/api/open-data';

export function titleOf(schoolYear: string): { it: string; en: string } {
  return {
    it: `Indicatori regionali di dispersione scolastica per provincia, anno scolastico ${schoolYear}`,
    en: `Regional school dropout indicators by province, school year ${schoolYear}`,
  };
}

export function toSummary(r: Pick<StoredRelease, 'id' | 'schoolYear' | 'publishedAt'>): OpenDataReleaseSummary {
  return { id: r.id, schoolYear: r.schoolYear, publishedAt: r.publishedAt, title: titleOf(r.schoolYear) };
}

/**
 * DCAT-AP_IT dataset metadata of one release. Derived from the release's immutable fields only
 * (id, school year, publication date), so it reads the same every time.
 */
export function metadataOf(r: StoredRelease): OpenDataMetadata {
  const [start] = r.schoolYear.split('/');
  const base = `${OPEN_DATA_BASE}/releases/${r.id}`;
  return {
    '@type': 'dcatapit:Dataset',
    identifier: `${PUBLISHER.identifier}:primm-ews:indicatori-provinciali:${r.id}`,
    title: titleOf(r.schoolYear),
    description: {
      it:
        `Per provincia delle Marche e per l'intera regione: studenti contati, studenti per livello di attenzione (Livello 1/2/3), ` +
        `per fascia di frequenza, per tipo di intervento e per esito dei casi, anno scolastico ${r.schoolYear}. ` +
        `Conteggi di studenti: da 1 a ${r.data.threshold - 1} si pubblicano come "<${r.data.threshold}", ` +
        `"n.d." nasconde un conteggio perché nessun piccolo gruppo sia ricavabile per differenza, ` +
        `anche confrontando pubblicazioni diverse dello stesso anno.`,
      en:
        `For each province of Marche and the whole region: students counted, students by level (Level 1/2/3), ` +
        `by attendance band, by type of intervention and by case outcome, school year ${r.schoolYear}. ` +
        `Counts of students: 1 to ${r.data.threshold - 1} are published as "<${r.data.threshold}", ` +
        `"n.d." hides a count so that no small group can be computed by difference, ` +
        `even by comparing different releases of the same year.`,
    },
    publisher: PUBLISHER,
    rightsHolder: PUBLISHER,
    // EU data theme vocabulary: EDUC, "Education, culture and sport".
    theme: 'http://publications.europa.eu/resource/authority/data-theme/EDUC',
    keyword: ['dispersione scolastica', 'frequenza', 'scuola', 'PRIMM', 'Marche'],
    language: ['http://publications.europa.eu/resource/authority/language/ITA'],
    spatial: 'Regione Marche (ISTAT 11)',
    license: LICENSE,
    temporal: { startDate: `${start}-09-01`, endDate: `${Number(start) + 1}-08-31` },
    // Releases follow the school calendar, when the admin publishes: irregular by the EU vocabulary.
    accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/IRREG',
    issued: r.publishedAt,
    modified: r.publishedAt,
    conformsTo: 'https://www.dati.gov.it/onto/dcatapit',
    distribution: [
      {
        format: 'CSV',
        mediaType: 'text/csv',
        title: { it: `CSV, anno ${r.schoolYear}`, en: `CSV, year ${r.schoolYear}` },
        downloadURL: `${base}/csv`,
        accessURL: `${base}/csv`,
        license: LICENSE.uri,
      },
      {
        format: 'JSON',
        mediaType: 'application/json',
        title: { it: `JSON, anno ${r.schoolYear}`, en: `JSON, year ${r.schoolYear}` },
        downloadURL: base,
        accessURL: base,
        license: LICENSE.uri,
      },
    ],
  };
}

export function toPublicRelease(r: StoredRelease): OpenDataRelease {
  return { id: r.id, schoolYear: r.schoolYear, publishedAt: r.publishedAt, metadata: metadataOf(r), data: r.data };
}

/**
 * One line per province and one for the region; the stable column names of the contract. Symbols
 * (`<10`, `n.d.`) stay as published: a re-user must see that a count is hidden, not a zero.
 */
export function releaseCsv(r: StoredRelease): string {
  const measures = r.data.measures;
  const line = (province: string, name: string, values: Record<string, unknown>) => [
    r.schoolYear,
    province,
    name,
    ...measures.map((m) => values[m] as string | number),
  ];
  return toCsv(
    ['anno_scolastico', 'provincia', 'denominazione', ...measures.map((m) => OPEN_DATA_COLUMNS[m])],
    [...r.data.rows.map((row) => line(row.province, row.provinceName, row.values)), line('', 'Marche', r.data.total)],
  );
}
