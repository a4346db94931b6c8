import type { ImportBatch } from '@primm/shared/contracts/imports';
import type { Db } from '../db/open-database';

/** The import history, newest first; `byUser` limits it to one user's imports. */
export async function listImportBatches(db: Db, byUser: number | null, limit = 100): Promise<ImportBatch[]> {
  let q = db
    .selectFrom('import_batch')
    .leftJoin('app_user', 'app_user.id', 'import_batch.user_id')
    .leftJoin('service_token', 'service_token.id', 'import_batch.service_token_id')
    .select([
      'import_batch.id',
      'import_batch.started_at',
      'finished_at',
      'source',
      'status',
      'inserted',
      'updated',
      'unchanged',
      'rejected',
      'files',
      'app_user.email',
      'service_token.name as service_token_name',
      'import_batch.inbox_folder',
    ])
    .where('import_batch.status', '!=', 'dry_run')
    .orderBy('import_batch.id', 'desc')
    .limit(limit);
  if (byUser !== null) q = q.where('import_batch.user_id', '=', byUser);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    // The inbox's imports are run by the server (source 'cli'); their origin is the folder.
    source: r.inbox_folder != null ? 'inbox' : r.source,
    inboxFolder: r.inbox_folder ?? null,
    status: r.status,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    userEmail: r.email,
    serviceToken: r.service_token_name,
    files: JSON.parse(r.files) as ImportBatch['files'],
  }));
}
