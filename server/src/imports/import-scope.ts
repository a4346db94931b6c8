import type { Db } from '../db/open-database';

/**
 * Which schools an import may write. The web passes the user's: a referent's schools, or 'all'
 * for the admin; the command line and the demo run as the server's operator ('all'). The check
 * is made by the loaders on the very records they write (scuola.csv, the registry, OneRoster's
 * schools), so a preview and its commit refuse exactly what would be written.
 */
export type ImportScope = 'all' | { schoolIds: readonly number[] };

/** A school an import names and may not write: another's, or one not registered yet (`known: false`). */
export interface RefusedSchool {
  code: string;
  known: boolean;
}

/** The import named schools outside its scope: it stops, and nothing of it is written. */
export class ImportScopeError extends Error {
  override readonly name = 'ImportScopeError';

  constructor(readonly refused: RefusedSchool[]) {
    const others = refused.filter((s) => s.known).map((s) => s.code);
    const unknown = refused.filter((s) => !s.known).map((s) => s.code);
    super(
      [
        others.length > 0 ? `Non potete importare dati di scuole non vostre: ${others.join(', ')}` : '',
        unknown.length > 0 ? `Scuole non ancora registrate: ${unknown.join(', ')}; le aggiunge l'amministratore` : '',
      ]
        .filter(Boolean)
        .join('. '),
    );
  }
}

/**
 * Throws ImportScopeError when any of `codes` (as written, rejected rows included: a doubt
 * refuses) is a school the scope does not hold, or no school yet (creating one is the admin's).
 */
export async function assertSchoolsInScope(
  ctx: { trx: Db; scope: ImportScope },
  codes: readonly string[],
): Promise<void> {
  const scope = ctx.scope;
  if (scope === 'all' || codes.length === 0) return;
  const unique = [...new Set(codes)];
  const found = new Map(
    (await ctx.trx.selectFrom('school').select(['id', 'code']).where('code', 'in', unique).execute()).map((s) => [
      s.code,
      s.id,
    ]),
  );
  const refused = unique
    .filter((code) => !scope.schoolIds.includes(found.get(code) ?? -1))
    .map((code) => ({ code, known: found.has(code) }));
  if (refused.length > 0) throw new ImportScopeError(refused);
}
