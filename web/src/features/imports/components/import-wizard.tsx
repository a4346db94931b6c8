import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '@primm/shared/contracts/imports';
import { ApiError } from '../../../lib/api-client';
import { useUploadFiles } from '../api/upload-files';
import { checkFiles, type CheckedFiles, type PickedFile } from '../collect-files';
import { CommitPanel } from './commit-panel';
import { DropZone } from './drop-zone';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportResultPanel } from './import-result-panel';
import { ProgressBar } from './progress-bar';
import { RefusedFiles } from './refused-files';

type Step = { name: 'pick' } | { name: 'preview'; preview: ImportPreview } | { name: 'done'; result: ImportResult };

/**
 * An upload is refused as a whole for a few reasons the user can act on; say which. A refusal of
 * scope carries the school codes refused (server: import-scope.ts), which the user needs to know
 * which folder to take out: the server's own message then, in Italian like the data's messages.
 */
function refusalText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.code === 'forbidden' && error.message.trim() !== '') return error.message;
  return t(messageKey(error));
}

function messageKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.internal';
  if (error.code === 'validation_failed') return 'imports.upload.invalid';
  if (error.code === 'forbidden') return 'imports.upload.forbidden';
  if (error.code === 'payload_too_large') return 'imports.upload.tooLarge';
  return `errors.${error.code}`;
}

/**
 * Upload → preview (a dry run on the server) → commit → result; cancelling goes back to the start.
 * `canConfirmTransfers`: the admin, who may take students another school still holds.
 */
export function ImportWizard({ canConfirmTransfers = false }: { canConfirmTransfers?: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [checked, setChecked] = useState<CheckedFiles | null>(null);
  const [nothingPicked, setNothingPicked] = useState(false);
  const { mutation: upload, progress } = useUploadFiles();

  function send(picked: PickedFile[]) {
    const result = checkFiles(picked);
    setChecked(result);
    setNothingPicked(picked.length === 0);
    upload.reset();
    if (result.accepted.length > 0)
      upload.mutate(result.accepted, { onSuccess: (preview) => setStep({ name: 'preview', preview }) });
  }

  function restart() {
    upload.reset();
    setChecked(null);
    setNothingPicked(false);
    setStep({ name: 'pick' });
  }

  // What was left out stays listed beside the preview: the user confirms knowing it.
  const refused = checked && checked.refused.length > 0 ? <RefusedFiles checked={checked} /> : null;

  if (step.name === 'preview') {
    return (
      <>
        {refused}
        <ImportPreviewPanel preview={step.preview} />
        <CommitPanel
          preview={step.preview}
          onCommitted={(result) => setStep({ name: 'done', result })}
          onCancel={restart}
          canConfirmTransfers={canConfirmTransfers}
        />
      </>
    );
  }
  if (step.name === 'done') return <ImportResultPanel result={step.result} onRestart={restart} />;

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <>
      <DropZone onFiles={send} disabled={upload.isPending} />
      {nothingPicked && <p role="status">{t('imports.drop.noFiles')}</p>}
      {refused}
      {upload.isPending && (
        <ProgressBar
          label={t('imports.upload.label')}
          value={progress?.loaded}
          max={progress?.total ?? 1}
          status={percent < 100 ? t('imports.upload.sending', { percent }) : t('imports.upload.checking')}
        />
      )}
      {upload.isError && (
        <div role="alert" className="callout callout-danger">
          <p className="callout-title">{t('errors.title')}</p>
          <p>{refusalText(upload.error, t)}</p>
        </div>
      )}
    </>
  );
}
