import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '@primm/shared/contracts/imports';
import { ApiError } from '../../../lib/api-client';
import { useCommitImport } from '../api/commit-import';
import { useImportProgress } from '../api/get-import-progress';
import { ProgressBar } from './progress-bar';

type Props = {
  preview: ImportPreview;
  onCommitted: (result: ImportResult) => void;
  onCancel: () => void;
  /** The admin may take students another school still holds (the server refuses anyone else). */
  canConfirmTransfers?: boolean;
};

/** 404 here means the upload is gone (expired after 24 h, or already committed in another tab). */
function messageKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.internal';
  return error.code === 'not_found' ? 'imports.commit.expired' : `errors.${error.code}`;
}

export function CommitPanel({ preview, onCommitted, onCancel, canConfirmTransfers = false }: Props) {
  const { t } = useTranslation();
  const commit = useCommitImport();
  const [confirmTransfers, setConfirmTransfers] = useState(false);
  const conflicts = (preview.transfers ?? []).filter((tr) => tr.status === 'conflict').length;
  const progress = useImportProgress(preview.uploadId, commit.isPending).data;

  function status(): string {
    if (!progress || progress.status !== 'running') return t('imports.commit.starting');
    // The data is committed; the risk of each school is recomputed (the lists change after it).
    if (progress.phase === 'risk')
      return t('imports.commit.risk', { school: progress.school, done: progress.done, total: progress.total });
    return progress.school
      ? t('imports.commit.school', { school: progress.school, done: progress.done, total: progress.total })
      : t('imports.commit.running', { done: progress.done, total: progress.total });
  }

  return (
    <div className="import-step">
      {canConfirmTransfers && conflicts > 0 && (
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={confirmTransfers}
              disabled={commit.isPending}
              onChange={(e) => setConfirmTransfers(e.target.checked)}
            />{' '}
            {t('imports.transfers.confirm', { count: conflicts })}
          </label>
          <p className="hint">{t('imports.transfers.confirmHint')}</p>
        </div>
      )}
      <div className="field-actions">
        <button
          type="button"
          className="btn btn-primary"
          // Nothing to take: confirming would only record an empty import.
          disabled={commit.isPending || Boolean(preview.nothingImported)}
          onClick={() => commit.mutate({ uploadId: preview.uploadId, confirmTransfers }, { onSuccess: onCommitted })}
        >
          {preview.rejected > 0
            ? t('imports.commit.submitPartial', { count: preview.rejected })
            : t('imports.commit.submit')}
        </button>
        <button type="button" className="btn btn-outline" disabled={commit.isPending} onClick={onCancel}>
          {t('imports.commit.cancel')}
        </button>
      </div>
      <p className="hint">{t('imports.commit.cancelNote')}</p>
      {commit.isPending && (
        <ProgressBar
          label={t('imports.commit.progressLabel')}
          value={progress?.done}
          max={progress?.total ?? preview.schools.length}
          status={status()}
        />
      )}
      {commit.isError && (
        <div role="alert" className="callout callout-danger">
          <p className="callout-title">{t('errors.title')}</p>
          <p>{t(messageKey(commit.error))}</p>
        </div>
      )}
    </div>
  );
}
