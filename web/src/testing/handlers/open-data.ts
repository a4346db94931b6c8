import { http, HttpResponse } from 'msw';
import {
  OPEN_DATA_MEASURES,
  OpenDataRelease,
  PublishOpenDataInput,
  type OpenDataPreview,
  type OpenDataReleaseList,
  type OpenDataTable,
} from '@primm/shared/contracts/open-data';
import { errorBody } from '../fixtures';

const values = (students: number, tier3: number | string) =>
  Object.fromEntries(
    OPEN_DATA_MEASURES.map((m) => [m, m === 'students' ? students : m === 'tier3' ? tier3 : m === 'tier1' ? 60 : 20]),
  ) as OpenDataTable['total'];

/** Ancona 120 students (Livello 1/2/3 = 60 / 20 / `<10`), Pesaro-Urbino 110, the region 230. */
export const anOpenDataTable = (): OpenDataTable => ({
  schoolYear: '2025/26',
  threshold: 10,
  measures: [...OPEN_DATA_MEASURES],
  rows: [
    { province: 'AN', provinceName: 'Ancona', values: values(120, '<10') },
    { province: 'PU', provinceName: 'Pesaro e Urbino', values: values(110, 'n.d.') },
  ],
  total: values(230, 12),
  withheld: [],
});

const title = { it: 'Indicatori regionali, anno scolastico 2025/26', en: 'Regional indicators, school year 2025/26' };

export const anOpenDataRelease = (): OpenDataRelease =>
  OpenDataRelease.parse({
    id: 1,
    schoolYear: '2025/26',
    publishedAt: '2026-03-02T10:00:00.000Z',
    data: anOpenDataTable(),
    metadata: {
      '@type': 'dcatapit:Dataset',
      identifier: 'r_marche:primm-ews:indicatori-provinciali:1',
      title,
      description: { it: 'Conteggi di studenti per provincia.', en: 'Counts of students by province.' },
      publisher: { name: 'Regione Marche', identifier: 'r_marche' },
      rightsHolder: { name: 'Regione Marche', identifier: 'r_marche' },
      theme: 'http://publications.europa.eu/resource/authority/data-theme/EDUC',
      keyword: ['dispersione scolastica'],
      language: ['http://publications.europa.eu/resource/authority/language/ITA'],
      spatial: 'Regione Marche (ISTAT 11)',
      license: { name: 'CC BY 4.0', uri: 'https://creativecommons.org/licenses/by/4.0/' },
      temporal: { startDate: '2025-09-01', endDate: '2026-08-31' },
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/IRREG',
      issued: '2026-03-02T10:00:00.000Z',
      modified: '2026-03-02T10:00:00.000Z',
      conformsTo: 'https://www.dati.gov.it/onto/dcatapit',
      distribution: [
        {
          format: 'CSV',
          mediaType: 'text/csv',
          title,
          downloadURL: '/api/open-data/releases/1/csv',
          accessURL: '/api/open-data/releases/1/csv',
          license: 'https://creativecommons.org/licenses/by/4.0/',
        },
        {
          format: 'JSON',
          mediaType: 'application/json',
          title,
          downloadURL: '/api/open-data/releases/1',
          accessURL: '/api/open-data/releases/1',
          license: 'https://creativecommons.org/licenses/by/4.0/',
        },
      ],
    },
  });

/** One release published (id 1); the preview is the same table, ready to publish as id 2. */
export const openDataHandlers = [
  http.get('/api/open-data/releases', () => {
    const release = anOpenDataRelease();
    const body: OpenDataReleaseList = {
      releases: [{ id: release.id, schoolYear: release.schoolYear, publishedAt: release.publishedAt, title }],
    };
    return HttpResponse.json(body);
  }),
  http.get('/api/open-data/releases/:id', ({ params }) =>
    params.id === '1'
      ? HttpResponse.json(anOpenDataRelease())
      : HttpResponse.json(errorBody('not_found', 'Pubblicazione non trovata'), { status: 404 }),
  ),
  http.get('/api/open-data/preview', () => {
    const body: OpenDataPreview = {
      dataVersion: 7,
      years: ['2025/26'],
      data: anOpenDataTable(),
      comparedWith: [],
      conflicts: [],
    };
    return HttpResponse.json(body);
  }),
  http.post('/api/open-data/releases', async ({ request }) => {
    PublishOpenDataInput.parse(await request.json());
    return HttpResponse.json(
      { id: 2, schoolYear: '2025/26', publishedAt: '2026-03-03T10:00:00.000Z', title },
      { status: 201 },
    );
  }),
];
