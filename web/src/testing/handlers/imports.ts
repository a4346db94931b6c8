import { http, HttpResponse } from 'msw';
import {
  CommitImportInput,
  type ImportHistory,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
} from '@primm/shared/contracts/imports';
import { SCHOOL_FILE_NAMES, templateCsv, type SchoolFileName } from '@primm/shared/import-format/school-files';
import { currentMockSession } from './auth';
import {
  anImportBatch,
  anImportPreview,
  anImportProgress,
  anImportResult,
  errorBody,
  mockData,
  mockImportHistory,
} from '../fixtures';

/**
 * The state the import mocks keep, so `pnpm dev:mock` goes upload → preview → commit → history:
 * uploads waiting for commit, and the batches committed in this session. `resetMockImports` runs
 * after each test.
 */
const uploads = new Map<string, { preview: ImportPreview; polls: number; finished?: () => void }>();
let committed: typeof mockImportHistory = [];
let nextUpload = 1;

export function resetMockImports(): void {
  uploads.clear();
  committed = [];
  nextUpload = 1;
}

/** What the server answers while a commit runs: school 1 of 2, then 2 of 2, then done. */
function progressAt(poll: number, preview: ImportPreview): ImportProgress {
  const total = Math.max(1, preview.schools.length);
  if (poll === 0) return anImportProgress({ done: 0, total, school: preview.schools[0]?.code ?? null });
  if (poll === 1)
    return anImportProgress({ done: Math.min(1, total), total, school: preview.schools.at(-1)?.code ?? null });
  // The data committed, the risk of each school recomputed after it.
  if (poll === 2) return anImportProgress({ phase: 'risk', done: 0, total, school: preview.schools[0]?.code ?? null });
  return anImportProgress({ status: 'committed', done: total, total, school: null });
}

/** Each school folder (the one holding `scuola.csv`) becomes a school of the preview, as on the server. */
function schoolsOf(names: string[]): ImportPreview['schools'] {
  return names
    .filter((name) => /(^|\/)scuola\.csv$/i.test(name))
    .map((name) => name.split('/').at(-2) ?? '')
    .filter((code) => /^[A-Z]{2}[A-Z0-9]{8}$/.test(code))
    .map((code) => {
      const known = mockData.schools.find((s) => s.code === code);
      return { code, name: known?.name ?? `Scuola ${code}`, known: Boolean(known) };
    });
}

export const importsHandlers = [
  http.post('/api/imports', async ({ request }) => {
    const form = await request.formData().catch(() => undefined);
    const files = (form?.getAll('files') ?? []).filter((part): part is File => typeof part !== 'string');
    if (files.length === 0)
      return HttpResponse.json(errorBody('validation_failed', 'Nessun file ricevuto'), { status: 400 });
    const schools = schoolsOf(files.map((f) => f.name));
    if (schools.length === 0) {
      return HttpResponse.json(
        errorBody('validation_failed', 'Nessuna cartella di scuola: serve almeno un file scuola.csv'),
        { status: 400 },
      );
    }
    const uploadId = String(nextUpload++).padStart(32, '0');
    const columns = ['Codice meccanografico', 'Denominazione'];
    const preview = anImportPreview({
      uploadId,
      schools,
      files: files.map((f) => ({ name: f.name, bytes: f.size, encoding: 'utf-8', delimiter: ';', columns })),
    });
    uploads.set(uploadId, { preview, polls: 0 });
    return HttpResponse.json<ImportPreview>(preview, { status: 201 });
  }),

  // The commit answers once the progress has been followed to the end, like the real one (it answers when done).
  http.post('/api/imports/:uploadId/commit', async ({ params, request }) => {
    const { confirmTransfers } = CommitImportInput.parse(await request.json()); // mocks honour the contract
    if (confirmTransfers && currentMockSession()?.role !== 'admin') {
      return HttpResponse.json(errorBody('forbidden', "Solo l'amministratore può confermare i trasferimenti"), {
        status: 403,
      });
    }
    const upload = uploads.get(String(params.uploadId));
    if (!upload) return HttpResponse.json(errorBody('not_found', 'Caricamento non trovato o scaduto'), { status: 404 });
    await new Promise<void>((resolve) => {
      upload.finished = resolve;
      setTimeout(resolve, 5000); // nobody polling (a test without progress): answer anyway
    });
    uploads.delete(String(params.uploadId));
    const { preview } = upload;
    const transfers = preview.transfers?.map((tr) =>
      tr.status === 'conflict' && confirmTransfers ? { ...tr, status: 'confirmed' as const } : tr,
    );
    const result = anImportResult({
      batchId: 100 + committed.length,
      inserted: preview.inserted,
      updated: preview.updated,
      unchanged: preview.unchanged,
      rejected: preview.rejected,
      transfers,
    });
    committed = [
      anImportBatch({
        id: result.batchId,
        startedAt: new Date().toISOString(),
        userEmail: currentMockSession()?.email ?? null,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected,
        files: preview.files.map((f, i) => ({
          name: f.name,
          bytes: f.bytes,
          sha256: `${i + 1}`.padStart(64, 'c0ffee'),
        })),
      }),
      ...committed,
    ];
    return HttpResponse.json<ImportResult>(result);
  }),

  http.get('/api/imports/:uploadId/progress', ({ params }) => {
    const upload = uploads.get(String(params.uploadId));
    if (!upload) return HttpResponse.json(errorBody('not_found', 'Nessuna importazione in corso'), { status: 404 });
    const progress = progressAt(upload.polls++, upload.preview);
    if (progress.status === 'committed') upload.finished?.();
    return HttpResponse.json<ImportProgress>(progress);
  }),

  http.get('/api/imports', () => HttpResponse.json<ImportHistory>({ items: [...committed, ...mockImportHistory] })),

  // The templates, written by the same shared function as on the server.
  http.get('/api/imports/templates/:file', ({ params }) => {
    const file = String(params.file);
    if (!(SCHOOL_FILE_NAMES as string[]).includes(file))
      return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    return new HttpResponse(templateCsv(file as SchoolFileName), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"` },
    });
  }),
];
