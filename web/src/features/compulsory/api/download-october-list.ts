import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, readAnswer } from '../../../lib/api-client';
import { allDeadlinesQueryKey } from './get-deadlines';

export type OctoberListDownload = { schoolCode: string; municipality?: string };

/** `attachment; filename="elenco-obbligo-….csv"` → the server's file name; a fallback keeps the school code. */
function fileNameOf(disposition: string | null, schoolCode: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? `elenco-obbligo-${schoolCode}.csv`;
}

/**
 * The CSV of the October list. Not `api.get`: the answer is a file, not JSON. The error envelope is
 * read the same way, so a refusal shows the translated code like every other request.
 */
export async function downloadOctoberList({
  schoolCode,
  municipality,
}: OctoberListDownload): Promise<{ blob: Blob; fileName: string }> {
  const params = new URLSearchParams({ format: 'csv', ...(municipality ? { municipality } : {}) });
  const path = `/schools/${schoolCode}/october-list`;
  let response: Response;
  try {
    response = await fetch(`/api${path}?${params.toString()}`, {
      credentials: 'same-origin',
      headers: { Accept: 'text/csv, application/json' },
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) readAnswer(path, response.status, await response.json().catch(() => undefined), undefined);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), schoolCode) };
}

/** Hands the file to the browser's downloads, like a link with `download`. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The server records each export: the deadlines' "last export" must show it. */
export function useDownloadOctoberList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadOctoberList,
    onSuccess: ({ blob, fileName }) => {
      saveFile(blob, fileName);
      return queryClient.invalidateQueries({ queryKey: allDeadlinesQueryKey });
    },
  });
}
