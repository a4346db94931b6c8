import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';

/** A file to send, with its path relative to what the user picked (`ANIS00800L/voti.csv`). */
export type PickedFile = { file: File; path: string };

/**
 * `type`: not CSV, TXT or ZIP (a folder also holds photos, `.DS_Store`…): left out, the rest goes.
 * `size` and `count`: the server would refuse the whole upload, and leaving a school's `voti.csv`
 * out would import the school without its grades, so nothing is sent.
 */
export type RefusalReason = 'type' | 'size' | 'count';
export type Refusal = { path: string; reason: RefusalReason };

export type CheckedFiles = { accepted: PickedFile[]; refused: Refusal[]; blocked: boolean };

type Limits = { maxFiles: number; maxFileBytes: number; extensions: readonly string[] };

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** From `<input type="file">`: with `webkitdirectory` each file knows its path inside the folder. */
export function pickedFromInput(files: Iterable<File>): PickedFile[] {
  return Array.from(files, (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** The checks the server makes (UPLOAD_LIMITS), made before sending so a refusal costs no upload. */
export function checkFiles(picked: PickedFile[], limits: Limits = UPLOAD_LIMITS): CheckedFiles {
  const refused: Refusal[] = [];
  const kept: PickedFile[] = [];
  for (const item of picked) {
    if (!limits.extensions.includes(extensionOf(item.path))) refused.push({ path: item.path, reason: 'type' });
    else if (item.file.size > limits.maxFileBytes) refused.push({ path: item.path, reason: 'size' });
    else kept.push(item);
  }
  if (kept.length > limits.maxFiles) {
    for (const item of kept.slice(limits.maxFiles)) refused.push({ path: item.path, reason: 'count' });
  }
  const blocked = refused.some((r) => r.reason !== 'type');
  return { accepted: blocked ? [] : kept, refused, blocked };
}
