import { normalizeHeader } from './read-csv';

/**
 * Other names registers give our columns (docs/data-format.md names are the canonical ones).
 * Keys and aliases are compared after normalizeHeader (case, accents, `_` and spaces ignored).
 */
const ALIASES: Record<string, string[]> = {
  'codice fiscale': ['cf', 'codicefiscale', 'cod fiscale', 'cod. fiscale'],
  data: ['giorno', 'data evento', 'data voto', 'data assenza'],
  ore: ['ore assenza', 'ore di assenza', 'n ore', 'numero ore'],
  materia: ['disciplina', 'insegnamento'],
  voto: ['valutazione', 'giudizio'],
  tipo: ['tipo voto', 'tipologia', 'tipo evento'],
  classe: ['sezione classe', 'classe sezione'],
  'data di nascita': ['nascita', 'data nascita', 'nato il'],
  sesso: ['genere'],
  cittadinanza: ['nazionalita'],
  giustificata: ['giustificato', 'giustificazione'],
  'comune di residenza': ['residenza', 'comune residenza', 'codice istat residenza'],
  'codice meccanografico': ['codice scuola', 'codicescuola', 'codice mecc'],
  // per-class grade exports: `Cognome Nome (dd/mm/yyyy)` in one column
  alunno: ['alunna', 'studente', 'studentessa', 'nominativo', 'cognome e nome', 'cognome nome'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(ALIASES)) {
  for (const alias of aliases) CANONICAL.set(normalizeHeader(alias), canonical);
}

// Called for every field of every row: headers are few, so remember each answer.
const memo = new Map<string, string>();

/** The canonical column name of a header (itself when it has no alias). */
export function canonicalColumn(header: string): string {
  let canonical = memo.get(header);
  if (canonical === undefined) {
    const normal = normalizeHeader(header);
    canonical = CANONICAL.get(normal) ?? normal;
    memo.set(header, canonical);
  }
  return canonical;
}
