import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ImportPreview } from '@primm/shared/contracts/imports';
import { ApiError, readAnswer } from '../../../lib/api-client';
import type { PickedFile } from '../collect-files';

export type UploadProgress = { loaded: number; total: number };

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/imports`, one `files` part per file named by its relative path (the server finds the
 * school folders in it). XMLHttpRequest, not fetch: fetch reports no upload progress. Same-origin,
 * so the session cookie goes with it; answers are read like `api` reads them.
 */
export function uploadFiles(
  files: PickedFile[],
  onProgress?: (progress: UploadProgress) => void,
): Promise<ImportPreview> {
  const form = new FormData();
  for (const { file, path } of files) form.append('files', file, path);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      try {
        resolve(readAnswer('/imports', xhr.status, parseJson(xhr.responseText), ImportPreview) as ImportPreview);
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    xhr.send(form);
  });
}

/** The upload and how far it has got; the progress resets with each new upload. */
export function useUploadFiles() {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (files: PickedFile[]) => {
      setProgress({ loaded: 0, total: files.reduce((sum, f) => sum + f.file.size, 0) });
      return uploadFiles(files, setProgress);
    },
  });
  return { mutation, progress };
}
