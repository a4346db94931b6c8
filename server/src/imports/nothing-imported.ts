import type { ImportFileSummary } from '@primm/shared/contracts/imports';

type Counts = { inserted: number; updated: number; unchanged: number; rejected: number };

/**
 * Why an import took no row at all, or null when it took some (issue 24: a bundle without a
 * school, a registry of other regions imported nothing and said nothing). Rows read, rejected
 * and left aside by reason, file by file, so that the operator sees what was found and what is
 * missing without reading the files again.
 */
export function explainNothingImported(counts: Counts, files: readonly ImportFileSummary[]): string | null {
  if (counts.inserted + counts.updated + counts.unchanged > 0) return null;
  const read = files.reduce((n, f) => n + (f.read ?? 0), 0);
  const skipped = files.reduce((n, f) => n + (f.skipped ?? []).reduce((m, s) => m + s.rows, 0), 0);
  if (files.length === 0) return 'Nessuna riga importata: nessun file letto';
  const reasons = files
    .filter((f) => (f.skipped ?? []).length > 0)
    .map((f) => `${f.file}: ${f.skipped!.map((s) => `${s.rows} ${s.reason}`).join(', ')}`);
  const rejected =
    counts.rejected === 1
      ? '1 scartata per errore (vedi gli errori)'
      : counts.rejected > 1
        ? `${counts.rejected} scartate per errore (vedi gli errori)`
        : '0 scartate';
  const lette = read === 1 ? '1 riga letta' : `${read} righe lette`;
  return `Nessuna riga importata: ${lette}, ${rejected}, ${skipped} lasciate da parte${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`;
}
