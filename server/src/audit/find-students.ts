import { isValidCodiceFiscale } from '@primm/shared/codice-fiscale';
import type { Db } from '../db/open-database';
// The one HMAC of the codice fiscale: the audit search must find the student the imports stored.
import { pseudonymize } from '../imports/pseudonym';

/** Students a search of the audit log names, at most this many (a name may match several). */
export const MAX_STUDENTS_SEARCHED = 20;

/**
 * The students a search names: an internal id, a codice fiscale (found through its pseudonym: the
 * code itself is not stored), or words of the name, each found in the surname or first name.
 * Only the admin searches the log, and the admin may see names.
 */
export async function findStudents(
  db: Db,
  search: string,
  pseudonymKey: string,
): Promise<{ id: number; lastName: string; firstName: string }[]> {
  const text = search.trim();
  let q = db.selectFrom('student').select(['id', 'last_name', 'first_name']);
  if (/^\d+$/.test(text)) q = q.where('id', '=', Number(text));
  else if (isValidCodiceFiscale(text.toUpperCase())) q = q.where('pseudonym', '=', pseudonymize(text, pseudonymKey));
  else {
    const words = text.split(/\s+/).filter(Boolean).slice(0, 4);
    if (words.length === 0) return [];
    for (const word of words) {
      const like = `%${word.replace(/[%_]/g, '')}%`;
      // lower() on both sides: LIKE is case-insensitive on SQLite only for ASCII, and not at all on PostgreSQL
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['last_name']), 'like', like.toLowerCase()),
          eb(eb.fn('lower', ['first_name']), 'like', like.toLowerCase()),
        ]),
      );
    }
  }
  const rows = await q.orderBy('last_name').orderBy('first_name').orderBy('id').limit(MAX_STUDENTS_SEARCHED).execute();
  return rows.map((r) => ({ id: r.id, lastName: r.last_name, firstName: r.first_name }));
}
