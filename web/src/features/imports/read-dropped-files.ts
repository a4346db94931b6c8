import type { PickedFile } from './collect-files';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** `readEntries` answers in batches (100 in Chrome) until it answers an empty one. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    // fullPath is `/regione/ANIS00800L/voti.csv`: the server wants it relative
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\/+/, '') });
  } else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/**
 * The files of a drop, folders walked recursively with their relative paths. The entries are
 * taken before the first await: the browser empties `dataTransfer` once the drop event returns.
 */
export async function readDroppedFiles(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dataTransfer.items ?? [], (item) =>
    item.kind === 'file' ? item.webkitGetAsEntry?.() : null,
  ).filter((entry): entry is FileSystemEntry => entry != null);
  if (entries.length === 0) {
    // No entries API (older browsers, tests): plain files, no folders.
    return Array.from(dataTransfer.files, (file) => ({ file, path: file.webkitRelativePath || file.name }));
  }
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
